// Single lookups against the HTTP ceiling of one Node process, in one run: GET /v1/postcodes/postcodes/{pc}
// and GET /v1/deprivation/postcodes/{pc} (random live postcodes of the four nations) against
// Fastify's hello world, with wrk (one thread, in a process of its own) at 8 and 32 connections,
// rounds interleaved; then npm start's own server (core/bin/server.ts) with WEB_CONCURRENCY=1 against 2.
//   npm run bench -- lookup
//   BENCH_BASE=/tmp/perf-base npm run bench -- lookup      # side by side with another checkout
// BENCH_BASE_OWN_DATABASE=1 imports the base checkout's own database with its own code (an older commit
// whose migrations differ). BENCH_SECONDS (10) per run, BENCH_ROUNDS (2). Servers log at LOG_LEVEL=info (npm start's default)
// to /dev/null. "answers not kept" is this checkout with ANSWER_CACHE_MB=0: every request composes
// its answer (what a stream of distinct postcodes costs).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { baseEnv, hardware, ROOT, startFlags, startServer, withBench, type Bench } from './lib/harness.ts';
import { importAll, livePostcodes, LOOKUP_DATASETS } from './lib/lookups.ts';
import { median, pathsFile, wrk, type WrkResult } from './lib/wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BASE = process.env.BENCH_BASE ? resolve(process.env.BENCH_BASE) : undefined;
const CONNECTIONS = [8, 32];
const LOG = { LOG_LEVEL: 'info' };

const { picks } = livePostcodes(resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data'));
const ROUTES: Record<string, string[]> = {
  'GET /v1/postcodes/postcodes/{pc}': picks.map((p) => `/v1/postcodes/postcodes/${encodeURIComponent(p)}`),
  'GET /v1/deprivation/postcodes/{pc}': picks.map((p) => `/v1/deprivation/postcodes/${encodeURIComponent(p)}`),
};

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** npm start's server (core/bin/server.ts) with `workers` HTTP processes, no runner, no rate limit. */
async function startNpmServer(b: Bench, workers: number): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const env = { ...b.env, ...LOG, PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: String(workers), CATALOGUE_WORKER: 'off', CATALOGUE_IMPORT_ON_START: 'false', RATE_LIMIT_PER_MINUTE: '0' };
  const child = spawn(process.execPath, [...startFlags(ROOT), '--import', 'tsx', join(ROOT, 'core/bin/server.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`npm start's server exited (${child.exitCode})`);
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (i > 600) throw new Error('npm start did not get ready in 60 s');
    await sleep(100);
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

interface Run {
  target: string;
  connections: number;
  results: WrkResult[];
}

await withBench('lookup', LOOKUP_DATASETS, async (b) => {
  const platform = await b.openPlatform();
  await importAll(platform, LOOKUP_DATASETS);
  await platform.close();
  const files = Object.fromEntries(Object.entries(ROUTES).map(([route, paths], i) => [route, pathsFile(b.work, `route${i}`, paths)]));
  const hello = pathsFile(b.work, 'hello', ['/']);
  const load = [hardware()];
  const out: string[] = [];

  // ---- one process: each route against the hello world
  const sides: { name: string; root: string; env?: NodeJS.ProcessEnv }[] = [
    ...(BASE ? [{ name: 'before', root: BASE }] : []),
    { name: BASE ? 'after' : 'this checkout', root: ROOT },
    { name: 'answers not kept', root: ROOT, env: { ANSWER_CACHE_MB: '0' } },
  ];
  const servers = new Map([['hello-world', await startServer(b, { hello: true })]]);
  try {
    const ownBase = await baseEnv(b, BASE);
    for (const s of sides) servers.set(s.name, await startServer(b, { root: s.root, env: { ...LOG, ...(s.root === BASE ? ownBase : {}), ...s.env } }));
    const plan = CONNECTIONS.flatMap((c) => [
      { target: 'hello-world', server: 'hello-world', file: hello, connections: c },
      ...Object.entries(files).flatMap(([route, file]) => sides.map((s) => ({ target: `${route}|${s.name}`, server: s.name, file, connections: c }))),
    ]);
    for (const p of plan) await wrk(servers.get(p.server)!.url, p.file, { connections: p.connections, seconds: 3 }); // warm-up
    const runs = new Map<string, Run>();
    for (let round = 1; round <= ROUNDS; round++)
      for (const p of plan) {
        const r = await wrk(servers.get(p.server)!.url, p.file, { connections: p.connections, seconds: SECONDS });
        const key = `${p.target}@${p.connections}`;
        const run = runs.get(key) ?? { target: p.target, connections: p.connections, results: [] };
        run.results.push(r);
        runs.set(key, run);
        console.error(`round ${round} ${key}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, errors ${r.errors}`);
      }
    load.push(hardware());
    const rps = (key: string) => median(runs.get(key)!.results.map((r) => r.rps));
    out.push(
      `servers: bench/lib/server.ts (buildApp, rate limit off, LOG_LEVEL=info to /dev/null) and Fastify's hello world, each one process; wrk -t1, ${SECONDS} s × ${ROUNDS} rounds, interleaved; median of the rounds`,
      ...(BASE ? [`before: ${BASE}; after: ${ROOT}`] : []),
      '',
      '| target | connections | req/s (each round) | median | of hello-world | p50 / p99 ms (median) | errors |',
      '|---|---:|---|---:|---:|---|---:|',
    );
    for (const run of runs.values()) {
      const key = `${run.target}@${run.connections}`;
      const ceiling = rps(`hello-world@${run.connections}`);
      const [route, side] = run.target.split('|');
      out.push(
        `| ${side ? `${route}, ${side}` : route} | ${run.connections} | ${run.results.map((r) => r.rps.toFixed(0)).join(', ')} | ${rps(key).toFixed(0)} | ${((100 * rps(key)) / ceiling).toFixed(0)} % | ` +
          `${median(run.results.map((r) => r.p50)).toFixed(2)} / ${median(run.results.map((r) => r.p99)).toFixed(2)} | ${run.results.reduce((n, r) => n + r.errors, 0)} |`,
      );
    }
  } finally {
    for (const s of servers.values()) await s.stop();
  }

  // ---- npm start: one HTTP process against one per core
  const cluster = new Map<string, WrkResult[]>();
  for (let round = 1; round <= ROUNDS; round++)
    for (const workers of [1, 2]) {
      const server = await startNpmServer(b, workers);
      try {
        for (const f of Object.values(files)) await wrk(server.url, f, { connections: 32, seconds: 3 }); // warm-up
        for (const [route, file] of Object.entries(files)) {
          const r = await wrk(server.url, file, { connections: 32, seconds: SECONDS });
          const key = `${route}|${workers}`;
          cluster.set(key, [...(cluster.get(key) ?? []), r]);
          console.error(`round ${round} WEB_CONCURRENCY=${workers} ${route}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, errors ${r.errors}`);
        }
      } finally {
        await server.stop();
      }
    }
  load.push(hardware());
  out.push(
    '',
    `npm start (core/bin/server.ts, this checkout; CATALOGUE_WORKER=off, RATE_LIMIT_PER_MINUTE=0, LOG_LEVEL=info to /dev/null), WEB_CONCURRENCY=1 against 2; wrk -t1 -c32, ${SECONDS} s × ${ROUNDS} rounds, alternating`,
    '',
    '| route | WEB_CONCURRENCY=1 req/s | WEB_CONCURRENCY=2 req/s | ratio | p99 ms (1 / 2) |',
    '|---|---|---|---:|---|',
  );
  for (const route of Object.keys(files)) {
    const one = cluster.get(`${route}|1`)!;
    const two = cluster.get(`${route}|2`)!;
    const m1 = median(one.map((r) => r.rps));
    const m2 = median(two.map((r) => r.rps));
    out.push(
      `| ${route} | ${one.map((r) => r.rps.toFixed(0)).join(', ')} (median ${m1.toFixed(0)}) | ${two.map((r) => r.rps.toFixed(0)).join(', ')} (median ${m2.toFixed(0)}) | ${(m2 / m1).toFixed(2)}× | ${median(one.map((r) => r.p99)).toFixed(2)} / ${median(two.map((r) => r.p99)).toFixed(2)} |`,
    );
  }
  console.log([load[0].replace(/; load average.*/, ''), `load average at start / after the one-process runs / at the end: ${load.map((l) => l.replace(/.*load average /, '')).join(' / ')}`, '', ...out].join('\n'));
});
