// What an outward code holds: counts, centroid, mean grid reference and the geography codes of its
// live postcodes, in one query over the outward code's range of the primary key. Shared by the
// /outcodes route and the service.
import type { Knex } from 'knex';
import type { OutcodeField, OutcodeSummary } from '../../core/contract.ts';

const CODE_FIELDS: readonly OutcodeField[] = ['ctry', 'oslaua', 'osward', 'parish', 'oscty', 'pcon'];

interface Stats {
  total: number;
  live: number;
  live_lat: number | null;
  live_long: number | null;
  all_lat: number | null;
  all_long: number | null;
  live_eastings: number | null;
  live_northings: number | null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const LIVE = 'FILTER (WHERE doterm IS NULL)';

/** "ab10" or " AB10 " → "AB10". */
export const outcodeOf = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** The first and last keys of an outward code's postcodes: pcds compares bytewise (COLLATE "C"). */
export const outcodeRange = (outcode: string): [string, string] => [`${outcode} `, `${outcode}!`];

/** The summary of an outward code (normalised, e.g. "AB10"); null when the edition has no postcode in it. */
export async function outcodeSummary(db: Knex, table: string, editionId: number, outcode: string): Promise<OutcodeSummary | null> {
  const [from, to] = outcodeRange(outcode);
  const codes = CODE_FIELDS.map((f) => `array_agg(DISTINCT "${f}" ORDER BY "${f}") FILTER (WHERE doterm IS NULL AND "${f}" IS NOT NULL) AS "${f}"`).join(', ');
  const [row] = (
    await db.raw(
      `SELECT count(*)::int AS total, count(*) ${LIVE}::int AS live,
              avg(lat) ${LIVE} AS live_lat, avg(long) ${LIVE} AS live_long, avg(lat) AS all_lat, avg(long) AS all_long,
              avg(oseast1m) ${LIVE} AS live_eastings, avg(osnrth1m) ${LIVE} AS live_northings, ${codes}
         FROM "${table}" WHERE edition_id = ? AND pcds >= ? AND pcds < ? AND outcode = ?`,
      [editionId, from, to, outcode],
    )
  ).rows as (Stats & Record<OutcodeField, string[] | null>)[];
  if (row.total === 0) return null;
  // avg() of an integer column is numeric, which pg returns as a string
  const num = (x: unknown) => (x === null ? null : Number(x));
  const at = (lat: unknown, long: unknown, from: 'live' | 'all') => (lat === null || long === null ? null : { lat: round6(Number(lat)), long: round6(Number(long)), from });
  const centroid = at(row.live_lat, row.live_long, 'live') ?? at(row.all_lat, row.all_long, 'all');
  const e = num(row.live_eastings);
  const n = num(row.live_northings);
  return {
    outcode,
    total: row.total,
    live: row.live,
    terminated: row.total - row.live,
    centroid,
    live_eastings: e === null ? null : Math.round(e),
    live_northings: n === null ? null : Math.round(n),
    live_codes: Object.fromEntries(CODE_FIELDS.map((f) => [f, row[f] ?? []])) as Record<OutcodeField, string[]>,
  };
}
