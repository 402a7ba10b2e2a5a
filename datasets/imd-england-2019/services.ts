// What the deprivation-by-postcode service needs to know about IoD2019 (the IoD layout of the indices module).
import { indices } from '../../core/contract.ts';

export default indices.indexServices(
  indices.iodDescriptor({
    label: 'IoD2019',
    dataset: 'imd-england-2019',
    title: 'English Indices of Deprivation 2019: Index of Multiple Deprivation',
    join: 'lsoa11',
    area_type: 'LSOA 2011',
    table: 'areas',
  }),
);
