// What `catalogue new --from file.csv` learns from a CSV before proposing a plug-in: the reading
// options (encoding, delimiter), and for each column its type, empties, GSS code prefixes, whether
// it is unique or a row number, and which other columns each code column determines. The whole
// file is read once (streamed): a proposal that holds for every row imports with no edit.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { CsvReadOptions } from '../contract.ts';
import { readCsvFile, readCsvHeaderRows } from '../imports/csv.ts';
import { parseNumber } from '../imports/columns.ts';

/** Texts publishers use for "no value" in numeric columns (compared trimmed, case-folded). */
const NULL_TOKENS = ['', 'n/a', 'na', 'null', '-', '..', ':', 'x', '*', '.', 'none', 'nan'];
const GSS = /^[A-Z][0-9]{8}$/;
/** Beyond this many distinct values, a column's dependencies are not tracked (memory). */
const MAX_TRACKED = 200_000;

export interface ColumnProfile {
  /** Normalised header (what a column map names). */
  header: string;
  /** The header as written (its last header row). */
  raw: string;
  /** Rows with a value (not empty, not a null token). */
  values: number;
  /** Empty cells. */
  blanks: number;
  /** Null tokens seen ("n/a", "-" …): no value in a numeric or code column, text in any other. */
  nullTokens: Set<string>;
  /** Every value parses as a number / an integer (null tokens aside). */
  numeric: boolean;
  integer: boolean;
  /** Every value is true/false-like. */
  boolean: boolean;
  /** Every value is a GSS code (A12345678): counts by 3-character prefix. */
  gss: Map<string, number> | undefined;
  /** Values are 1, 2, 3 … in file order (a row-number column such as FID). */
  rowNumber: boolean;
  /** No value repeats and none is empty. */
  unique: boolean;
  /** The first value seen. */
  example?: string;
}

export interface CsvProfile {
  options: CsvReadOptions;
  /** Header rows as written. */
  headerRows: string[][];
  rows: number;
  columns: ColumnProfile[];
  /** Whether the file starts with a byte-order mark, and quotes any field. */
  bom: boolean;
  quoted: boolean;
  /** determines[a] = the columns b such that each value of column a has one value of b. */
  determines: Map<string, Set<string>>;
}

const BOOLEAN = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f']);

/** Encoding and delimiter, from the first bytes of the file. */
function sniff(path: string): { encoding: CsvReadOptions['encoding']; delimiter: string; bom: boolean; quoted: boolean } {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const head = buf.subarray(0, n);
  let encoding: CsvReadOptions['encoding'] = 'utf-8';
  try {
    // The last bytes may cut a character in two: leave them out of the test.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, n === buf.length ? n - 4 : n));
  } catch {
    encoding = 'windows-1252';
  }
  const text = head.toString('latin1');
  const firstLine = text.split(/\r?\n/, 1)[0];
  const counts = [',', ';', '\t', '|'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [delimiter] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { encoding, delimiter, bom: text.startsWith('\xef\xbb\xbf'), quoted: text.includes('"') };
}

export async function profileCsv(path: string, headerRows = 1): Promise<CsvProfile> {
  const { encoding, delimiter, bom, quoted } = sniff(path);
  const options: CsvReadOptions = { headerRows, ...(encoding !== 'utf-8' ? { encoding } : {}), ...(delimiter !== ',' ? { delimiter } : {}) };
  const raw = await readCsvHeaderRows(path, options);
  const profiles = new Map<string, ColumnProfile>();
  const seen = new Map<string, Set<string>>();
  const last = raw[raw.length - 1] ?? [];
  let rows = 0;
  // pairs[a][b] = first value of b for each value of a, while a still determines b.
  const pairs = new Map<string, Map<string, Map<string, string>>>();
  for await (const { values } of readCsvFile(createReadStream(path), path, options)) {
    rows++;
    if (rows === 1) {
      Object.keys(values).forEach((header, i) => {
        profiles.set(header, {
          header,
          raw: (last[i] ?? header).replace(/\s+/g, ' ').trim() || header,
          values: 0,
          blanks: 0,
          nullTokens: new Set(),
          numeric: true,
          integer: true,
          boolean: true,
          gss: new Map(),
          rowNumber: true,
          unique: true,
        });
        seen.set(header, new Set());
      });
      // Only code columns are proposed as the "each" of a consistency check.
      for (const [a, text] of Object.entries(values))
        if (GSS.test(text.trim())) pairs.set(a, new Map([...profiles.keys()].filter((b) => b !== a).map((b) => [b, new Map()])));
    }
    for (const [header, text] of Object.entries(values)) {
      const p = profiles.get(header);
      if (!p) continue;
      const v = text.trim();
      const token = v.toLowerCase();
      if (p.rowNumber && v !== String(rows)) p.rowNumber = false;
      if (NULL_TOKENS.includes(token)) {
        if (token === '') p.blanks++;
        else p.nullTokens.add(v);
        p.unique = false;
        continue;
      }
      p.values++;
      p.example ??= v;
      // Leading zeros (codes such as 01) and digits beyond double precision stay text.
      if (p.numeric && (/^[+-]?0\d/.test(v) || /\d{16}/.test(v))) p.numeric = p.integer = false;
      if (p.numeric) {
        const n = parseNumber(v);
        if (n === undefined) p.numeric = p.integer = false;
        else if (!Number.isInteger(n)) p.integer = false;
      }
      if (p.boolean && !BOOLEAN.has(token)) p.boolean = false;
      if (p.gss) {
        if (GSS.test(v)) p.gss.set(v.slice(0, 3), (p.gss.get(v.slice(0, 3)) ?? 0) + 1);
        else p.gss = undefined;
      }
      const set = seen.get(header);
      if (set) {
        if (set.has(v)) {
          p.unique = false;
          seen.delete(header);
        } else set.add(v);
      }
    }
    for (const [a, targets] of pairs) {
      const x = values[a]?.trim();
      if (!x) continue;
      for (const [b, map] of targets) {
        const y = values[b]?.trim() ?? '';
        const first = map.get(x);
        if (first === undefined) map.size < MAX_TRACKED ? map.set(x, y) : targets.delete(b);
        else if (first !== y) targets.delete(b);
      }
    }
  }
  const columns = [...profiles.values()];
  for (const p of columns) {
    if (p.values === 0) p.numeric = p.integer = p.boolean = false;
    if (p.gss?.size === 0) p.gss = undefined;
  }
  const determines = new Map([...pairs].map(([a, targets]) => [a, new Set(targets.keys())]));
  return { options, headerRows: raw, rows, columns, bom, quoted, determines };
}

/**
 * The columns whose values together are unique in every row: one column when the profile found
 * one (a GSS code first, then the leftmost), else the first unique pair of complete columns (a
 * second pass over the file), else undefined.
 */
export async function findKey(path: string, profile: CsvProfile): Promise<string[] | undefined> {
  const eligible = profile.columns.filter((c) => !c.rowNumber && c.blanks === 0 && c.nullTokens.size === 0 && c.values === profile.rows);
  const single = eligible.find((c) => c.unique && c.gss) ?? eligible.find((c) => c.unique);
  if (single) return [single.header];
  const first = eligible.slice(0, 6).map((c) => c.header);
  const combos = first.flatMap((a, i) => first.slice(i + 1).map((b) => [a, b]));
  const seen = combos.map(() => new Set<string>());
  const alive = combos.map(() => true);
  const input = createReadStream(path);
  for await (const { values } of readCsvFile(input, path, profile.options)) {
    combos.forEach(([a, b], i) => {
      if (!alive[i]) return;
      const k = `${values[a].trim()}\u0000${values[b].trim()}`;
      if (seen[i].has(k)) {
        alive[i] = false;
        seen[i].clear();
      } else seen[i].add(k);
    });
    if (!alive.some(Boolean)) break;
  }
  input.destroy();
  return combos.find((_, i) => alive[i]);
}
