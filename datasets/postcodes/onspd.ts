// The ONS Postcode Directory's columns: matched by header name (editions differ in which columns
// they carry), and one row as a stored record (the importer's record way; fast-row.ts is the byte
// way for plain rows).
import { SourceError } from '../../core/contract.ts';
import type { PostcodesRecord } from './types.ts';

/** Header names (normalised) accepted for each stored field, newest first. */
export const COLUMN_ALIASES: Record<string, string[]> = {
  pcds: ['pcds'],
  pcd7: ['pcd7', 'pcd'],
  pcd8: ['pcd8', 'pcd2'],
  dointr: ['dointr'],
  doterm: ['doterm'],
  usertype: ['usertype'],
  ctry: ['ctry'],
  rgn: ['rgn', 'gor'],
  oscty: ['oscty'],
  ced: ['ced'],
  oslaua: ['oslaua'],
  osward: ['osward'],
  parish: ['parish'],
  pcon: ['pcon'],
  lsoa11: ['lsoa11'],
  msoa11: ['msoa11'],
  oa11: ['oa11'],
  lsoa21: ['lsoa21'],
  msoa21: ['msoa21'],
  oa21: ['oa21'],
  icb: ['icb'],
  sicbl: ['sicbl'],
  nhser: ['nhser'],
  oshlthau: ['oshlthau'],
  ttwa: ['ttwa'],
  pfa: ['pfa'],
  ru11ind: ['ru11ind'],
  oseast1m: ['oseast1m'],
  osnrth1m: ['osnrth1m'],
  osgrdind: ['osgrdind'],
  lat: ['lat'],
  long: ['long'],
  imd: ['imd'],
};

/** Fields whose column must be present (by one of its names) or the file is refused. */
export const REQUIRED = ['pcds', 'dointr', 'doterm', 'ctry', 'oslaua', 'lsoa11', 'lat', 'long'];

const INTEGER = new Set(['usertype', 'oseast1m', 'osnrth1m', 'osgrdind', 'imd']);
const TEXT_AS_IS = new Set(['pcds', 'pcd7', 'pcd8', 'dointr', 'doterm']);
const PSEUDO = /^[A-Z]99999999$/;
const INT = /^-?[0-9]+$/;

export const normaliseHeader = (h: string) => h.replace(/\s+/g, ' ').trim().toLowerCase();

export interface Mapping {
  fields: string[];
  indexes: number[];
  kinds: Kind[];
}

const enum Kind {
  Text,
  Code,
  Integer,
  Number,
}

export const kindOf = (field: string): Kind =>
  INTEGER.has(field) ? Kind.Integer : field === 'lat' || field === 'long' ? Kind.Number : TEXT_AS_IS.has(field) ? Kind.Text : Kind.Code;

/** Maps header names to stored fields; throws when a required column is missing. */
export function mapHeader(header: string[], file: string): Mapping {
  const names = header.map(normaliseHeader);
  const fields: string[] = [];
  const indexes: number[] = [];
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES)) {
    const i = aliases.map((a) => names.indexOf(a)).find((x) => x >= 0);
    if (i !== undefined) {
      fields.push(field);
      indexes.push(i);
    }
  }
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length > 0)
    throw new SourceError(
      `not an ONSPD file this importer can read: required column(s) missing: ${missing.map((m) => COLUMN_ALIASES[m].join(' or ')).join(', ')} (found: ${names.filter(Boolean).join(', ')})`,
      file,
      1,
      missing[0],
    );
  return { fields, indexes, kinds: fields.map(kindOf) };
}

// Every stored field, in one fixed shape (fast property access in the writer).
const blank = () => ({
  pcds: null, pcd7: null, pcd8: null, outcode: null, dointr: null, doterm: null, usertype: null, ctry: null, rgn: null, oscty: null, ced: null,
  oslaua: null, osward: null, parish: null, pcon: null, lsoa11: null, msoa11: null, oa11: null, lsoa21: null, msoa21: null, oa21: null,
  icb: null, sicbl: null, nhser: null, oshlthau: null, ttwa: null, pfa: null, ru11ind: null, oseast1m: null, osnrth1m: null, osgrdind: null,
  lat: null, long: null, imd: null,
}) as Record<string, unknown>;

const isPseudo = (v: string) => v.length === 9 && v.endsWith('99999999') && PSEUDO.test(v);
const trim = (v: string) => (v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v);

const convert = {
  text: (raw: string | undefined): string | null => {
    const v = raw === undefined ? '' : trim(raw);
    return v === '' ? null : v;
  },
  code: (raw: string | undefined): string | null => {
    const v = raw === undefined ? '' : trim(raw);
    return v === '' || isPseudo(v) ? null : v;
  },
  integer: (raw: string | undefined, field: string, file: string, line: number): number | null => {
    const v = raw === undefined ? '' : trim(raw);
    if (v === '') return null;
    if (!INT.test(v)) throw new SourceError(`"${raw}" is not an integer`, file, line, field);
    return Number(v);
  },
  number: (raw: string | undefined, field: string, file: string, line: number): number | null => {
    const v = raw === undefined ? '' : trim(raw);
    if (v === '') return null;
    const x = Number(v);
    if (Number.isNaN(x)) throw new SourceError(`"${raw}" is not a number`, file, line, field);
    return x;
  },
};

type RowReader = (values: string[], file: string, line: number) => Record<string, unknown>;
const readers = new WeakMap<Mapping, RowReader>();

/**
 * The row → record function of one header layout, compiled once: an object literal of every
 * stored field in a fixed order (fields the file lacks are null), so that V8 builds each record in
 * one fast shape.
 */
function readerFor(map: Mapping): RowReader {
  let reader = readers.get(map);
  if (reader) return reader;
  const at = new Map(map.fields.map((f, k) => [f, k]));
  const names = ['text', 'code', 'integer', 'number'] as const;
  const props = Object.keys(blank()).map((field) => {
    const k = at.get(field);
    if (k === undefined) return `${JSON.stringify(field)}: null`;
    const kind = names[map.kinds[k]];
    const args = kind === 'integer' || kind === 'number' ? `, ${JSON.stringify(field)}, file, line` : '';
    return `${JSON.stringify(field)}: c.${kind}(values[${map.indexes[k]}]${args})`;
  });
  reader = new Function('c', `return (values, file, line) => ({\n${props.join(',\n')}\n});`)(convert) as RowReader;
  readers.set(map, reader);
  return reader;
}

/** One ONSPD row as a stored record (pseudo-codes and the no-grid-reference marker become null). */
export function toRecord(values: string[], map: Mapping, file: string, line: number): PostcodesRecord {
  const r = readerFor(map)(values, file, line);
  let pcds = r.pcds as string | null;
  if (!pcds) throw new SourceError('postcode (pcds) is empty', file, line, 'pcds');
  pcds = pcds.toUpperCase();
  r.pcds = pcds;
  const space = pcds.indexOf(' ');
  r.outcode = space > 0 ? pcds.slice(0, space) : pcds;
  if (!r.pcd7) r.pcd7 = pcd7Of(pcds);
  // No grid reference: ONSPD writes latitude 99.999999, longitude 0 (and quality indicator 9).
  if (r.lat === 99.999999 || r.osgrdind === 9) {
    r.lat = null;
    r.long = null;
    r.oseast1m = null;
    r.osnrth1m = null;
  }
  if (r.imd === 0) r.imd = null;
  return r as unknown as PostcodesRecord;
}

export const pcd7Of = (pcds: string) => {
  const [out, inward] = pcds.split(' ');
  return inward === undefined ? pcds : out.length >= 4 ? out + inward : out.padEnd(4, ' ') + inward;
};
