import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import lad from '../schemas/lad_summaries.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'imd-england-2025', 'lad_summaries', lad, { primaryKey: ['lad_code', 'index_domain'], indexes: [['index_domain']] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'imd-england-2025', 'lad_summaries');
}
