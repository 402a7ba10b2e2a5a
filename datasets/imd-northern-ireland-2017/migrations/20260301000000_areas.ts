import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import areas from '../schemas/areas.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'imd-northern-ireland-2017', 'areas', areas, { primaryKey: ['soa_code'], indexes: [['lgd_name'], ['mdm_decile']] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'imd-northern-ireland-2017', 'areas');
}
