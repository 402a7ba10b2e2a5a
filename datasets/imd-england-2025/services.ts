// What the deprivation-by-postcode service needs to know about IoD2025: LSOA 2021 areas, joined on
// the postcode directory's lsoa21 (IoD2019 joins on lsoa11), code and district columns named after
// their vintage.
import { indices } from '../../core/contract.ts';

export default indices.indexServices(
  indices.iodDescriptor({
    label: 'IoD2025',
    dataset: 'imd-england-2025',
    title: 'English Indices of Deprivation 2025: Index of Multiple Deprivation',
    join: 'lsoa21',
    area_type: 'LSOA 2021',
    table: 'areas',
    code: 'lsoa21_code',
    name: 'lsoa21_name',
    la_code: 'lad24_code',
    la_name: 'lad24_name',
  }),
);
