// A dataset table laid out from its record JSON Schema: edition_id, then one column per property.
// Used by plug-in migrations so a record type is described once (later changes: new migrations).
import type { Knex } from 'knex';
import { tableName } from '../tables.ts';
import { fieldsOf } from '../rest/query.ts';

export interface RecordTableOptions {
  primaryKey: string[];
  /** Extra indexes, each a list of columns (edition_id is put first). */
  indexes?: string[][];
}

export async function createRecordTable(
  knex: Knex,
  datasetId: string,
  table: string,
  schema: Record<string, unknown>,
  options: RecordTableOptions,
): Promise<void> {
  const name = tableName(datasetId, table);
  await knex.schema.createTable(name, (t) => {
    t.integer('edition_id').notNullable();
    for (const f of fieldsOf(schema)) {
      if (f.kind === 'string') t.text(f.name);
      else if (f.kind === 'integer') t.bigInteger(f.name);
      else if (f.kind === 'number') t.double(f.name);
      else if (f.kind === 'boolean') t.boolean(f.name);
      else t.jsonb(f.name);
    }
    t.primary(['edition_id', ...options.primaryKey]);
    for (const cols of options.indexes ?? []) t.index(['edition_id', ...cols]);
  });
}

export async function dropRecordTable(knex: Knex, datasetId: string, table: string): Promise<void> {
  await knex.schema.dropTableIfExists(tableName(datasetId, table));
}
