// A plug-in's record tables, laid out from what it declares once: dataset.yaml (primary key,
// indexes) and schemas/<table>.json (columns). A migration names its tables and nothing else:
//   export const { up, down } = recordTables(import.meta.url, ['areas']);
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { parse } from 'yaml';
import { createRecordTable, dropRecordTable } from '../db/record-table.ts';
import type { DatasetManifest } from '../types.ts';

/** Creates `tables` (up) and drops them (down), from the manifest and schemas of the plug-in whose migrations/ holds `migrationUrl`. */
export function recordTables(migrationUrl: string, tables: string[]): Knex.Migration {
  const dir = resolve(fileURLToPath(migrationUrl), '..', '..');
  return migrationOf(dir, tables);
}

/** The same, for a plug-in folder (used for plug-ins that have no migrations/ of their own). */
export function migrationOf(dir: string, tables?: string[]): Knex.Migration {
  const plan = () => {
    const manifest = parse(readFileSync(join(dir, 'dataset.yaml'), 'utf8')) as DatasetManifest;
    return (tables ?? manifest.tables.map((t) => t.name)).map((name) => {
      const def = manifest.tables.find((t) => t.name === name);
      if (!def) throw new Error(`${manifest.id}: table "${name}" is not declared in dataset.yaml`);
      const schema = JSON.parse(readFileSync(join(dir, 'schemas', `${name}.json`), 'utf8')) as Record<string, unknown>;
      return { id: manifest.id, def, schema };
    });
  };
  return {
    async up(knex) {
      for (const { id, def, schema } of plan()) await createRecordTable(knex, id, def.name, schema, { primaryKey: def.primary_key, indexes: def.indexes });
    },
    async down(knex) {
      for (const { id, def } of plan().reverse()) await dropRecordTable(knex, id, def.name);
    },
  };
}
