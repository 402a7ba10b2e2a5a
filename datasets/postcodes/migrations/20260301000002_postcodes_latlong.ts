import type { Knex } from 'knex';

// With the table partitioned by edition, one partial (lat, long) index on the table gives every
// edition's partition its own, built when the partition is attached; the per-edition indexes the
// importer used to create go.
export async function up(knex: Knex): Promise<void> {
  const { rows } = await knex.raw(`SELECT indexname FROM pg_indexes WHERE tablename = 'postcodes_postcodes' AND indexname LIKE 'postcodes\\_postcodes\\_latlong\\_e%'`);
  for (const { indexname } of rows as { indexname: string }[]) await knex.raw('DROP INDEX IF EXISTS ??', [indexname]);
  await knex.raw('CREATE INDEX IF NOT EXISTS postcodes_postcodes_lat_long_index ON postcodes_postcodes (lat, long) WHERE lat IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS postcodes_postcodes_lat_long_index');
}
