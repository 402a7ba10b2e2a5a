// What the tests compare answers with, read from the real source files (never from the service):
// the ONSPD sample and supplement, the ONS code→name tables, and real postcodes.io answers for
// Welsh, Scottish and Northern Irish postcodes (RCPCH's test fixtures).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from '../../../test/helpers/platform.ts';
import { CODE_FIELDS, RESULT_FIELDS, type Source } from '../fields.ts';

export type Row = Record<string, string>;

const read = (f: string): Row[] => parse(readFileSync(join(dataDir(), 'onspd', f)), { bom: true, columns: true, skip_empty_lines: true });
export const sample = read('ONSPD_sample.csv');
export const supplement = read('ONSPD_supplement_from_postcodes_io_examples.csv');
export const rows = [...sample, ...supplement];
export const byPostcode = new Map(rows.map((r) => [r.pcds, r]));

/** The name tables the postcodes dataset loads, by the field they name (as datasets/postcodes/names.ts maps them). */
const NAME_FILES: Record<string, string> = {
  ctry: 'countries', rgn: 'regions', oscty: 'counties', ced: 'ceds', oslaua: 'districts', osward: 'wards', parish: 'parishes',
  pcon: 'constituencies', lsoa11: 'lsoa', msoa11: 'msoa', lsoa21: 'lsoa21', msoa21: 'msoa21', icb: 'icb', sicbl: 'ccgs',
  nhser: 'nhs_regions', oshlthau: 'nhsHa', ttwa: 'ttwa', pfa: 'police_force_areas', ru11ind: 'ruc11',
};
const nameTables = new Map<string, Record<string, string | { name: string }>>();
export function nameOf(field: string, code: string | null): string | null {
  if (code === null) return null;
  let table = nameTables.get(field);
  if (!table) nameTables.set(field, (table = JSON.parse(readFileSync(join(dataDir(), 'geography-names', `${NAME_FILES[field]}.json`), 'utf8'))));
  const v = table![code];
  return v === undefined ? null : typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : v.name;
}

const NUMERIC = new Set(['oseast1m', 'osnrth1m', 'osgrdind', 'lat', 'long']);

/** A source value as the directory serves it: pseudo-codes and empty cells null, no grid reference null. */
export function cell(row: Row, field: string): string | number | null {
  if (field === 'outcode') return row.pcds.split(' ')[0];
  const v = row[field] ?? '';
  if (v === '' || /^[A-Z]99999999$/.test(v)) return null;
  if ((field === 'lat' || field === 'long') && row.lat === '99.999999') return null;
  return NUMERIC.has(field) ? Number(v) : v;
}

function expectedOf(source: Source, row: Row): unknown {
  if (source === null) return null;
  if ('incode' in source) return row.pcds.split(' ')[1];
  if ('value' in source) return cell(row, source.value);
  const code = cell(row, source.name);
  return nameOf(source.name, typeof code === 'string' ? code : null);
}

/** The postcodes.io object of a source row, computed from the files. */
export function expectedPostcode(row: Row): Record<string, unknown> {
  return {
    ...Object.fromEntries(RESULT_FIELDS.map(([k, s]) => [k, expectedOf(s, row)])),
    codes: Object.fromEntries(CODE_FIELDS.map(([k, s]) => [k, expectedOf(s, row)])),
  };
}

export interface Example {
  query: string;
  result: (Record<string, unknown> & { codes: Record<string, unknown> }) | null;
}
const examples = (f: string): Example[] => JSON.parse(readFileSync(join(dataDir(), 'onspd', 'postcodes-io-examples', f), 'utf8'));
/** Real postcodes.io answers ({query, result}, as its bulk lookup gives them). */
export const EXAMPLES = { wales: examples('welsh_addresses.json'), scotland: examples('scottish_addresses.json'), northern_ireland: examples('northern_ireland_addresses.json') };

/** Great-circle metres (mean Earth radius), as the directory computes them. */
export function metres(lat1: number, long1: number, lat2: number, long2: number): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(long2 - long1) / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Ways clients send a postcode in a path. */
export const spellings = (pcds: string) => [encodeURIComponent(pcds), pcds.replace(' ', ''), pcds.toLowerCase().replace(' ', '%20'), pcds.toLowerCase().replace(' ', '')];

/** The headers the clients send (API gateway keys, a bearer token): accepted and ignored. */
export const CLIENT_HEADERS: Record<string, string>[] = [{}, { 'Ocp-Apim-Subscription-Key': 'a-key' }, { 'Subscription-Key': 'a-key' }, { Authorization: 'Bearer a-token' }];
