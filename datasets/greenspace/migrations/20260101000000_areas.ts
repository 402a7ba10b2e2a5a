import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import schema from '../schemas/areas.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'greenspace', 'areas', schema, { primaryKey: ['lad_code'], indexes: [['country_code'], ['region_code']] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'greenspace', 'areas');
}
