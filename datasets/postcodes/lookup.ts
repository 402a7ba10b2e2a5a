// Normalising and looking up postcodes: shared by the routes and the service other plug-ins use.
import { toNormalised } from 'postcode';
import type { Knex } from 'knex';
import type { PostcodesRecord } from './types.ts';
import type { PostcodeStatus } from './service-types.ts';

/** Any case and spacing ("sw1a1aa", " SW1A 1AA ") → "SW1A 1AA"; null when not a valid UK postcode. */
export function normalise(input: string): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const compact = input.replace(/\s+/g, '');
  if (compact.length < 5 || compact.length > 7) return null;
  return toNormalised(compact);
}

export const RECORD_FIELDS = [
  'pcds', 'pcd7', 'pcd8', 'outcode', 'dointr', 'doterm', 'usertype', 'ctry', 'rgn', 'oscty', 'ced', 'oslaua', 'osward', 'parish', 'pcon',
  'lsoa11', 'msoa11', 'oa11', 'lsoa21', 'msoa21', 'oa21', 'icb', 'sicbl', 'nhser', 'oshlthau', 'ttwa', 'pfa', 'ru11ind',
  'oseast1m', 'osnrth1m', 'osgrdind', 'lat', 'long', 'imd',
] as const;

export interface Found {
  input: string;
  postcode: string | null;
  status: PostcodeStatus;
  row: PostcodesRecord | null;
}

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: PostcodesRecord[] }>;
}

/**
 * Runs a named (prepared) statement on a pooled connection: PostgreSQL plans a postcode lookup once
 * per connection instead of on every request (the hot path of the service).
 */
async function prepared(db: Knex, name: string, text: string, values: unknown[]): Promise<PostcodesRecord[]> {
  const conn = (await db.client.acquireConnection()) as PgConnection;
  try {
    return (await conn.query({ name, text, values })).rows;
  } finally {
    await db.client.releaseConnection(conn);
  }
}

const columns = RECORD_FIELDS.map((f) => `"${f}"`).join(', ');

/** Looks up many postcodes in one query; one answer per input, in order. */
export async function findPostcodes(db: Knex, table: string, editionId: number, inputs: string[]): Promise<Found[]> {
  const normalised = inputs.map((i) => normalise(i));
  const wanted = [...new Set(normalised.filter((p): p is string => p !== null))];
  const rows = new Map<string, PostcodesRecord>();
  if (wanted.length === 1) {
    const text = `SELECT ${columns} FROM "${table}" WHERE edition_id = $1 AND pcds = $2`;
    for (const r of await prepared(db, `${table}_one`, text, [editionId, wanted[0]])) rows.set(r.pcds, r);
  } else if (wanted.length > 1) {
    const text = `SELECT ${columns} FROM "${table}" WHERE edition_id = $1 AND pcds = ANY($2::text[])`;
    for (const r of await prepared(db, `${table}_many`, text, [editionId, wanted])) rows.set(r.pcds, r);
  }
  return inputs.map((input, i) => {
    const postcode = normalised[i];
    if (postcode === null) return { input, postcode, status: 'invalid', row: null };
    const row = rows.get(postcode) ?? null;
    return { input, postcode, status: row === null ? 'not_found' : row.doterm ? 'terminated' : 'found', row };
  });
}
