// SIMD 2020v2: one row per data zone; domain ranks kept numeric (ties as halves).
import { indices, type DatasetImporter } from '../../core/contract.ts';

const COLUMNS: indices.Column[] = [
  { header: 'dz', field: 'dz_code', kind: 'text' },
  { header: 'dzname', field: 'dz_name', kind: 'text' },
  { header: 'simd2020v2_rank', field: 'simd_rank', kind: 'integer' },
  { header: 'simd2020v2_vigintile', field: 'simd_vigintile', kind: 'integer' },
  { header: 'simd2020v2_decile', field: 'simd_decile', kind: 'integer' },
  { header: 'simd2020v2_quintile', field: 'simd_quintile', kind: 'integer' },
  { header: 'simd2020v2_income_domain_rank', field: 'income_rank', kind: 'number' },
  { header: 'simd2020_employment_domain_rank', field: 'employment_rank', kind: 'number' },
  { header: 'simd2020_education_domain_rank', field: 'education_rank', kind: 'number' },
  { header: 'simd2020_health_domain_rank', field: 'health_rank', kind: 'number' },
  { header: 'simd2020_access_domain_rank', field: 'access_rank', kind: 'number' },
  { header: 'simd2020_crime_domain_rank', field: 'crime_rank', kind: 'number' },
  { header: 'simd2020_housing_domain_rank', field: 'housing_rank', kind: 'number' },
  { header: 'population', field: 'population', kind: 'integer' },
  { header: 'working_age_population', field: 'working_age_population', kind: 'integer' },
  { header: 'urclass', field: 'urban_rural_class', kind: 'integer' },
  { header: 'urname', field: 'urban_rural_name', kind: 'text' },
  { header: 'izcode', field: 'iz_code', kind: 'text' },
  { header: 'izname', field: 'iz_name', kind: 'text' },
  { header: 'lacode', field: 'la_code', kind: 'text' },
  { header: 'laname', field: 'la_name', kind: 'text' },
  { header: 'hbcode', field: 'hb_code', kind: 'text' },
  { header: 'hbname', field: 'hb_name', kind: 'text' },
  { header: 'mmwcode', field: 'mmw_code', kind: 'text' },
  { header: 'mmwname', field: 'mmw_name', kind: 'text' },
  { header: 'spccode', field: 'spc_code', kind: 'text' },
  { header: 'spcname', field: 'spc_name', kind: 'text' },
];

const importer: DatasetImporter = async (ctx) => {
  const table = ctx.table('areas');
  const rows: Record<string, unknown>[] = [];
  for await (const { record, file, line } of indices.readColumns(ctx, 'simd', COLUMNS)) {
    rows.push(record);
    await table.write(record, { file, line });
  }
  for (const c of COLUMNS.filter((c) => c.field.endsWith('_rank'))) indices.checkRanks(ctx, rows.map((r) => r[c.field] as number), c.field, 6976);
  const ties = rows.filter((r) => COLUMNS.some((c) => c.field.endsWith('_rank') && !Number.isInteger(r[c.field]))).length;
  return { metadata: { data_zones_with_tied_domain_ranks: ties } };
};

export default importer;
