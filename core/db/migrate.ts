// Migrations: the core's (migrations/) and each dataset's own (datasets/<id>/migrations/),
// each tracked in its own table so a dataset can be migrated up and down on its own.
import { existsSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { tableName } from '../tables.ts';
import { partitionLegacyTable } from './partitions.ts';

class FolderMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly dir: string) {}
  async getMigrations(): Promise<string[]> {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
      .sort();
  }
  getMigrationName(file: string): string {
    return basename(file).replace(/\.(ts|js|mjs)$/, '');
  }
  async getMigration(file: string): Promise<Knex.Migration> {
    return import(pathToFileURL(join(this.dir, file)).href);
  }
}

function config(dir: string, scope: string): Knex.MigratorConfig {
  return {
    migrationSource: new FolderMigrationSource(dir),
    tableName: `migrations_${scope.replace(/-/g, '_')}`,
    schemaName: 'public',
  };
}

export async function migrateCore(knex: Knex, root: string): Promise<void> {
  await knex.migrate.latest(config(join(root, 'migrations'), 'core'));
}

/** Migrates one dataset, then partitions by edition any of its `tables` created before partitioning. */
export async function migrateDataset(knex: Knex, id: string, dir: string, tables: string[] = []): Promise<void> {
  await knex.migrate.latest(config(join(dir, 'migrations'), `dataset_${id}`));
  for (const t of tables) await partitionLegacyTable(knex, tableName(id, t));
}

/** Rolls back every migration of one dataset (used by the conformance suite and `catalogue drop`). */
export async function rollbackDataset(knex: Knex, id: string, dir: string): Promise<void> {
  await knex.migrate.rollback(config(join(dir, 'migrations'), `dataset_${id}`), true);
}
