// The UK-comparable composite, as the deprivation-by-postcode service uses it (composite: not per nation).
import { indices, type IndexDescriptor } from '../../core/contract.ts';

const descriptor: IndexDescriptor = {
  label: 'UK_IMD_E',
  dataset: 'imd-uk-composite',
  nation: 'United Kingdom',
  title: 'Composite UK Index of Multiple Deprivation (mySociety), English scale',
  publisher: 'mySociety',
  rule: 'rank-ceil',
  join: 'lsoa11',
  area_type: 'LSOA 2011 / data zone 2011 / SOA 2001',
  table: 'areas',
  code: 'area_code',
  name: 'area_code',
  overall: { key: 'uk_imd_e', title: 'UK_IMD_E', rank: 'uk_imd_e_rank', score: 'uk_imd_e_score', published: { 10: 'uk_imd_e_pop_decile', 5: 'uk_imd_e_pop_quintile' } },
  domains: [],
  composite: true,
  basis: ['IoD2019', 'WIMD2019', 'SIMD2020v2', 'NIMDM2017'],
};

export default indices.indexServices(descriptor);
