// The ONS code→name tables (as published with postcodes.io) and the postcode fields they name.
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
