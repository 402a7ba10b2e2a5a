import type { Knex } from 'knex';
import { createRecordTable, dropRecordTable } from '../../../../../core/db/record-table.ts';
import records from '../schemas/organisation_records.json' with { type: 'json' };
import icbs from '../schemas/icbs.json' with { type: 'json' };
import regions from '../schemas/regions.json' with { type: 'json' };
import boards from '../schemas/health_boards.json' with { type: 'json' };

export async function up(knex: Knex): Promise<void> {
  await createRecordTable(knex, 'organisations', 'organisation_records', records, { primaryKey: ['ods_code'] });
  await createRecordTable(knex, 'organisations', 'icbs', icbs, { primaryKey: ['ods_code'] });
  await createRecordTable(knex, 'organisations', 'regions', regions, { primaryKey: ['code'] });
  await createRecordTable(knex, 'organisations', 'health_boards', boards, { primaryKey: ['ods_code'] });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['organisation_records', 'icbs', 'regions', 'health_boards']) await dropRecordTable(knex, 'organisations', t);
}
