// Record tables are partitioned by edition (LIST on edition_id). An import loads each table's rows
// into a partition of its own, created inside the import transaction with no index (COPY FREEZE
// into a fresh table is several times faster than into an indexed shared one), and attaches it at
// the end, which builds the table's indexes by sorting. Retiring an edition detaches and drops its
// partitions instead of deleting millions of rows.
import type { Knex } from 'knex';
import { SourceError } from '../contract.ts';

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const MAX_IDENT = 63;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The partition holding one edition of a table: `<table>_e<edition>` (within PostgreSQL's 63 bytes). */
export function partitionName(table: string, editionId: number): string {
  const suffix = `_e${editionId}`;
  return table.slice(0, MAX_IDENT - suffix.length) + suffix;
}

/** Creates the empty, unindexed partition table of one edition (not attached yet). */
export async function createEditionPartition(query: Query, table: string, editionId: number): Promise<void> {
  const name = partitionName(table, editionId);
  // The CHECK lets ATTACH skip its validation scan; LIKE copies column types and collations.
  await query(`CREATE TABLE ${quote(name)} (LIKE ${quote(table)} INCLUDING DEFAULTS, CONSTRAINT ${quote(`${name}_edition`)} CHECK (edition_id = ${Number(editionId)}))`);
}

/** Attaches an edition's partition (building the table's indexes on it) and gathers its statistics. */
export async function attachEditionPartition(query: Query, table: string, editionId: number): Promise<void> {
  const name = partitionName(table, editionId);
  await query(`SET LOCAL maintenance_work_mem = '256MB'`);
  try {
    await query(`ALTER TABLE ${quote(table)} ATTACH PARTITION ${quote(name)} FOR VALUES IN (${Number(editionId)})`);
  } catch (err) {
    throw duplicateKey(err) ?? err;
  }
  // Statistics at once, from a sample of 6,000 rows (target 20, a seventh of the default's cost on
  // millions of rows): enough for the plans served here (keys, indexed ranges, equality filters).
  // An edition never changes after its import, so autovacuum will not analyze it again.
  await query(`SET LOCAL default_statistics_target = 20`);
  await query(`ANALYZE ${quote(name)}`);
  await query(`RESET default_statistics_target`);
}

/** The primary key is built when the partition is attached: two source rows with one key end up here. */
function duplicateKey(err: unknown): SourceError | undefined {
  const { code, detail } = err as { code?: string; detail?: string };
  const m = code === '23505' ? /^Key \((.*)\)=\((.*)\) is duplicated/.exec(detail ?? '') : null;
  if (!m) return undefined;
  const columns = m[1].split(', ');
  const values = m[2].split(', ');
  const key = columns.map((c, i) => `${c} ${values[i]}`).filter((_, i) => columns[i] !== 'edition_id');
  return new SourceError(`more than one row has the key ${key.join(', ')} (the table's primary key must be unique)`, undefined, undefined, columns.at(-1));
}

interface Child {
  name: string;
  editions: number[];
  /** A concurrent detach that was interrupted (it is finished with FINALIZE). */
  pending: boolean;
}

async function partitionsOf(knex: Knex, table: string): Promise<Child[]> {
  const { rows } = await knex.raw(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound, i.inhdetachpending AS pending
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass(?)`,
    [quote(table)],
  );
  return (rows as { name: string; bound: string; pending: boolean }[]).map((r) => ({ name: r.name, editions: (r.bound.match(/\d+/g) ?? []).map(Number), pending: r.pending }));
}

/**
 * Removes the rows of retired editions: a partition holding only retired editions is detached
 * CONCURRENTLY (readers of the served editions never wait) and dropped; rows of a partition shared
 * with live editions (a table converted from before partitioning) are deleted.
 */
export async function dropEditions(knex: Knex, table: string, editionIds: number[]): Promise<void> {
  const retired = new Set(editionIds);
  for (const child of await partitionsOf(knex, table)) {
    const gone = child.editions.filter((e) => retired.has(e));
    if (gone.length === 0) continue;
    if (gone.length === child.editions.length || (await knex.raw(`SELECT 1 FROM ${quote(child.name)} WHERE edition_id <> ALL(?) LIMIT 1`, [gone])).rows.length === 0) {
      await knex.raw(`ALTER TABLE ${quote(table)} DETACH PARTITION ${quote(child.name)} ${child.pending ? 'FINALIZE' : 'CONCURRENTLY'}`);
      await knex.raw(`DROP TABLE ${quote(child.name)}`);
    } else {
      await knex.raw(`DELETE FROM ${quote(child.name)} WHERE edition_id = ANY(?)`, [gone]);
    }
  }
}

/**
 * Converts a record table created before partitioning into a partitioned one, without copying
 * rows: the old table (indexes renamed) becomes one partition holding every edition it has.
 */
export async function partitionLegacyTable(knex: Knex, table: string): Promise<boolean> {
  const { rows } = await knex.raw(`SELECT relkind FROM pg_class WHERE oid = to_regclass(?)`, [quote(table)]);
  if (rows[0]?.relkind !== 'r') return false;
  const legacy = table.slice(0, MAX_IDENT - '_legacy'.length) + '_legacy';
  await knex.transaction(async (trx) => {
    const { rows: indexes } = await trx.raw(
      `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def, con.conname AS constraint, pg_get_constraintdef(con.oid) AS condef
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
         LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.contype IN ('p', 'u')
        WHERE x.indrelid = to_regclass(?)`,
      [quote(table)],
    );
    const { rows: editions } = await trx.raw(`SELECT DISTINCT edition_id FROM ${quote(table)}`);
    await trx.raw(`ALTER TABLE ${quote(table)} RENAME TO ${quote(legacy)}`);
    for (const ix of indexes) await trx.raw(`ALTER INDEX ${quote(ix.name)} RENAME TO ${quote(`${ix.name.slice(0, MAX_IDENT - 7)}_legacy`)}`);
    await trx.raw(`CREATE TABLE ${quote(table)} (LIKE ${quote(legacy)} INCLUDING DEFAULTS) PARTITION BY LIST (edition_id)`);
    for (const ix of indexes) {
      if (ix.constraint) await trx.raw(`ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(ix.constraint)} ${ix.condef}`);
      else await trx.raw((ix.def as string).replace(/ ON (ONLY )?\S+ USING /, ` ON ${quote(table)} USING `));
    }
    if (editions.length === 0) await trx.raw(`DROP TABLE ${quote(legacy)}`);
    else await trx.raw(`ALTER TABLE ${quote(table)} ATTACH PARTITION ${quote(legacy)} FOR VALUES IN (${editions.map((e: { edition_id: number }) => Number(e.edition_id)).join(', ')})`);
  });
  return true;
}
