// The in-memory spatial index of one edition: every polygon part of every area in a Flatbush
// R-tree of bounding boxes, then an even-odd point-in-polygon test on the few candidates. Built
// lazily on first use from the edition's rows, kept per edition (a switch builds the new one;
// the old one is dropped once two newer editions have been used: perEdition).
import Flatbush from 'flatbush';
import type { Knex } from 'knex';
import { sharedPerEdition, type AreaRef } from '../../core/contract.ts';
import { LEVELS, type Level } from './collections.ts';
import { pack, pointInPolygon, polygonsOf, type Geometry, type PackedPolygon } from './geometry.ts';

export type { AreaRef };

export interface SpatialIndex {
  areas: number;
  parts: number;
  /** Every area containing the point, in LEVELS order. */
  locate(lon: number, lat: number): AreaRef[];
}

export interface IndexRow {
  collection: string;
  level: Level;
  code: string;
  name: string;
  name_welsh: string | null;
  geometry: Geometry;
}

export async function buildIndex(db: Knex, areasTable: string, setsTable: string, editionId: number): Promise<SpatialIndex> {
  const sets: { collection: string; vintage: string }[] = await db(setsTable).where({ edition_id: editionId }).select('collection', 'vintage');
  const rows: IndexRow[] = await db(areasTable).where({ edition_id: editionId }).select('collection', 'level', 'code', 'name', 'name_welsh', 'geometry');
  return indexOf(rows, new Map(sets.map((s) => [s.collection, s.vintage])));
}

/** The index of rows already in memory (the importer uses it for its cross-check). */
export function indexOf(rows: IndexRow[], vintage: Map<string, string>): SpatialIndex {
  const refs: AreaRef[] = [];
  const parts: { area: number; rings: PackedPolygon }[] = [];
  const boxes: number[][] = [];
  for (const r of rows) {
    const area = refs.push({ collection: r.collection, level: r.level, code: r.code, name: r.name, name_welsh: r.name_welsh, vintage: vintage.get(r.collection) ?? '' }) - 1;
    for (const poly of polygonsOf(r.geometry)) {
      let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of poly[0]) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
      parts.push({ area, rings: pack(poly) });
      boxes.push([w, s, e, n]);
    }
  }
  const tree = new Flatbush(Math.max(1, boxes.length));
  for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
  if (boxes.length === 0) tree.add(0, 0, 0, 0); // an empty edition still builds (the dummy box matches no part)
  tree.finish();
  const order = (l: Level) => LEVELS.indexOf(l);
  return {
    areas: refs.length,
    parts: parts.length,
    locate(lon, lat) {
      const hits = new Set<number>();
      for (const i of tree.search(lon, lat, lon, lat)) {
        const p = parts[i];
        if (p && !hits.has(p.area) && pointInPolygon(lon, lat, p.rings)) hits.add(p.area);
      }
      return [...hits].map((a) => refs[a]).sort((a, b) => order(a.level) - order(b.level) || a.collection.localeCompare(b.collection));
    },
  };
}

/**
 * The index of an edition, built on first use (concurrent first requests share one build) and kept
 * for the two most recently used editions; one per database and table, shared by the routes and the
 * services of a process.
 */
export function sharedIndexes(db: Knex, areasTable: string, setsTable: string): (editionId: number) => Promise<SpatialIndex> {
  return sharedPerEdition(db, `spatial-index:${areasTable}`, (editionId) => buildIndex(db, areasTable, setsTable, editionId));
}
