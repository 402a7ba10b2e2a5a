// A dataset table laid out from its record JSON Schema: edition_id, then one column per property.
// Used by plug-in migrations so a record type is described once (later changes: new migrations).
// Partitioned by edition: each import loads a partition of its own (see db/partitions.ts).
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
  const q = (id: string) => knex.raw('??', [id]).toQuery();
  const columns = fieldsOf(schema).map((f) => `${q(f.name)} ${TYPES[f.kind] ?? 'jsonb'}`);
  // Partitioned by edition (see db/partitions.ts); knex's schema builder cannot say PARTITION BY.
  await knex.raw(
    `CREATE TABLE ${q(name)} (edition_id integer NOT NULL, ${columns.join(', ')}, CONSTRAINT ${q(`${name}_pkey`)} PRIMARY KEY (${['edition_id', ...options.primaryKey].map(q).join(', ')})) PARTITION BY LIST (edition_id)`,
  );
  for (const cols of options.indexes ?? []) {
    const all = ['edition_id', ...cols];
    await knex.raw(`CREATE INDEX ${q(`${name}_${all.join('_')}_index`.toLowerCase())} ON ${q(name)} (${all.map(q).join(', ')})`);
  }
}

const TYPES: Record<string, string> = { string: 'text', integer: 'bigint', number: 'double precision', boolean: 'boolean' };

export async function dropRecordTable(knex: Knex, datasetId: string, table: string): Promise<void> {
  await knex.schema.dropTableIfExists(tableName(datasetId, table));
}
