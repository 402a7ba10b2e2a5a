// Which column holds the postcodes, and the deprivation columns appended to every row.
import { badRequest } from '../../../core/sdk/problem.ts';
import type { Cell } from './sheets.ts';
import { cellText } from './xlsx.ts';

/** A result of the deprivation service, as far as the appended columns read it. */
export interface DeprivationAnswer {
  status: string;
  nation: string | null;
  index_edition: string | null;
  deprivation: { area: { code: string }; rank: number; areas: number; decile: { value: number }; quintile: { value: number } } | null;
}

export const ADDED = ['imd_nation', 'imd_small_area', 'imd_index_edition', 'imd_rank', 'imd_areas', 'imd_decile', 'imd_quintile', 'imd_status'] as const;

/** The status of a row whose postcode cell is empty (it is not looked up). */
export const EMPTY = 'empty';

const POSTCODE_HEADER = /^(post\s*_?code|postcodes|pcds|pcd[78]?|patient\s*_?post\s*_?code|home\s*_?post\s*_?code)$/i;

/** Index of the postcode column: the one named (a header, any case, or a 1-based number), else a header like "postcode". */
export function postcodeColumn(header: Cell[], asked: string | undefined): number {
  const names = header.map((h) => cellText(h).trim());
  const wanted = asked?.trim();
  if (wanted) {
    const byName = names.findIndex((n) => n.toLowerCase() === wanted.toLowerCase());
    if (byName >= 0) return byName;
    if (/^\d{1,4}$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= names.length) return Number(wanted) - 1;
    throw badRequest(`the file has no column "${wanted.slice(0, 100)}" (its columns: ${names.slice(0, 50).join(', ')})`, [{ name: 'column', reason: 'no such column' }]);
  }
  const found = names.findIndex((n) => POSTCODE_HEADER.test(n));
  if (found >= 0) return found;
  const loose = names.findIndex((n) => /post\s*_?code/i.test(n));
  if (loose >= 0) return loose;
  throw badRequest(`no column of the file is headed like a postcode; name the column to use (its columns: ${names.slice(0, 50).join(', ')})`, [{ name: 'column', reason: 'is required' }]);
}

/** The header with the added columns (a name already taken gets a suffix). */
export function addedHeader(header: Cell[]): string[] {
  const taken = new Set(header.map((h) => cellText(h).trim().toLowerCase()));
  return ADDED.map((name) => {
    let n: string = name;
    for (let i = 2; taken.has(n); i++) n = `${name}_${i}`;
    return n;
  });
}

export function addedCells(r: DeprivationAnswer | null): Cell[] {
  if (!r) return [null, null, null, null, null, null, null, EMPTY];
  const d = r.deprivation;
  return [r.nation, d?.area.code ?? null, r.index_edition, d?.rank ?? null, d?.areas ?? null, d?.decile.value ?? null, d?.quintile.value ?? null, r.status];
}
