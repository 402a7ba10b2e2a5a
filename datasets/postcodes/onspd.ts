// Reading the ONS Postcode Directory as ONS publishes it: one UK CSV, the per-area CSVs of
// Data/multi_csv/, a folder holding either, or the published .zip. Columns are matched by header
// name (editions differ in which columns they carry); rows are parsed by a small line splitter,
// because a general CSV parser is the bottleneck at 2.7 million rows (ONSPD rows have no quoted
// line breaks; quoted fields, as in the published files, are handled).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/**
 * Splits one CSV line. Fast paths: no quotes at all, or every quoted field a plain "value" (as the
 * published ONSPD writes them); RFC 4180 quoting (commas, doubled quotes inside) otherwise.
 */
export function splitLine(line: string): string[] {
  if (line.indexOf('"') === -1) return line.split(',');
  const fields = line.split(',');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.charCodeAt(0) !== 34) {
      if (f.indexOf('"') !== -1) return splitQuoted(line);
      continue;
    }
    if (f.length < 2 || f.charCodeAt(f.length - 1) !== 34) return splitQuoted(line);
    const inner = f.slice(1, -1);
    if (inner.indexOf('"') !== -1) return splitQuoted(line);
    fields[i] = inner;
  }
  return fields;
}

function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) throw new Error('unterminated quoted field');
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      if (i < n && line.charCodeAt(i) !== 44) throw new Error('text after a closing quote');
      i++;
    } else {
      let c = line.indexOf(',', i);
      if (c === -1) c = n;
      out.push(line.slice(i, c));
      i = c + 1;
    }
  }
  return out;
}

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

const kindOf = (field: string): Kind =>
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

export interface CsvEntry {
  name: string;
  bytes: number;
  open(): Promise<NodeJS.ReadableStream>;
}

const isUkCsv = (n: string) => /\.csv$/i.test(n) && /(^|\/)Data\/[^/]+\.csv$/i.test(n) && !/multi_csv/i.test(n);
const isAreaCsv = (n: string) => /\.csv$/i.test(n) && /multi_csv\/[^/]+\.csv$/i.test(n);

/** The ONSPD CSV files inside a source path: a CSV, a folder or the published zip. */
export async function csvEntries(path: string, open: (p: string) => NodeJS.ReadableStream): Promise<CsvEntry[]> {
  if (statSync(path).isDirectory()) {
    const all: string[] = [];
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
        else if (/\.csv$/i.test(e.name)) all.push(`${rel}${e.name}`);
      }
    };
    walk(path, '');
    const chosen = pickData(all) ?? all.sort();
    return chosen.map((n) => ({ name: join(path, n), bytes: statSync(join(path, n)).size, open: async () => open(join(path, n)) }));
  }
  if (/\.zip$/i.test(path)) {
    const unzipper = await import('unzipper');
    const dir = await unzipper.Open.file(path);
    const files = dir.files.filter((f) => f.type === 'File');
    const chosen = pickData(files.map((f) => f.path));
    if (!chosen || chosen.length === 0)
      throw new SourceError('the zip holds no ONSPD data CSV (expected Data/ONSPD_*_UK.csv or Data/multi_csv/*.csv)', path);
    return chosen.map((n) => {
      const f = files.find((x) => x.path === n)!;
      return { name: `${basename(path)}:${n}`, bytes: f.uncompressedSize, open: async () => f.stream() as unknown as NodeJS.ReadableStream };
    });
  }
  return [{ name: path, bytes: statSync(path).size, open: async () => open(path) }];
}

/** The UK-wide CSV when present (it holds every row), otherwise every per-area CSV. */
function pickData(names: string[]): string[] | undefined {
  const uk = names.filter(isUkCsv);
  if (uk.length === 1) return uk;
  const areas = names.filter(isAreaCsv).sort();
  if (areas.length > 0) return areas;
  return uk.length > 0 ? uk.sort() : undefined;
}

/** Lines of a stream in batches (one per chunk read), with the number of the first; CRLF and a BOM handled. */
export async function* lineBatches(stream: NodeJS.ReadableStream, onBytes?: (n: number) => void): AsyncGenerator<{ lines: string[]; first: number }> {
  let rest = '';
  let no = 0;
  let first = true;
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    let text = rest + decoder.decode(chunk, { stream: true });
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const last = text.lastIndexOf('\n');
    if (last === -1) {
      rest = text;
      continue;
    }
    rest = text.slice(last + 1);
    const lines = text.slice(0, last).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
    }
    yield { lines, first: no + 1 };
    no += lines.length;
  }
  rest += decoder.decode();
  if (rest.endsWith('\r')) rest = rest.slice(0, -1);
  if (rest !== '') yield { lines: [rest], first: no + 1 };
}
