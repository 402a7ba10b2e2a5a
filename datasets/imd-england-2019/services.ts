// What the deprivation-by-postcode service needs to know about IoD2019.
import { indexServices, type IndexDescriptor } from '../deprivation/lib/index.ts';
import { IOD_DOMAIN_NAMES } from './iod.ts';

const domain = (key: string) => ({ key, title: IOD_DOMAIN_NAMES[key], rank: `${key}_rank`, score: `${key}_score`, published: { 10: `${key}_decile` } });

export const descriptor: IndexDescriptor = {
  label: 'IoD2019',
  dataset: 'imd-england-2019',
  nation: 'England',
  title: 'English Indices of Deprivation 2019: Index of Multiple Deprivation',
  publisher: 'MHCLG',
  rule: 'rank-ceil',
  join: 'lsoa11',
  area_type: 'LSOA 2011',
  table: 'areas',
  code: 'lsoa_code',
  name: 'lsoa_name',
  la_code: 'lad_code',
  la_name: 'lad_name',
  overall: domain('imd'),
  domains: ['income', 'employment', 'education', 'health', 'crime', 'barriers', 'living_environment', 'idaci', 'idaopi'].map(domain),
};

export default indexServices(descriptor);
