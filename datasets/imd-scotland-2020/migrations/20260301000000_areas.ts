import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import areas from '../schemas/areas.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'imd-scotland-2020', 'areas', areas, { primaryKey: ['dz_code'], indexes: [['la_code'], ['simd_decile'], ['hb_code']] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'imd-scotland-2020', 'areas');
}
