// What the deprivation-by-postcode service needs to know about WIMD 2019 (its quantiles: the WIMD bands).
import { indices, type IndexDescriptor } from '../../core/contract.ts';

const d = (key: string, title: string) => ({ key, title, rank: `${key}_rank`, score: `${key}_score`, published: {} });

const descriptor: IndexDescriptor = {
  label: 'WIMD2019',
  dataset: 'imd-wales-2019',
  nation: 'Wales',
  title: 'Welsh Index of Multiple Deprivation 2019',
  publisher: 'Welsh Government',
  rule: 'wimd-band',
  join: 'lsoa11',
  area_type: 'LSOA 2011',
  table: 'areas',
  code: 'lsoa_code',
  name: 'lsoa_name',
  la_name: 'la_name',
  overall: d('wimd', 'WIMD 2019'),
  domains: [
    d('income', 'Income'),
    d('employment', 'Employment'),
    d('health', 'Health'),
    d('education', 'Education'),
    d('access_to_services', 'Access to Services'),
    d('housing', 'Housing'),
    d('community_safety', 'Community Safety'),
    d('physical_environment', 'Physical Environment'),
  ],
};

export default indices.indexServices(descriptor);
