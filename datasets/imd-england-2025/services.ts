// IoD2025 is on LSOA 2021 areas (join on the postcode directory's lsoa21). Only its district
// summaries are published here, so its descriptor has no area table: the by-postcode service
// names it and answers `index_edition_unavailable` until an LSOA-level source is added.
import { indices } from '../../core/contract.ts';

export default indices.indexServices(
  indices.iodDescriptor({
    label: 'IoD2025',
    dataset: 'imd-england-2025',
    title: 'English Indices of Deprivation 2025: Index of Multiple Deprivation',
    join: 'lsoa21',
    area_type: 'LSOA 2021',
    table: null,
  }),
);
