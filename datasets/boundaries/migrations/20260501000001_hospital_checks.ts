import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import schema from '../schemas/hospital_checks.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'boundaries', 'hospital_checks', schema, { primaryKey: ['ods_code'], indexes: [['status']] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'boundaries', 'hospital_checks');
}
