// What an outward code holds: counts, centroid, mean grid reference and the geography codes of its
// live postcodes, in one query over the outward code's range of the primary key. The /outcodes route
// asks only for the counts and centroid; the service for the whole summary.
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
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const LIVE = 'FILTER (WHERE doterm IS NULL)';

/** "ab10" or " AB10 " → "AB10". */
export const outcodeOf = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** The first and last keys of an outward code's postcodes: pcds compares bytewise (COLLATE "C"). */
export const outcodeRange = (outcode: string): [string, string] => [`${outcode} `, `${outcode}!`];

type Counts = Pick<OutcodeSummary, 'outcode' | 'total' | 'live' | 'terminated' | 'centroid'>;

/** One row over the outward code's range of the key: counts and centroids, then `extra` columns; null when empty. */
async function outcodeRow(db: Knex, table: string, editionId: number, outcode: string, extra = ''): Promise<(Stats & Record<string, unknown>) | null> {
  const [from, to] = outcodeRange(outcode);
  const [row] = (
    await db.raw(
      `SELECT count(*)::int AS total, count(*) ${LIVE}::int AS live,
              avg(lat) ${LIVE} AS live_lat, avg(long) ${LIVE} AS live_long, avg(lat) AS all_lat, avg(long) AS all_long${extra}
         FROM "${table}" WHERE edition_id = ? AND pcds >= ? AND pcds < ? AND outcode = ?`,
      [editionId, from, to, outcode],
    )
  ).rows as (Stats & Record<string, unknown>)[];
  return row.total === 0 ? null : row;
}

function countsOf(outcode: string, row: Stats): Counts {
  const at = (lat: unknown, long: unknown, from: 'live' | 'all') => (lat === null || long === null ? null : { lat: round6(Number(lat)), long: round6(Number(long)), from });
  return { outcode, total: row.total, live: row.live, terminated: row.total - row.live, centroid: at(row.live_lat, row.live_long, 'live') ?? at(row.all_lat, row.all_long, 'all') };
}

/** Counts and centroid of an outward code (what the /outcodes route shows); null when the edition has no postcode in it. */
export async function outcodeCounts(db: Knex, table: string, editionId: number, outcode: string): Promise<Counts | null> {
  const row = await outcodeRow(db, table, editionId, outcode);
  return row && countsOf(outcode, row);
}

/** The summary of an outward code (normalised, e.g. "AB10"), with its grid reference and codes; null when the edition has no postcode in it. */
export async function outcodeSummary(db: Knex, table: string, editionId: number, outcode: string): Promise<OutcodeSummary | null> {
  const codes = CODE_FIELDS.map((f) => `array_agg(DISTINCT "${f}" ORDER BY "${f}") FILTER (WHERE doterm IS NULL AND "${f}" IS NOT NULL) AS "${f}"`).join(', ');
  const row = await outcodeRow(db, table, editionId, outcode, `, avg(oseast1m) ${LIVE} AS live_eastings, avg(osnrth1m) ${LIVE} AS live_northings, ${codes}`);
  if (!row) return null;
  // avg() of an integer column is numeric, which pg returns as a string
  const rounded = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x)));
  return {
    ...countsOf(outcode, row),
    live_eastings: rounded(row.live_eastings),
    live_northings: rounded(row.live_northings),
    live_codes: Object.fromEntries(CODE_FIELDS.map((f) => [f, (row[f] as string[] | null) ?? []])) as Record<OutcodeField, string[]>,
  };
}
