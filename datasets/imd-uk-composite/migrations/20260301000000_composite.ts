import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import areas from '../schemas/areas.json' with { type: 'json' };
import las from '../schemas/local_authorities.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'imd-uk-composite', 'areas', areas, { primaryKey: ['area_code'], indexes: [['nation'], ['uk_imd_e_pop_decile']] });
  await createRecordTable(knex, 'imd-uk-composite', 'local_authorities', las, { primaryKey: ['local_authority_code'] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'imd-uk-composite', 'areas');
  await dropRecordTable(knex, 'imd-uk-composite', 'local_authorities');
}
