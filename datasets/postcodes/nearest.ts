// The postcodes nearest to a point: one query, shared by the /nearest route and the service.
import type { Knex } from 'knex';
import { RECORD_FIELDS } from './lookup.ts';
import type { PostcodesRecord } from './types.ts';

export interface NearestOptions {
  lat: number;
  long: number;
  /** Metres. */
  radius: number;
  limit: number;
  include_terminated: boolean;
}

export type NearbyRow = PostcodesRecord & { distance_m: number };

/**
 * Great-circle distance in metres from (?, ?) to each row's lat/long, in SQL (bound as lat, lat,
 * long): the database filters and orders by it. The mean Earth radius of the contract's haversineKm.
 */
const DISTANCE_M = `2 * 6371000 * asin(least(1, sqrt(power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(long - ?) / 2), 2))))`;
const columns = RECORD_FIELDS.map((f) => `"${f}"`).join(', ');

/** Postcodes within `radius` metres, nearest first (ties by postcode), with their distance to 0.1 m. */
export async function findNearest(db: Knex, table: string, editionId: number, q: NearestOptions): Promise<NearbyRow[]> {
  // A bounding box on the latitude index first, then the exact distance.
  const dLat = q.radius / 111_320;
  const dLong = q.radius / (111_320 * Math.max(Math.cos((q.lat * Math.PI) / 180), 1e-6));
  // The edition id is written into the SQL (an integer from the catalogue) so that the planner
  // uses that edition's partial latitude index.
  const { rows } = await db.raw(
    `SELECT * FROM (
       SELECT ${columns}, ${DISTANCE_M} AS distance_m
         FROM "${table}"
        WHERE edition_id = ${Number(editionId)} AND lat IS NOT NULL AND lat BETWEEN ? AND ? AND long BETWEEN ? AND ? ${q.include_terminated ? '' : 'AND doterm IS NULL'}
     ) d WHERE distance_m <= ? ORDER BY distance_m, pcds LIMIT ?`,
    [q.lat, q.lat, q.long, q.lat - dLat, q.lat + dLat, q.long - dLong, q.long + dLong, q.radius, q.limit],
  );
  return (rows as NearbyRow[]).map((r) => ({ ...r, distance_m: Math.round(r.distance_m * 10) / 10 }));
}
