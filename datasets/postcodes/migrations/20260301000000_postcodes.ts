import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../core/db/record-table.ts';
import postcodes from '../schemas/postcodes.json' with { type: 'json' };
import names from '../schemas/names.json' with { type: 'json' };

// Lookups use the primary key (edition_id, pcds); outcode pages use (edition_id, outcode, pcds);
// nearest uses a latitude band of (edition_id, lat, long).
export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'postcodes', 'postcodes', postcodes, { primaryKey: ['pcds'], indexes: [['outcode', 'pcds'], ['lat', 'long']] });
  await createRecordTable(knex, 'postcodes', 'names', names, { primaryKey: ['field', 'code'] });
}

export async function down(knex: Knex): Promise<void> {
  await dropRecordTable(knex, 'postcodes', 'names');
  await dropRecordTable(knex, 'postcodes', 'postcodes');
}
