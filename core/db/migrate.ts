// Migrations: the core's (migrations/) and each dataset's own (datasets/<id>/migrations/),
// each tracked in its own table so a dataset can be migrated up and down on its own. A plug-in
// with no migrations/ folder gets one generated migration per table, laid out from its schema and
// manifest and named `20260101000000_<table>`: exactly what a file
// migrations/20260101000000_<table>.ts holding `recordTables(import.meta.url, ['<table>'])` would
// be, so that such a folder can be added later (to change a layout) without touching the databases
// that ran the generated ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { parse } from 'yaml';
import { migrationOf } from '../sdk/record-tables.ts';
import { tableName } from '../tables.ts';
import { partitionLegacyTable } from './partitions.ts';

const MIGRATION = /\.(ts|js|mjs)$/;
const isMigration = (f: string) => MIGRATION.test(f) && !f.endsWith('.d.ts');
const hasMigrations = (dir: string) => existsSync(dir) && readdirSync(dir).some(isMigration);

class FolderMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly dir: string) {}
  async getMigrations(): Promise<string[]> {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter(isMigration).sort();
  }
  getMigrationName(file: string): string {
    return basename(file).replace(/\.(ts|js|mjs)$/, '');
  }
  async getMigration(file: string): Promise<Knex.Migration> {
    return import(pathToFileURL(join(this.dir, file)).href);
  }
}

/** The name of the migration generated for a table of a plug-in without migrations/. */
const generatedMigrationName = (table: string) => `20260101000000_${table}`;

class GeneratedMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly pluginDir: string) {}
  async getMigrations(): Promise<string[]> {
    const manifest = parse(readFileSync(join(this.pluginDir, 'dataset.yaml'), 'utf8')) as { tables?: { name: string }[] };
    return (manifest.tables ?? []).map((t) => t.name).sort();
  }
  getMigrationName(table: string): string {
    return generatedMigrationName(table);
  }
  async getMigration(table: string): Promise<Knex.Migration> {
    return migrationOf(this.pluginDir, [table]);
  }
}

/** A plug-in's migrations: its migrations/ folder, or the generated ones when it has none. */
function pluginSource(pluginDir: string): Knex.MigrationSource<string> {
  const folder = join(pluginDir, 'migrations');
  return hasMigrations(folder) ? new FolderMigrationSource(folder) : new GeneratedMigrationSource(pluginDir);
}

function config(source: Knex.MigrationSource<string>, scope: string): Knex.MigratorConfig {
  return {
    migrationSource: source,
    tableName: `migrations_${scope.replace(/-/g, '_')}`,
    schemaName: 'public',
  };
}

export async function migrateCore(knex: Knex, root: string): Promise<void> {
  await knex.migrate.latest(config(new FolderMigrationSource(join(root, 'migrations')), 'core'));
}

/** Migrates one dataset, then partitions by edition any of its `tables` created before partitioning. */
export async function migrateDataset(knex: Knex, id: string, dir: string, tables: string[] = []): Promise<void> {
  await knex.migrate.latest(config(pluginSource(dir), `dataset_${id}`));
  for (const t of tables) await partitionLegacyTable(knex, tableName(id, t));
}

/** Rolls back every migration of one dataset (used by the conformance suite and `catalogue drop`). */
export async function rollbackDataset(knex: Knex, id: string, dir: string): Promise<void> {
  await knex.migrate.rollback(config(pluginSource(dir), `dataset_${id}`), true);
}
