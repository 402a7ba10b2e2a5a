import { indexServices, type IndexDescriptor } from '../deprivation/lib/index.ts';

const d = (key: string, title: string) => ({ key, title, rank: `${key}_rank`, score: `${key}_score`, published: {} });

export const descriptor: IndexDescriptor = {
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

export default indexServices(descriptor);
