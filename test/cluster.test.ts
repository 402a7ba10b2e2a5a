// npm start on every core: WEB_CONCURRENCY HTTP workers share the port, an import finished by the
// primary's runner is served by every worker before its run reads succeeded, a killed worker is
// replaced while the others keep answering, and SIGTERM stops everything after requests in flight.
import t, { type Test } from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase } from './helpers/database.ts';
import { ROOT, dataDir } from './helpers/platform.ts';

const TOKEN = 'cluster-test-token';

interface Server {
  child: ChildProcess;
  url: string;
  log: string[];
  exited: Promise<number | null>;
}

async function startServer(t: Test, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'core/bin/server.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let buffer = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no "listening" line in 60 s:\n${log.join('\n')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        log.push(line);
        const m = /catalogue listening on (http:\/\/[^ ]+) with/.exec(line);
        if (m) {
          clearTimeout(timer);
          done(m[1]);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${log.join('\n')}`)));
  });
  return { child, url, log, exited };
}

/** Each worker's answer, by worker id, asked on new connections until every one of `count` has answered. */
async function perWorker(url: string, count: number, path: string): Promise<Map<string, unknown>> {
  const seen = new Map<string, unknown>();
  for (let i = 0; i < 200 && seen.size < count; i++) {
    const res = await fetch(`${url}${path}`, { headers: { connection: 'close' } });
    seen.set(String(res.headers.get('x-worker')), await res.json());
  }
  return seen;
}

const pids = (server: Server) => server.log.flatMap((l) => (/HTTP worker started/.test(l) ? [JSON.parse(l).pid as number] : []));

t.test('WEB_CONCURRENCY=2: two workers, one runner, edition switches everywhere, restarts, graceful stop', async (t) => {
  const state = mkdtempSync(join(tmpdir(), 'cluster-test-'));
  t.teardown(() => rmSync(state, { recursive: true, force: true }));
  const catalogueFile = join(state, 'catalogue.yaml');
  writeFileSync(catalogueFile, `datasets:\n  - id: greenspace\n    path: ${join(ROOT, 'datasets/greenspace')}\n  - id: postcodes\n    path: ${join(ROOT, 'datasets/postcodes')}\n`);
  const server = await startServer(t, {
    DATABASE_URL: await createTestDatabase(t, 'cluster'),
    CATALOGUE_FILE: catalogueFile,
    CATALOGUE_STATE_DIR: state,
    CATALOGUE_DATA_DIR: dataDir(),
    CATALOGUE_ADMIN_TOKEN: TOKEN,
    WEB_CONCURRENCY: '2',
    PORT: '0',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  t.equal(pids(server).length, 2, 'two HTTP workers forked');

  // First imports are queued once (one runner, in the primary) and reach both workers.
  let states: Map<string, unknown> = new Map();
  for (let i = 0; i < 300; i++) {
    states = await perWorker(server.url, 2, '/catalogue');
    const ready = [...states.values()].every((c) => (c as { datasets: { status: { state: string } }[] }).datasets.every((d) => d.status.state === 'ready'));
    if (states.size === 2 && ready) break;
    await sleep(200);
  }
  t.equal(states.size, 2, 'both workers answer on the shared port');
  const runs = (await (await fetch(`${server.url}/catalogue/greenspace/imports`)).json()) as { imports: unknown[] };
  t.equal(runs.imports.length, 1, 'the first import ran once, not once per worker');

  // An import run by the primary's runner: once its run reads succeeded, every worker serves it.
  const queued = await fetch(`${server.url}/admin/imports/greenspace`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  t.equal(queued.status, 202);
  const { progress } = (await queued.json()) as { progress: string };
  let status = '';
  for (let i = 0; i < 300 && status !== 'succeeded'; i++) {
    status = ((await (await fetch(`${server.url}${progress}`)).json()) as { status: string }).status;
    if (status !== 'succeeded') await sleep(100);
  }
  t.equal(status, 'succeeded');
  const { edition_id: newEdition } = (await (await fetch(`${server.url}${progress}`)).json()) as { edition_id: number };
  const editions = await perWorker(server.url, 2, '/v1/greenspace/areas?limit=1');
  t.same(
    [...editions.values()].map((b) => (b as { edition: { id: number } }).edition.id),
    [newEdition, newEdition],
    'both workers serve the new edition as soon as the run says succeeded',
  );

  // A killed worker is replaced, and the other answers every request meanwhile. (Node's cluster
  // loses a connection the primary was handing to the killed worker at that instant: one in flight.)
  const [victim] = pids(server);
  const ask = () => fetch(`${server.url}/v1/greenspace/areas?limit=1`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
  process.kill(victim, 'SIGKILL');
  for (let i = 0; i < 100 && !server.log.some((l) => /HTTP worker exited/.test(l)); i++) await sleep(50);
  t.ok(server.log.some((l) => /HTTP worker exited/.test(l) && l.includes(`"pid":${victim}`)), 'the primary saw the worker die');
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push(await ask());
  t.same(statuses.filter((s) => s !== 200), [], 'every request was answered, by the other worker until the new one started');
  for (let i = 0; i < 100 && pids(server).length < 3; i++) await sleep(100);
  t.equal(pids(server).length, 3, 'a new worker was started in its place');
  let answering = 0;
  for (let i = 0; i < 60 && answering < 2; i++) {
    answering = (await perWorker(server.url, 2, '/catalogue')).size;
    if (answering < 2) await sleep(500);
  }
  t.equal(answering, 2, 'two workers answer again');

  // SIGTERM: a download in flight completes, then every process exits cleanly.
  const download = await fetch(`${server.url}/v1/postcodes/names.csv`);
  t.equal(download.status, 200);
  server.child.kill('SIGTERM');
  const body = await download.text();
  t.ok(body.split('\n').length > 100_000, `the download in flight completed (${body.length} bytes)`);
  t.equal(await Promise.race([server.exited, sleep(30_000).then(() => 'timeout')]), 0, 'the primary exits with 0');
  for (const pid of pids(server)) t.throws(() => process.kill(pid, 0), `worker ${pid} is gone`);
});
