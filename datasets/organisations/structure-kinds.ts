// The structures an organisation belongs to: the table of each kind, its code, and which
// organisations belong to one (the organisation filters and the structures' routes alike).
import type { OrganisationRecord, OrganisationStructure } from '../../core/contract.ts';

export const STRUCTURE_KINDS: Record<OrganisationStructure, { table: string; key: string }> = {
  trust: { table: 'trusts', key: 'ods_code' },
  health_board: { table: 'health_boards', key: 'ods_code' },
  icb: { table: 'icbs', key: 'ods_code' },
  region: { table: 'regions', key: 'code' },
  country: { table: 'countries', key: 'code' },
  pdu: { table: 'pdus', key: 'npda_code' },
  diabetes_network: { table: 'diabetes_networks', key: 'code' },
  openuk_network: { table: 'openuk_networks', key: 'code' },
  london_borough: { table: 'london_boroughs', key: 'gss_code' },
};

/** The ICBs of a trust that serves several (icb_code is then null). */
export const candidateIcbs = (o: OrganisationRecord): string[] => (o.icb_candidates ?? '').split(',').filter(Boolean);

/** Whether an organisation belongs to the structure of this kind with this code. */
export const belongsTo: Record<OrganisationStructure, (o: OrganisationRecord, code: string) => boolean> = {
  trust: (o, c) => o.trust_code === c,
  health_board: (o, c) => o.health_board_code === c,
  icb: (o, c) => o.icb_code === c || candidateIcbs(o).includes(c),
  region: (o, c) => o.region_code === c,
  country: (o, c) => o.country_code === c,
  pdu: (o, c) => o.pdu_code === c,
  diabetes_network: (o, c) => o.diabetes_network_code === c,
  openuk_network: (o, c) => o.openuk_network_code === c,
  london_borough: (o, c) => o.london_borough_code === c,
};
