// The NHS structures the API lists, each under its own path: which structure of the organisations
// service it is, the member naming its code, its order (as the original orders each list) and its
// shape.
import { SHAPES } from './shapes.ts';

export interface Kind {
  /** URL segment (/trusts, /local_health_boards …). */
  path: string;
  /** What they are, and what one is, for the documentation and the 404 of an unknown code. */
  title: string;
  singular: string;
  structure: keyof typeof SHAPES;
  /** The member holding its code in this API's answers. */
  key: string;
  /** The definition of schemas/shapes.json describing one. */
  definition: string;
  /** Ordered by name, descending (as the original orders some lists). */
  descending: boolean;
  /** Whether the plain list carries each one's organisations (the original's /trusts/ does). */
  nestsOrganisations: boolean;
  /** A query parameter selecting members (the original's /countries/?fields=). */
  selectsFields: boolean;
}

export const KINDS: Kind[] = [
  { path: 'trusts', title: 'NHS trusts', singular: 'Trust', structure: 'trust', key: 'ods_code', definition: 'trust', descending: false, nestsOrganisations: true, selectsFields: false },
  { path: 'local_health_boards', title: 'Welsh local health boards', singular: 'Local health board', structure: 'health_board', key: 'ods_code', definition: 'local_health_board', descending: true, nestsOrganisations: false, selectsFields: false },
  { path: 'integrated_care_boards', title: 'integrated care boards', singular: 'Integrated care board', structure: 'icb', key: 'ods_code', definition: 'integrated_care_board', descending: false, nestsOrganisations: false, selectsFields: false },
  { path: 'nhs_england_regions', title: 'NHS England regions', singular: 'NHS England region', structure: 'region', key: 'region_code', definition: 'nhs_england_region', descending: true, nestsOrganisations: false, selectsFields: false },
  { path: 'london_boroughs', title: 'London boroughs', singular: 'London borough', structure: 'london_borough', key: 'gss_code', definition: 'london_borough', descending: true, nestsOrganisations: false, selectsFields: false },
  { path: 'countries', title: 'countries', singular: 'Country', structure: 'country', key: 'boundary_identifier', definition: 'country', descending: true, nestsOrganisations: false, selectsFields: true },
  { path: 'openuk_networks', title: 'OPEN UK paediatric epilepsy networks', singular: 'OPEN UK network', structure: 'openuk_network', key: 'boundary_identifier', definition: 'openuk_network', descending: false, nestsOrganisations: false, selectsFields: false },
];
