// What the deprivation-by-postcode service needs to know about NIMDM 2017 (SOA 2001 areas, joined on ONSPD lsoa11).
import { indices, type IndexDescriptor } from '../../core/contract.ts';

const d = (key: string, title: string) => ({ key, title, rank: `${key}_rank`, published: {} });

const descriptor: IndexDescriptor = {
  label: 'NIMDM2017',
  dataset: 'imd-northern-ireland-2017',
  nation: 'Northern Ireland',
  title: 'Northern Ireland Multiple Deprivation Measure 2017',
  publisher: 'NISRA',
  rule: 'rank-ceil',
  join: 'lsoa11',
  area_type: 'SOA 2001',
  table: 'areas',
  code: 'soa_code',
  name: 'soa_name',
  la_name: 'lgd_name',
  overall: { key: 'mdm', title: 'Multiple Deprivation Measure', rank: 'mdm_rank', published: {} },
  domains: [
    d('income', 'Income'),
    d('employment', 'Employment'),
    d('health', 'Health Deprivation and Disability'),
    d('education', 'Education, Skills and Training'),
    d('access', 'Access to Services'),
    d('living_environment', 'Living Environment'),
    d('crime', 'Crime and Disorder'),
  ],
};

export default indices.indexServices(descriptor);
