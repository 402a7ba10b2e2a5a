// Normalising and looking up postcodes: shared by the routes and the service other plug-ins use.
import type { Knex } from 'knex';
import { normalisePostcode as normalise, outsideRequest, type PostcodeStatus } from '../../core/contract.ts';
import type { PostcodesRecord } from './types.ts';

export { normalise };

export const RECORD_FIELDS = [
  'pcds', 'pcd7', 'pcd8', 'outcode', 'dointr', 'doterm', 'usertype', 'ctry', 'rgn', 'oscty', 'ced', 'oslaua', 'osward', 'parish', 'pcon',
  'lsoa11', 'msoa11', 'oa11', 'lsoa21', 'msoa21', 'oa21', 'icb', 'sicbl', 'nhser', 'oshlthau', 'ttwa', 'pfa', 'ru11ind',
  'oseast1m', 'osnrth1m', 'osgrdind', 'lat', 'long', 'imd',
] as const;

export interface Found {
  input: string;
  postcode: string | null;
  status: PostcodeStatus;
  row: PostcodesRecord | null;
}

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: PostcodesRecord[] }>;
}

interface Statement {
  name: string;
  text: string;
}

const columns = RECORD_FIELDS.map((f) => `"${f}"`).join(', ');
const statements = new Map<string, { one: Statement; many: Statement }>();

/** A table's statements, built once: pg compares a prepared statement's text on every call (free when it is the same string). */
function statementsOf(table: string): { one: Statement; many: Statement } {
  let s = statements.get(table);
  if (!s) {
    s = {
      one: { name: `${table}_one`, text: `SELECT ${columns} FROM "${table}" WHERE edition_id = $1 AND pcds = $2` },
      many: { name: `${table}_many`, text: `SELECT ${columns} FROM "${table}" WHERE edition_id = $1 AND pcds = ANY($2::text[])` },
    };
    statements.set(table, s);
  }
  return s;
}

/**
 * Runs a named (prepared) statement on a pooled connection: PostgreSQL plans a postcode lookup once
 * per connection instead of on every request (the hot path of the service).
 */
async function prepared(db: Knex, { name, text }: Statement, values: unknown[]): Promise<PostcodesRecord[]> {
  const conn = (await db.client.acquireConnection()) as PgConnection;
  try {
    return (await conn.query({ name, text, values })).rows;
  } finally {
    await db.client.releaseConnection(conn);
  }
}

/** The rows of distinct normalised postcodes, in one query. */
function rowsOf(db: Knex, table: string, editionId: number, wanted: string[]): Promise<PostcodesRecord[]> {
  const { one, many } = statementsOf(table);
  return wanted.length === 1 ? prepared(db, one, [editionId, wanted[0]]) : prepared(db, many, [editionId, wanted]);
}

interface Waiter {
  resolve(row: PostcodesRecord | null): void;
  reject(err: unknown): void;
}
/** Postcode → the lookups waiting for it. */
type Batch = Map<string, Waiter[]>;
/** Batches still taking lookups, by database, then by table and edition. */
const openBatches = new WeakMap<Knex, Map<string, Batch>>();
const MAX_BATCH = 1000;

/**
 * The record of one normalised postcode, or null when it is not in the directory. Lookups asked for
 * in the same turn of the event loop (concurrent requests) share one query: the round trip to
 * PostgreSQL (pool, protocol, system calls, the backend's planning and executor start-up) costs far
 * more than the rows. A lone lookup waits only for the end of the current turn (setImmediate).
 */
export function findPostcode(db: Knex, table: string, editionId: number, postcode: string): Promise<PostcodesRecord | null> {
  let open = openBatches.get(db);
  if (!open) openBatches.set(db, (open = new Map()));
  const key = `${table}@${editionId}`;
  let batch = open.get(key);
  if (!batch) {
    const b: Batch = new Map();
    open.set(key, (batch = b));
    // the batch answers every request in it: it runs outside the scope of the one that opened it
    setImmediate(() => {
      if (open.get(key) === b) open.delete(key);
      void outsideRequest(() => runBatch(db, table, editionId, b));
    });
  }
  let waiters = batch.get(postcode);
  if (!waiters) {
    batch.set(postcode, (waiters = []));
    if (batch.size === MAX_BATCH) open.delete(key); // full: later lookups start the next batch
  }
  const w = waiters;
  return new Promise((resolve, reject) => w.push({ resolve, reject }));
}

/** Answers every lookup of a batch; a failed query fails each of them (never an unhandled rejection). */
async function runBatch(db: Knex, table: string, editionId: number, batch: Batch): Promise<void> {
  try {
    const rows = await rowsOf(db, table, editionId, [...batch.keys()]);
    const byPostcode = new Map(rows.map((r) => [r.pcds, r]));
    for (const [postcode, waiters] of batch) for (const w of waiters) w.resolve(byPostcode.get(postcode) ?? null);
  } catch (err) {
    for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
  }
}

/** found, or terminated when the directory gives a termination date. */
export const statusOf = (row: PostcodesRecord): 'found' | 'terminated' => (row.doterm ? 'terminated' : 'found');

/** Looks up many postcodes in one query; one answer per input, in order. */
export async function findPostcodes(db: Knex, table: string, editionId: number, inputs: string[]): Promise<Found[]> {
  const normalised = inputs.map((i) => normalise(i));
  const wanted = [...new Set(normalised.filter((p): p is string => p !== null))];
  const rows = new Map<string, PostcodesRecord>();
  if (wanted.length === 1) {
    // one postcode (the service's single lookups): joins the batch of concurrent lookups
    const row = await findPostcode(db, table, editionId, wanted[0]);
    if (row) rows.set(row.pcds, row);
  } else if (wanted.length > 1) {
    for (const r of await rowsOf(db, table, editionId, wanted)) rows.set(r.pcds, r);
  }
  return inputs.map((input, i) => {
    const postcode = normalised[i];
    if (postcode === null) return { input, postcode, status: 'invalid', row: null };
    const row = rows.get(postcode) ?? null;
    return { input, postcode, status: row === null ? 'not_found' : statusOf(row), row };
  });
}
