// The importer's fast path: one ONSPD row, as byte ranges (core scanCsv), mapped onto the table's
// columns as byte ranges with the conversions toRecord makes (blanks trimmed, pseudo-codes and the
// no-grid-reference marker null, imd 0 null, outcode from pcds). A row it cannot map plainly
// (a lower-case or unspaced postcode, no pcd7) is left to toRecord: the plan answers false.
import type { CsvRow } from '../../core/contract.ts';
import { kindOf, type Mapping } from './onspd.ts';

/** Fills `starts`/`ends` (one range per table column); false when the row needs the record way. */
export type RowPlan = (row: CsvRow, starts: Int32Array, ends: Int32Array) => boolean;

/** Null together when the postcode has no grid reference. */
const GRID = new Set(['lat', 'long', 'oseast1m', 'osnrth1m']);

export function compileRowPlan(map: Mapping, columns: readonly string[]): RowPlan {
  const source = new Map(map.fields.map((f, k) => [f, map.indexes[k]]));
  const at = (field: string) => source.get(field) ?? -1;
  // Generated per header layout (as toRecord's reader is): straight code, one block per column.
  const blocks = columns.map((c, k) => {
    const set = (s: string, e: string) => `starts[${k}] = ${s}; ends[${k}] = ${e};`;
    const j = at(c);
    if (c === 'pcds') return set('ps', 'pe');
    if (c === 'outcode') return set('ps', 'space');
    if (j < 0) return c === 'pcd7' ? 'return false; // derived on the record way' : set('-1', '-1');
    const trimmed = `s = rs[${j}]; e = re[${j}]; while (s < e && buf[s] <= 32) s++; while (e > s && buf[e - 1] <= 32) e--;`;
    if (c === 'pcd7') return `${trimmed} if (s === e) return false; ${set('s', 'e')}`;
    if (c === 'imd') return `${trimmed} if (isZero(buf, s, e)) { ${set('-1', '-1')} } else { ${set('s', 'e')} }`;
    if (GRID.has(c)) return `if (noGrid) { ${set('-1', '-1')} } else { ${trimmed} ${set('s', 'e')} }`;
    if (kindOf(c) === 1) return `${trimmed} if (${PSEUDO}) { ${set('-1', '-1')} } else { ${set('s', 'e')} }`;
    return `${trimmed} ${set('s', 'e')}`;
  });
  const lat = at('lat');
  const gridInd = at('osgrdind');
  const body = `const buf = row.buf, rs = row.starts, re = row.ends;
let s = 0, e = 0;
// The postcode: upper case with one space, else the record way (which normalises it).
let ps = rs[${at('pcds')}], pe = re[${at('pcds')}], space = -1;
while (ps < pe && buf[ps] <= 32) ps++;
while (pe > ps && buf[pe - 1] <= 32) pe--;
for (let i = ps; i < pe; i++) { const c = buf[i]; if (c === 32) space = i; else if (c >= 97 && c <= 122) return false; }
if (space <= ps) return false;
let noGrid = false;
${lat >= 0 ? `s = rs[${lat}]; e = re[${lat}]; while (s < e && buf[s] <= 32) s++; while (e > s && buf[e - 1] <= 32) e--; noGrid = isNoGridLat(buf, s, e);` : ''}
${gridInd >= 0 ? `s = rs[${gridInd}]; e = re[${gridInd}]; while (s < e && buf[s] <= 32) s++; while (e > s && buf[e - 1] <= 32) e--; noGrid = noGrid || (e - s === 1 && buf[s] === 57);` : ''}
${blocks.join('\n')}
return true;`;
  return new Function('isNoGridLat', 'isZero', `return (row, starts, ends) => {\n${body}\n};`)(isNoGridLat, isZero) as RowPlan;
}

/** A pseudo-code: one capital letter and eight nines (e.g. S99999999, "not applicable"). */
const PSEUDO = ['e - s === 9', 'buf[s] >= 65', 'buf[s] <= 90', ...Array.from({ length: 8 }, (_, i) => `buf[s + ${i + 1}] === 57`)].join(' && ');
/** imd 0: no index. */
function isZero(buf: Buffer, s: number, e: number): boolean {
  if (s === e) return false;
  for (let i = s; i < e; i++) if (buf[i] !== 48) return false;
  return true;
}

/** ONSPD writes latitude 99.999999 for a postcode without a grid reference. */
function isNoGridLat(buf: Buffer, s: number, e: number): boolean {
  if (e - s < 3 || buf[s] !== 57 || buf[s + 1] !== 57) return false;
  return Number(buf.toString('latin1', s, e)) === 99.999999;
}
