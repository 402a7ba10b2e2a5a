// Where the database comes from: DATABASE_URL, or the embedded server in the state folder.
import knexFactory, { type Knex } from 'knex';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { startEmbedded } from './embedded.ts';

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

export function createKnex(url: string, poolMax = 10): Knex {
  return knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: poolMax } });
}

export async function openDatabase(opts: { databaseUrl?: string; stateDir: string; embeddedPort: number; log: Logger; poolMax?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    const knex = createKnex(opts.databaseUrl, opts.poolMax);
    return { url: opts.databaseUrl, knex, embedded: false, close: () => knex.destroy() };
  }
  const server = await startEmbedded(join(opts.stateDir, 'postgres'), opts.embeddedPort, opts.log);
  const knex = createKnex(server.url, opts.poolMax);
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
