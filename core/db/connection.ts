// Where the database comes from: DATABASE_URL, or the embedded server in the state folder.
// The serving pool has time limits of its own: a connection attempt gives up after a few seconds
// (a database that is down answers 503 at once instead of holding requests), and every statement
// after `statementTimeoutMs` (PostgreSQL statement_timeout); queries of a request whose client went
// away are cancelled (see cancel.ts).
import knexFactory, { type Knex } from 'knex';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { startEmbedded } from './embedded.ts';
import { trackRequestQueries } from './cancel.ts';
import { redactText } from '../redact.ts';

// Bigint counts and numeric columns come back as numbers: values here stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));
// Dates stay ISO strings (no local-time shifts).
pg.types.setTypeParser(1082, (v: string) => v);

export interface Database {
  url: string;
  knex: Knex;
  embedded: boolean;
  close(): Promise<void>;
}

export interface PoolOptions {
  poolMax?: number;
  /** PostgreSQL statement_timeout of every statement on this pool, in ms; 0: none. */
  statementTimeoutMs?: number;
  /** Where knex's own warnings go (debug level: while the database is down, one per failed connection attempt). */
  log?: Logger;
}

/** Seconds-scale limits on reaching the database (a down database must not hold requests for a minute). */
const CONNECT_TIMEOUT_MS = 5000;
const ACQUIRE_TIMEOUT_MS = 10_000;

export function createKnex(url: string, options: PoolOptions | number = {}): Knex {
  const { poolMax = 10, statementTimeoutMs = 0, log } = typeof options === 'number' ? { poolMax: options } : options;
  const quiet = (message: unknown) => log?.debug({ knex: redactText(String(message)) }, 'knex');
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}) },
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
    log: { warn: quiet, error: quiet, debug: quiet, deprecate: quiet },
  });
  trackRequestQueries(knex);
  if (statementTimeoutMs > 0) untimedStreams(knex);
  return knex;
}

type StreamingClient = { _stream(connection: pg.Client, ...rest: unknown[]): Promise<unknown> };

/**
 * A streamed answer (a whole-table CSV download of millions of rows) runs as long as its client
 * reads, not within the statement timeout: a client that leaves has its stream cancelled
 * (cancel.ts), and the connection gets the pool's timeout back before it is released.
 */
function untimedStreams(knex: Knex): void {
  const client = knex.client as unknown as StreamingClient;
  const original = client._stream.bind(client);
  client._stream = async (connection, ...rest) => {
    await connection.query('SET statement_timeout = 0');
    try {
      return await original(connection, ...rest);
    } finally {
      await connection.query('RESET statement_timeout').catch(() => undefined);
    }
  };
}

export async function openDatabase(opts: { databaseUrl?: string; stateDir: string; embeddedPort: number; log: Logger } & PoolOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const knex = createKnex(opts.databaseUrl, opts);
    return { url: opts.databaseUrl, knex, embedded: false, close: () => knex.destroy() };
  }
  const server = await startEmbedded(join(opts.stateDir, 'postgres'), opts.embeddedPort, opts.log);
  const knex = createKnex(server.url, opts);
  return {
    url: server.url,
    knex,
    embedded: true,
    close: async () => {
      await knex.destroy();
      await server.stop();
    },
  };
}
