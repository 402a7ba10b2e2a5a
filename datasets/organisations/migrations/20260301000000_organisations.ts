import { recordTables } from '../../../core/contract.ts';

export const { up, down } = recordTables(import.meta.url, ['organisation_records', 'trusts', 'health_boards', 'icbs', 'regions', 'countries', 'pdus', 'pdu_members', 'diabetes_networks', 'openuk_networks', 'london_boroughs', 'icb_mappings', 'changes', 'code_history', 'edition_info']);
