// Files of patients' postcodes for the enrich tests and benchmark, built from the real postcodes of
// the ONSPD sample and supplement (in several spellings), with invalid, unknown and empty ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export function samplePostcodes(dataDir: string): string[] {
  const rows = (f: string): Record<string, string>[] => parse(readFileSync(join(dataDir, f)), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true });
  return [...rows('onspd/ONSPD_sample.csv'), ...rows('onspd/ONSPD_supplement_from_postcodes_io_examples.csv')].map((r) => r.pcds).filter(Boolean);
}

/** The i-th postcode cell of a test file: mostly real postcodes, spelt as people type them, some bad. */
export function postcodeCell(real: string[], i: number): string {
  if (i % 97 === 5) return 'not a postcode';
  if (i % 89 === 7) return 'ZZ99 9ZZ'; // valid format, in no directory
  if (i % 83 === 3) return '';
  const p = real[(i * 7919) % real.length];
  return i % 3 === 0 ? p.toLowerCase().replace(' ', '') : i % 3 === 1 ? ` ${p} ` : p;
}

/** A CSV of `rows` patients: id, postcode, a date and a free-text note (with commas and quotes). */
export function patientsCsv(real: string[], rows: number, eol = '\n'): string {
  const lines = ['patient_id,Postcode,seen_on,note'];
  for (let i = 0; i < rows; i++) lines.push(`${i + 1},${postcodeCell(real, i)},2024-0${(i % 9) + 1}-1${i % 10},"note ${i}, with ""quotes"""`);
  return lines.join(eol) + eol;
}
