// A boundary area as a GeoJSON Feature: its row, and its geometry in the variant asked for (full,
// or lighter for web maps). Lightened geometries are kept per edition, area and (precision,
// simplify), bounded by their number of positions: a web map asks for the same few variants again
// and again, over pages and bounding boxes that differ.
import type { Knex } from 'knex';
import { boundedCache, type EditionInfo } from '../../core/contract.ts';
import { bboxOf, lighten, positionCount, type Geometry, type LightenOptions } from './geometry.ts';
import type { AreasRecord } from './types.ts';

export type AreaRow = Pick<AreasRecord, 'collection' | 'level' | 'code' | 'name' | 'name_welsh' | 'min_lon' | 'min_lat' | 'max_lon' | 'max_lat'>;

/** The columns of an area row a feature is made of (its geometry aside). */
export const AREA_COLUMNS = ['collection', 'level', 'code', 'name', 'name_welsh', 'min_lon', 'min_lat', 'max_lon', 'max_lat'] as const;

export interface Feature {
  type: 'Feature';
  id: string;
  bbox: number[];
  properties: { code: string; name: string; name_welsh: string | null; collection: string; level: AreaRow['level']; vintage: string };
  geometry: Geometry;
}

interface Shape {
  geometry: Geometry;
  bbox: number[];
}

/** Lightened geometries held at most (about 60 bytes each in memory). */
const MAX_POSITIONS = 1_000_000;

export type FeatureMaker = (edition: EditionInfo, rows: readonly AreaRow[], vintage: string, light: LightenOptions) => Promise<Feature[]>;

/** Makes the features of area rows of an edition, reading from `areasTable` the geometries not yet held. */
export function featureMaker(db: Knex, areasTable: string): FeatureMaker {
  const shapes = boundedCache<string, Shape>({ maxSize: MAX_POSITIONS, sizeOf: (s) => positionCount(s.geometry) });
  return async (edition, rows, vintage, light) => {
    const key = (r: { collection: string; code: string }) => `${edition.id}|${r.collection}|${r.code}|${light.precision}|${light.simplify}`;
    const held = new Map<string, Shape>();
    for (const r of rows) {
      const s = shapes.get(key(r));
      if (s) held.set(key(r), s);
    }
    const missing = rows.filter((r) => !held.has(key(r)));
    if (missing.length) {
      const full: { collection: string; code: string; geometry: Geometry }[] = await db(areasTable)
        .where({ edition_id: edition.id })
        .whereIn(['collection', 'code'], missing.map((r) => [r.collection, r.code]))
        .select('collection', 'code', 'geometry');
      const rowOf = new Map(missing.map((r) => [key(r), r]));
      for (const f of full) {
        const row = rowOf.get(key(f))!;
        const geometry = lighten(f.geometry, light);
        // a lighter geometry has its own extent (rounding may move a position past the stored bbox)
        const shape = { geometry, bbox: geometry === f.geometry ? [row.min_lon, row.min_lat, row.max_lon, row.max_lat] : bboxOf(geometry) };
        held.set(key(f), shape);
        shapes.set(key(f), shape);
      }
    }
    return rows.map((r) => {
      const { geometry, bbox } = held.get(key(r))!;
      const properties = { code: r.code, name: r.name, name_welsh: r.name_welsh ?? null, collection: r.collection, level: r.level, vintage };
      return { type: 'Feature', id: r.code, bbox, properties, geometry };
    });
  };
}
