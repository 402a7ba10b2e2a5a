// mySociety's composite UK IMD; its datapackage.json goes into the edition's metadata.
import { indices, type DatasetImporter } from '../../core/contract.ts';

const AREAS: indices.Column[] = [
  { header: 'lsoa', field: 'area_code', kind: 'text' },
  { header: 'nation', field: 'nation', kind: 'text' },
  { header: 'overall_local_score', field: 'overall_local_score', kind: 'number' },
  { header: 'income_score', field: 'income_score', kind: 'number' },
  { header: 'employment_score', field: 'employment_score', kind: 'number' },
  { header: 'uk_imd_e_score', field: 'uk_imd_e_score', kind: 'number' },
  { header: 'original_decile', field: 'original_decile', kind: 'integer' },
  { header: 'e_expanded_decile', field: 'e_expanded_decile', kind: 'integer' },
  { header: 'uk_imd_e_rank', field: 'uk_imd_e_rank', kind: 'number' },
  { header: 'uk_imd_e_pop_decile', field: 'uk_imd_e_pop_decile', kind: 'integer' },
  { header: 'uk_imd_e_pop_quintile', field: 'uk_imd_e_pop_quintile', kind: 'integer' },
];
const LAS: indices.Column[] = [
  ['local-authority-code', 'local_authority_code', 'text'],
  ['official-name', 'official_name', 'text'],
  ['la-deprivation-score', 'la_deprivation_score', 'number'],
  ['label', 'label', 'text'],
  ['desc', 'desc', 'text'],
  ['low-deprivation', 'low_deprivation', 'number'],
  ['medium-deprivation', 'medium_deprivation', 'number'],
  ['high-deprivation', 'high_deprivation', 'number'],
  ['density', 'density', 'number'],
  ['la-imd-pop-quintile', 'la_imd_pop_quintile', 'integer'],
  ['la-imd-pop-decile', 'la_imd_pop_decile', 'integer'],
].map(([header, field, kind]) => ({ header, field, kind: kind as indices.Column['kind'], nullable: field === 'density' }));

interface DataPackage {
  name?: string;
  title?: string;
  description?: string;
  version?: string;
  licenses?: unknown[];
  contributors?: unknown[];
  custom?: unknown;
  resources?: { name?: string; path?: string; title?: string; description?: string; schema?: unknown }[];
}

const importer: DatasetImporter = async (ctx) => {
  const dp = await ctx.readJson<DataPackage>('datapackage');
  const areas = ctx.table('areas');
  for await (const { record, file, line } of indices.readColumns(ctx, 'uk_imd_e', AREAS)) await areas.write(record, { file, line });
  const las = ctx.table('local_authorities');
  for await (const { record, file, line } of indices.readColumns(ctx, 'la_imd', LAS)) await las.write(record, { file, line });
  const loaded = new Set(['uk_imd_e', 'la_imd']);
  const missing = (dp.resources ?? []).filter((r) => r.name && !loaded.has(r.name)).map((r) => r.name);
  if (missing.length) ctx.warn('resources_not_loaded', `datapackage.json describes resources not in the local collection: ${missing.join(', ')}`);
  return {
    label: `UK_IMD_E ${dp.version ?? ''}`.trim(),
    metadata: { datapackage: dp },
  };
};

export default importer;
