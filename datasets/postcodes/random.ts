// A live postcode drawn uniformly at random, from the whole directory or one outward code, without
// scanning the table: the live postcodes of each outward code are counted once per edition (a few
// thousand outward codes), a draw picks an outward code by its weight, then a postcode inside its
// range of the primary key.
import type { Knex } from 'knex';
import { sharedPerEdition } from '../../core/contract.ts';
import { RECORD_FIELDS } from './lookup.ts';
import { outcodeRange } from './outcodes.ts';
import type { PostcodesRecord } from './types.ts';

interface LiveCounts {
  /** Outward codes in order, the number of live postcodes of each, and the running totals (ends). */
  outcodes: string[];
  counts: Map<string, number>;
  ends: number[];
  total: number;
}

/** The live counts of a table's editions, loaded once per edition and shared by every caller. */
function liveCountsOf(db: Knex, table: string): (editionId: number) => Promise<LiveCounts> {
  return sharedPerEdition(db, `live-counts:${table}`, async (editionId) => {
    const rows: { outcode: string; n: number }[] = (
      await db.raw(`SELECT outcode, count(*)::int AS n FROM "${table}" WHERE edition_id = ? AND doterm IS NULL GROUP BY outcode ORDER BY outcode`, [editionId])
    ).rows;
    const ends: number[] = [];
    let total = 0;
    for (const r of rows) ends.push((total += r.n));
    return { outcodes: rows.map((r) => r.outcode), counts: new Map(rows.map((r) => [r.outcode, r.n])), ends, total };
  }, 3);
}

/** The index of the first end above `r` (binary search). */
function bucketOf(ends: number[], r: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A random live postcode (of `outcode`, normalised, when given); null when there is none. */
export async function randomLive(db: Knex, table: string, editionId: number, outcode?: string): Promise<PostcodesRecord | null> {
  const live = await liveCountsOf(db, table)(editionId);
  let chosen: string;
  let offset: number;
  if (outcode !== undefined) {
    const n = live.counts.get(outcode) ?? 0;
    if (n === 0) return null;
    chosen = outcode;
    offset = Math.floor(Math.random() * n);
  } else {
    if (live.total === 0) return null;
    const r = Math.floor(Math.random() * live.total);
    const i = bucketOf(live.ends, r);
    chosen = live.outcodes[i];
    offset = r - (i === 0 ? 0 : live.ends[i - 1]);
  }
  const [from, to] = outcodeRange(chosen);
  const rows = (await db(table)
    .select(RECORD_FIELDS)
    .where({ edition_id: editionId, outcode: chosen })
    .where('pcds', '>=', from)
    .where('pcds', '<', to)
    .whereNull('doterm')
    .orderBy('pcds')
    .offset(offset)
    .limit(1)) as PostcodesRecord[];
  return rows[0] ?? null;
}
