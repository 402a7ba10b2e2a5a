// Database faults, on a PostgreSQL server of the test's own that it stops and starts: while the
// database is down every route that needs it answers 503 problem+json with Retry-After (at once,
// not after a minute), /health says so and /health/ready refuses; once it is back everything
// recovers without a restart: the edition cache (also when the database was down at the first
// data request, or at start) and the LISTEN connection that follows other processes' switches.
import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../core/config.ts';
import { openPlatform, createLogger, type Platform } from '../core/platform.ts';
import { buildApp } from '../core/app.ts';
import { startService } from '../core/service.ts';
import { runImport } from '../core/imports/run.ts';
import { ownPostgres } from './helpers/own-postgres.ts';
import { dataDir, ROOT } from './helpers/platform.ts';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const work = mkdtempSync(join(tmpdir(), 'faults-'));
t.teardown(() => rmSync(work, { recursive: true, force: true }));
const catalogueFile = join(work, 'catalogue.yaml');
writeFileSync(catalogueFile, `datasets:\n  - id: greenspace\n    path: ${join(ROOT, 'datasets/greenspace')}\n`);

const env = (url: string) => ({ DATABASE_URL: url, CATALOGUE_FILE: catalogueFile, CATALOGUE_DATA_DIR: dataDir(), CATALOGUE_DOWNLOADS: 'off', LOG_LEVEL: 'fatal', PORT: '0' });
const open = (url: string, listen = false) =>
  openPlatform(loadConfig(env(url), ROOT), { log: createLogger('fatal'), listen, editionPollMs: 10 * 60_000 });

async function app(t: { teardown(fn: () => unknown): void }, platform: Platform): Promise<FastifyInstance> {
  const a = await buildApp(platform, { rateLimit: 0, maxEventLoopDelay: 0 });
  t.teardown(() => a.close());
  return a;
}

/** Polls `probe` every 250 ms until it returns true; false after `seconds`. */
async function eventually(seconds: number, probe: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await probe().catch(() => false)) return true;
    await sleep(250);
  }
  return false;
}

const AREAS = '/v1/greenspace/areas?limit=5';

/** A server of the test's own with a database on it, greenspace imported. */
async function seeded(t: { teardown(fn: () => unknown): void }, name: string) {
  const pg = await ownPostgres(t);
  const url = await pg.createDatabase(name);
  const seed = await open(url);
  await runImport(seed, { datasetId: 'greenspace', trigger: 'test' });
  await seed.close();
  return { pg, url };
}

t.test('a database stopped for 20 s: 503s with Retry-After, then full recovery without a restart', async (t) => {
  const pg = await ownPostgres(t);
  const url = await pg.createDatabase('faults');
  const platform = await open(url, true);
  t.teardown(() => platform.close());
  const first = await runImport(platform, { datasetId: 'greenspace', trigger: 'test' });
  const api = await app(t, platform);
  t.equal((await api.inject(AREAS)).statusCode, 200, 'served while the database is up');
  t.equal((await api.inject('/health/ready')).statusCode, 200, 'ready');
  t.ok(platform.editions.listening, 'following edition switches');

  await pg.stop();
  const downUntil = Date.now() + 20_000;
  const statuses = new Set<number>();
  const unlike: string[] = [];
  let slowest = 0;
  let answers = 0;
  while (Date.now() < downUntil) {
    for (const path of [AREAS, '/catalogue', '/v1/greenspace/areas/E06000001', '/catalogue/greenspace/imports']) {
      const started = Date.now();
      const res = await api.inject(path);
      slowest = Math.max(slowest, Date.now() - started);
      statuses.add(res.statusCode);
      answers++;
      if (!/^application\/problem\+json/.test(String(res.headers['content-type'])) || !(Number(res.headers['retry-after']) > 0)) unlike.push(path);
    }
    await sleep(500);
  }
  t.same([...statuses], [503], `${answers} answers while the database was down, every one a 503`);
  t.same(unlike, [], 'every one problem+json with Retry-After');
  t.ok(slowest < 7000, `each answered promptly (slowest ${slowest} ms)`);
  const health = await api.inject('/health');
  t.equal(health.statusCode, 200, '/health (liveness) still answers 200');
  t.equal(health.json().database.up, false, 'and says the database is down');
  const ready = await api.inject('/health/ready');
  t.equal(ready.statusCode, 503, '/health/ready refuses');
  t.ok(ready.headers['retry-after'], 'with Retry-After');
  t.notOk(platform.editions.listening, 'the edition listener knows it lost its connection');

  await pg.start();
  t.ok(await eventually(20, async () => (await api.inject(AREAS)).statusCode === 200), 'data served again');
  t.ok(await eventually(10, async () => (await api.inject('/health/ready')).statusCode === 200), 'ready again');
  t.ok(await eventually(10, async () => platform.editions.listening), 'LISTEN re-established');

  // An edition switch made by another process reaches this one by notification (the poll is 10 minutes here).
  const other = await open(url);
  t.teardown(() => other.close());
  const second = await runImport(other, { datasetId: 'greenspace', trigger: 'test' });
  t.not(second.editionId, first.editionId);
  t.ok(await eventually(5, async () => (await api.inject(AREAS)).json().edition.id === second.editionId), 'the other process’s switch is served at once');
});

t.test('the database down at a process’s first data request: the process recovers', async (t) => {
  const { pg, url } = await seeded(t, 'first_request');
  const platform = await open(url, true);
  t.teardown(() => platform.close());
  const api = await app(t, platform);
  await pg.stop();
  const down = await api.inject(AREAS);
  t.equal(down.statusCode, 503, 'the first data request, with the database down: 503');
  t.match(down.json(), { status: 503, title: 'Database unavailable' });
  await pg.start();
  t.ok(await eventually(20, async () => (await api.inject(AREAS)).statusCode === 200), 'served once the database is back (the failed first load was not kept)');
  t.equal((await api.inject(AREAS)).json().dataset, 'greenspace');
});

t.test('the database down when the service starts: it listens, answers 503, and recovers', async (t) => {
  const { pg, url } = await seeded(t, 'at_start');
  await pg.stop();
  const service = await startService(loadConfig({ ...env(url), CATALOGUE_WORKER: 'off', RATE_LIMIT_PER_MINUTE: '0' }, ROOT));
  t.teardown(() => service.stop());
  t.notOk(service.platform.isReady(), 'not migrated yet');
  const live = await fetch(`${service.url}/health`);
  t.equal(live.status, 200, '/health answers while the database is down');
  t.equal(((await live.json()) as { database: { up: boolean } }).database.up, false);
  t.equal((await fetch(`${service.url}/health/ready`)).status, 503, 'not ready');
  const down = await fetch(`${service.url}${AREAS}`);
  t.equal(down.status, 503, 'data routes: 503');
  t.ok(down.headers.get('retry-after'), 'with Retry-After');
  t.match(down.headers.get('content-type'), /^application\/problem\+json/);
  t.equal((await fetch(`${service.url}/openapi.json`)).status, 200, 'the API document is served meanwhile');

  await pg.start();
  t.ok(await eventually(40, async () => (await fetch(`${service.url}/health/ready`)).status === 200), 'ready once the database is up');
  const body = (await (await fetch(`${service.url}${AREAS}`)).json()) as { total: number };
  t.equal(body.total, 371, 'the data imported before is served');
  t.ok(await eventually(10, async () => service.platform.editions.listening), 'and edition switches are followed');
});
