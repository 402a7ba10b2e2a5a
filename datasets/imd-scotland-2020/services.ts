// What the deprivation-by-postcode service needs to know about SIMD 2020v2 (published vigintiles, deciles, quintiles).
import { indices, type IndexDescriptor } from '../../core/contract.ts';

const d = (key: string, title: string) => ({ key, title, rank: `${key}_rank`, published: {} });

const descriptor: IndexDescriptor = {
  label: 'SIMD2020v2',
  dataset: 'imd-scotland-2020',
  nation: 'Scotland',
  title: 'Scottish Index of Multiple Deprivation 2020v2',
  publisher: 'Scottish Government',
  rule: 'rank-ceil',
  join: 'lsoa11',
  area_type: 'Data zone 2011',
  table: 'areas',
  code: 'dz_code',
  name: 'dz_name',
  la_code: 'la_code',
  la_name: 'la_name',
  overall: { key: 'simd', title: 'SIMD 2020v2', rank: 'simd_rank', published: { 20: 'simd_vigintile', 10: 'simd_decile', 5: 'simd_quintile' } },
  domains: [
    d('income', 'Income (2020v2)'),
    d('employment', 'Employment'),
    d('education', 'Education, Skills and Training'),
    d('health', 'Health'),
    d('access', 'Geographic Access to Services'),
    d('crime', 'Crime'),
    d('housing', 'Housing'),
  ],
};

export default indices.indexServices(descriptor);
