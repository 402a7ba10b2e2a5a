// The areas of each level with what the publisher gives beside the geometry (the label point in
// British National Grid and WGS84, the ONS GlobalID): the service's areas(), read once per edition
// without the geometry.
import type { Knex } from 'knex';
import { perEdition, type AreaDetails, type BoundaryLevel } from '../../core/contract.ts';
import { asNumber, findField } from './collections.ts';

interface Row {
  collection: string;
  level: BoundaryLevel;
  code: string;
  name: string;
  name_welsh: string | null;
  label_lon: number | null;
  label_lat: number | null;
  properties: Record<string, string | number | boolean | null>;
}

function detailsOf(row: Row, vintage: string): AreaDetails {
  const fields = Object.keys(row.properties);
  const value = (pattern: RegExp) => {
    const field = findField(fields, [pattern]);
    return field === undefined ? null : row.properties[field];
  };
  const globalid = value(/^GlobalID$/);
  return {
    collection: row.collection,
    level: row.level,
    code: row.code,
    name: row.name,
    name_welsh: row.name_welsh,
    vintage,
    bng_e: asNumber(value(/^BNG_E$/)),
    bng_n: asNumber(value(/^BNG_N$/)),
    long: row.label_lon,
    lat: row.label_lat,
    globalid: typeof globalid === 'string' && globalid !== '' ? globalid : null,
  };
}

/** The areas of an edition by level, in code order, loaded on first use and kept per edition. */
export function sharedAreaDetails(db: Knex, areasTable: string, setsTable: string): (editionId: number) => Promise<Map<BoundaryLevel, AreaDetails[]>> {
  return perEdition(async (editionId) => {
    const sets: { collection: string; vintage: string }[] = await db(setsTable).where({ edition_id: editionId }).select('collection', 'vintage');
    const vintages = new Map(sets.map((s) => [s.collection, s.vintage]));
    const rows: Row[] = await db(areasTable)
      .where({ edition_id: editionId })
      .select('collection', 'level', 'code', 'name', 'name_welsh', 'label_lon', 'label_lat', 'properties')
      .orderBy('code');
    const byLevel = new Map<BoundaryLevel, AreaDetails[]>();
    for (const r of rows) byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), Object.freeze(detailsOf(r, vintages.get(r.collection) ?? ''))]);
    // Shared by every caller of the service: nobody may change them.
    for (const list of byLevel.values()) Object.freeze(list);
    return byLevel;
  });
}
