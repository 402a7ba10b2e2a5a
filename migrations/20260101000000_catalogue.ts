// The core's own tables: editions of every dataset, the current pointer, and import runs.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SCHEMA IF NOT EXISTS catalogue');
  await knex.schema.withSchema('catalogue').createTable('editions', (t) => {
    t.increments('id').primary();
    t.text('dataset_id').notNullable().index();
    t.text('label').notNullable();
    t.text('geography_vintage');
    t.timestamp('imported_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.jsonb('sources').notNullable().defaultTo('[]');
    t.jsonb('row_counts').notNullable().defaultTo('{}');
    t.jsonb('warnings').notNullable().defaultTo('[]');
    t.jsonb('metadata').notNullable().defaultTo('{}');
    t.boolean('retired').notNullable().defaultTo(false);
  });
  await knex.schema.withSchema('catalogue').createTable('current_editions', (t) => {
    t.text('dataset_id').primary();
    t.integer('edition_id').notNullable().references('id').inTable('catalogue.editions');
    t.timestamp('switched_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.withSchema('catalogue').createTable('import_runs', (t) => {
    t.increments('id').primary();
    t.text('dataset_id').notNullable().index();
    t.text('status').notNullable(); // queued | running | succeeded | failed
    t.text('trigger').notNullable(); // cli | api | start | schedule | test
    t.integer('edition_id');
    t.bigInteger('rows').notNullable().defaultTo(0);
    t.double('percent').notNullable().defaultTo(0);
    t.text('message');
    t.jsonb('error');
    t.timestamp('queued_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.timestamp('heartbeat_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP SCHEMA IF EXISTS catalogue CASCADE');
}
