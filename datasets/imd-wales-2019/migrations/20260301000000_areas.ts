import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import areas from '../schemas/areas.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'imd-wales-2019', 'areas', areas, { primaryKey: ['lsoa_code'], indexes: [['la_name'], ['wimd_decile']] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'imd-wales-2019', 'areas');
}
