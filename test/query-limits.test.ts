// Queries have a time limit (PostgreSQL statement_timeout on the serving pool: a 503 problem with
// Retry-After past it) and end when their client leaves (pg_cancel_backend): abandoned slow
// requests do not hold the pool and starve every other route. Routes added here sleep in the
// database on purpose.
import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { Readable } from 'node:stream';
import { testPlatform } from './helpers/platform.ts';

t.test('a statement past STATEMENT_TIMEOUT_MS is cancelled: 503 with Retry-After', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['greenspace'], env: { STATEMENT_TIMEOUT_MS: '300' } });
  app.get('/test/slow', async () => platform.knex.raw('SELECT pg_sleep(5)'));
  const started = Date.now();
  const res = await app.inject('/test/slow');
  t.ok(Date.now() - started < 3000, `cancelled after ${Date.now() - started} ms, not 5 s`);
  t.equal(res.statusCode, 503);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.ok(res.headers['retry-after']);
  t.equal(res.json().title, 'Query timeout');
});

t.test('a streamed answer runs as long as its client reads, and gives its connection back with the limit', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['greenspace'], env: { STATEMENT_TIMEOUT_MS: '300' } });
  app.get('/test/slow-stream', async (_request, reply) => {
    const rows = platform.knex.raw('SELECT g, pg_sleep(0.1) FROM generate_series(1, 10) g').stream();
    return reply.type('text/plain').send(Readable.from((async function* () {
      for await (const row of rows as AsyncIterable<{ g: number }>) yield `${row.g}\n`;
    })()));
  });
  app.get('/test/slow', async () => platform.knex.raw('SELECT pg_sleep(2)'));
  const started = Date.now();
  const res = await app.inject('/test/slow-stream');
  t.equal(res.statusCode, 200);
  t.equal(res.body.trim().split('\n').length, 10, `all 10 rows streamed in ${Date.now() - started} ms, past the 300 ms limit`);
  // Every connection of the pool (at most 10) has the limit again.
  const after = await Promise.all(Array.from({ length: 12 }, () => app.inject('/test/slow')));
  t.same([...new Set(after.map((r) => r.statusCode))], [503], 'plain queries are still cut at 300 ms');
});

t.test('the queries of a client that left are cancelled, and the pool serves others', async (t) => {
  const { app, platform, url } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  app.get('/test/slow', async () => platform.knex.raw(`SELECT pg_sleep(20), 'abandoned-query-marker'`));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const observer = new pg.Client({ connectionString: url });
  await observer.connect();
  t.teardown(() => observer.end());
  const running = async () =>
    Number((await observer.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%abandoned-query-marker%' AND pid <> pg_backend_pid()`)).rows[0].n);

  // More abandoned slow requests than the pool has connections (10).
  const clients = Array.from({ length: 12 }, () => new AbortController());
  const requests = clients.map((c) => fetch(`${base}/test/slow`, { signal: c.signal }).catch(() => undefined));
  for (let i = 0; i < 40 && (await running()) < 10; i++) await sleep(100);
  t.equal(await running(), 10, 'the slow queries hold every connection of the pool');
  for (const c of clients) c.abort();
  await Promise.all(requests);
  let left = await running();
  for (let i = 0; i < 40 && left > 0; i++) {
    await sleep(100);
    left = await running();
  }
  t.equal(left, 0, 'every query of the departed clients was cancelled');
  const started = Date.now();
  const res = await fetch(`${base}/v1/greenspace/areas?limit=1`);
  t.equal(res.status, 200, 'other routes are served');
  t.ok(Date.now() - started < 2000, `at once (${Date.now() - started} ms)`);
});

t.test('work shared by several requests is not cancelled when the client that started it leaves', async (t) => {
  const { app, platform, url } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'] });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const [first, second] = (await platform.knex('postcodes_postcodes').whereNull('doterm').orderBy('pcds').limit(2).select('pcds')).map((r: { pcds: string }) => r.pcds);
  // The names of the edition, loaded once for every request (core perEdition), are held back by a lock.
  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  t.teardown(() => locker.end());
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE postcodes_names IN ACCESS EXCLUSIVE MODE');
  const observer = new pg.Client({ connectionString: url }); // outside the lock's transaction (its statistics are a snapshot)
  await observer.connect();
  t.teardown(() => observer.end());
  const waiting = async () =>
    Number((await observer.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%postcodes_names%' AND pid <> pg_backend_pid()`)).rows[0].n);

  const leaving = new AbortController();
  const left = fetch(`${base}/v1/postcodes/postcodes/${encodeURIComponent(first)}`, { signal: leaving.signal }).catch(() => undefined);
  for (let i = 0; i < 50 && (await waiting()) === 0; i++) await sleep(100);
  t.equal(await waiting(), 1, 'the first request started the load');
  const staying = fetch(`${base}/v1/postcodes/postcodes/${encodeURIComponent(second)}`);
  await sleep(300); // the second request waits for the same load
  leaving.abort();
  await left;
  await sleep(300); // time for a cancellation to reach the load
  await locker.query('COMMIT');
  const res = await staying;
  t.equal(res.status, 200, 'the request that stayed gets its answer');
  t.equal((await res.json()).postcode, second);
});
