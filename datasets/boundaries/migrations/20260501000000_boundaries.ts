import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import areas from '../schemas/areas.json' with { type: 'json' };
import sets from '../schemas/sets.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'boundaries', 'sets', sets, { primaryKey: ['collection'] });
  // geometry is jsonb (no PostGIS needed); the bbox columns let a bbox= query use an index.
  await createRecordTable(knex, 'boundaries', 'areas', areas, {
    primaryKey: ['collection', 'code'],
    indexes: [['code'], ['level'], ['collection', 'min_lon', 'max_lon', 'min_lat', 'max_lat']],
  });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'boundaries', 'areas');
  await dropRecordTable(knex, 'boundaries', 'sets');
}
