import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import organisation_records from '../schemas/organisation_records.json' with { type: 'json' };
import trusts from '../schemas/trusts.json' with { type: 'json' };
import health_boards from '../schemas/health_boards.json' with { type: 'json' };
import icbs from '../schemas/icbs.json' with { type: 'json' };
import regions from '../schemas/regions.json' with { type: 'json' };
import countries from '../schemas/countries.json' with { type: 'json' };
import pdus from '../schemas/pdus.json' with { type: 'json' };
import pdu_members from '../schemas/pdu_members.json' with { type: 'json' };
import diabetes_networks from '../schemas/diabetes_networks.json' with { type: 'json' };
import openuk_networks from '../schemas/openuk_networks.json' with { type: 'json' };
import london_boroughs from '../schemas/london_boroughs.json' with { type: 'json' };
import icb_mappings from '../schemas/icb_mappings.json' with { type: 'json' };
import changes from '../schemas/changes.json' with { type: 'json' };
import code_history from '../schemas/code_history.json' with { type: 'json' };
import edition_info from '../schemas/edition_info.json' with { type: 'json' };

const ID = 'organisations';
const TABLES: [string, Record<string, unknown>, string[], string[][]][] = [
  ['organisation_records', organisation_records, ['ods_code'], [['trust_code'], ['icb_code'], ['pdu_code']]],
  ['trusts', trusts, ['ods_code'], []],
  ['health_boards', health_boards, ['ods_code'], []],
  ['icbs', icbs, ['ods_code'], []],
  ['regions', regions, ['code'], []],
  ['countries', countries, ['code'], []],
  ['pdus', pdus, ['npda_code'], []],
  ['pdu_members', pdu_members, ['npda_code', 'ods_code'], [['ods_code']]],
  ['diabetes_networks', diabetes_networks, ['code'], []],
  ['openuk_networks', openuk_networks, ['code'], []],
  ['london_boroughs', london_boroughs, ['gss_code'], []],
  ['icb_mappings', icb_mappings, ['row'], [['trust_code'], ['icb_code']]],
  ['changes', changes, ['seq'], [['code']]],
  ['code_history', code_history, ['entity', 'code'], [['code']]],
  ['edition_info', edition_info, ['valid_from'], []],
];

export async function up(knex: Knex): Promise<void> {
  for (const [table, schema, primaryKey, indexes] of TABLES) await createRecordTable(knex, ID, table, schema, { primaryKey, indexes });
}

export async function down(knex: Knex): Promise<void> {
  for (const [table] of [...TABLES].reverse()) await dropRecordTable(knex, ID, table);
}
