// The postcodes of an edition within a radius of a point, as SQL the callers wrap (the nearest
// postcodes route orders and limits it; the service's districtsWithin groups it by district): a
// bounding box the (lat, long) index narrows, then the great-circle distance.
import type { Knex } from 'knex';

/**
 * Great-circle distance in metres from (?, ?) to each row's lat/long, in SQL (bound as lat, lat,
 * long): the database filters and orders by it. The mean Earth radius of the contract's haversineKm.
 */
const DISTANCE_M = `2 * 6371000 * asin(least(1, sqrt(power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(long - ?) / 2), 2))))`;

export interface Near {
  lat: number;
  long: number;
  radius: number;
  /** Columns selected (quoted as identifiers); `distance_m` is added. */
  columns: readonly string[];
  includeTerminated: boolean;
}

/** `SELECT <columns>, distance_m FROM … WHERE distance_m <= radius`, and its bindings, for one edition. */
export function nearQuery(table: string, editionId: number, q: Near): { sql: string; bindings: Knex.RawBinding[] } {
  const dLat = q.radius / 111_320;
  const dLong = q.radius / (111_320 * Math.max(Math.cos((q.lat * Math.PI) / 180), 1e-6));
  // The edition id is written into the SQL (an integer from the catalogue) so that the planner
  // uses that edition's partial latitude index.
  return {
    sql: `SELECT * FROM (
           SELECT ${q.columns.map((f) => `"${f}"`).join(', ')}, ${DISTANCE_M} AS distance_m
             FROM "${table}"
            WHERE edition_id = ${Number(editionId)} AND lat IS NOT NULL AND lat BETWEEN ? AND ? AND long BETWEEN ? AND ? ${q.includeTerminated ? '' : 'AND doterm IS NULL'}
         ) d WHERE distance_m <= ?`,
    bindings: [q.lat, q.lat, q.long, q.lat - dLat, q.lat + dLat, q.long - dLong, q.long + dLong, q.radius],
  };
}
