// The real curated lists, read independently of the importer, for tests to compare answers with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../../test/helpers/platform.ts';

export type Row = Record<string, string | null>;

/** One of the curated JSON lists (organisations/<file>) as its records. */
export const read = (file: string): Row[] => JSON.parse(readFileSync(join(dataDir(), 'organisations', file), 'utf8'));

/** Distinct non-empty values, sorted. */
export const sorted = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
