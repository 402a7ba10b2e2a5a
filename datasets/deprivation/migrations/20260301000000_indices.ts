import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import indices from '../schemas/indices.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'deprivation', 'indices', indices, { primaryKey: ['index_edition'] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'deprivation', 'indices');
}
