// The ONS code→name tables (as published with postcodes.io), the postcode fields they name, and
// the names of an edition as the routes use them: loaded once per edition (a few hundred thousand
// short strings at most), kept for the editions most recently asked for.
import type { Knex } from 'knex';
import { sharedPerEdition } from '../../core/contract.ts';

export const NAME_TABLES: Record<string, { fields: string[] }> = {
  'countries.json': { fields: ['ctry'] },
  'regions.json': { fields: ['rgn'] },
  'counties.json': { fields: ['oscty'] },
  'ceds.json': { fields: ['ced'] },
  'districts.json': { fields: ['oslaua'] },
  'wards.json': { fields: ['osward'] },
  'parishes.json': { fields: ['parish'] },
  'constituencies.json': { fields: ['pcon'] },
  'lsoa.json': { fields: ['lsoa11'] },
  'msoa.json': { fields: ['msoa11'] },
  'lsoa21.json': { fields: ['lsoa21'] },
  'msoa21.json': { fields: ['msoa21'] },
  'icb.json': { fields: ['icb'] },
  'ccgs.json': { fields: ['sicbl'] },
  'nhs_regions.json': { fields: ['nhser'] },
  'nhsHa.json': { fields: ['oshlthau'] },
  'ttwa.json': { fields: ['ttwa'] },
  'police_force_areas.json': { fields: ['pfa'] },
  'ruc11.json': { fields: ['ru11ind'] },
};

/** Fields that can carry a name. */
export const NAMED_FIELDS = [...new Set(Object.values(NAME_TABLES).flatMap((t) => t.fields))];

/** Field → code → name, of one edition. */
export type Names = Map<string, Map<string, string>>;

/** The names of an edition, read from the names table on first use; one loader per table, shared by the routes and the service. */
export function editionNames(db: Knex, namesTable: string): (editionId: number) => Promise<Names> {
  return sharedPerEdition(db, `names:${namesTable}`, async (editionId) => {
    const rows: { field: string; code: string; name: string }[] = await db(namesTable).where({ edition_id: editionId }).select('field', 'code', 'name');
    const names: Names = new Map();
    for (const r of rows) {
      let byCode = names.get(r.field);
      if (!byCode) names.set(r.field, (byCode = new Map()));
      byCode.set(r.code, r.name);
    }
    return names;
  }, 3);
}

/** The names of the codes of a record, by field (fields without a known name left out). */
export function namesOf(names: Names, row: object | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!row) return out;
  for (const f of NAMED_FIELDS) {
    const code = (row as Record<string, unknown>)[f];
    if (typeof code === 'string') {
      const n = names.get(f)?.get(code);
      if (n !== undefined) out[f] = n;
    }
  }
  return out;
}
