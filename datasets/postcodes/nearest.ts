// The postcodes nearest to a point: one query, shared by the /nearest route and the service.
import type { Knex } from 'knex';
import { RECORD_FIELDS } from './lookup.ts';
import { nearQuery } from './near.ts';
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

/** Postcodes within `radius` metres, nearest first (ties by postcode), with their distance to 0.1 m. */
export async function findNearest(db: Knex, table: string, editionId: number, q: NearestOptions): Promise<NearbyRow[]> {
  const near = nearQuery(table, editionId, { lat: q.lat, long: q.long, radius: q.radius, columns: RECORD_FIELDS, includeTerminated: q.include_terminated });
  const { rows } = await db.raw(`${near.sql} ORDER BY distance_m, pcds LIMIT ?`, [...near.bindings, q.limit]);
  return (rows as NearbyRow[]).map((r) => ({ ...r, distance_m: Math.round(r.distance_m * 10) / 10 }));
}
