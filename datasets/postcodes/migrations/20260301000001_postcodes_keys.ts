import type { Knex } from 'knex';

// Import speed: a table of 2.7 million rows per edition keeps only its primary key during COPY.
// pcds compares bytewise (COLLATE "C"), so an outward code is a range of the primary key
// ("AB10 " ≤ pcds < "AB10!"); the latitude index is built per edition after its rows are loaded
// (a partial index, see importer.ts), by sorting rather than by millions of random inserts.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS postcodes_postcodes_edition_id_outcode_pcds_index');
  await knex.raw('DROP INDEX IF EXISTS postcodes_postcodes_edition_id_lat_long_index');
  await knex.raw('ALTER TABLE postcodes_postcodes ALTER COLUMN pcds TYPE text COLLATE "C"');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE postcodes_postcodes ALTER COLUMN pcds TYPE text COLLATE "default"');
  await knex.raw('CREATE INDEX IF NOT EXISTS postcodes_postcodes_edition_id_outcode_pcds_index ON postcodes_postcodes (edition_id, outcode, pcds)');
  await knex.raw('CREATE INDEX IF NOT EXISTS postcodes_postcodes_edition_id_lat_long_index ON postcodes_postcodes (edition_id, lat, long)');
}
