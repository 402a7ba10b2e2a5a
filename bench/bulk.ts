// Bulk lookups of 1,000 postcodes (the maximum), streamed: POST /v1/deprivation/postcodes (JSON and
// CSV) and POST /v1/postcodes/lookup, each body 1,000 distinct live postcodes of the sample and
// supplement (the bodies cycle through all of them), with wrk at 1 and 4 connections; the server's
// RSS sampled every 250 ms. Side by side with another checkout when BENCH_BASE is set.
//   npm run bench -- bulk
//   BENCH_BASE=/tmp/perf-base npm run bench -- bulk
// BENCH_SECONDS (10) per run, BENCH_ROUNDS (2), interleaved. Servers log at LOG_LEVEL=info to /dev/null.
import { resolve } from 'node:path';
import { hardware, ROOT, startServer, withBench, wrkSampled, type Server } from './lib/harness.ts';
import { bulkBodies, importAll, livePostcodes, LOOKUP_DATASETS } from './lib/lookups.ts';
import { median, pathsFile, wrk, type WrkResult } from './lib/wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BASE = process.env.BENCH_BASE ? resolve(process.env.BENCH_BASE) : undefined;
const bodies = bulkBodies(livePostcodes(resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data')).all, 1000);

const LOADS = {
  'POST /v1/deprivation/postcodes': '/v1/deprivation/postcodes',
  'POST /v1/deprivation/postcodes?format=csv': '/v1/deprivation/postcodes?format=csv',
  'POST /v1/postcodes/lookup': '/v1/postcodes/lookup',
};
const CONNECTIONS = [1, 4];


await withBench('bulk', LOOKUP_DATASETS, async (b) => {
  const platform = await b.openPlatform();
  await importAll(platform, LOOKUP_DATASETS);
  await platform.close();
  const file = pathsFile(b.work, 'bodies', bodies);
  const sides = BASE ? [{ name: 'before', root: BASE }, { name: 'after', root: ROOT }] : [{ name: 'this checkout', root: ROOT }];
  const servers = new Map<string, Server>();
  const load = [hardware()];
  try {
    for (const s of sides) servers.set(s.name, await startServer(b, { root: s.root, env: { LOG_LEVEL: 'info' } }));
    for (const s of servers.values()) for (const path of Object.values(LOADS)) await wrk(s.url, { post: path, bodies: file }, { connections: 4, seconds: 3 }); // warm-up
    const runs = new Map<string, { results: WrkResult[]; rss: number[] }>();
    for (let round = 1; round <= ROUNDS; round++)
      for (const c of CONNECTIONS)
        for (const [label, path] of Object.entries(LOADS))
          for (const [name, server] of servers) {
            const { result: r, rss } = await wrkSampled(server, { post: path, bodies: file }, { connections: c, seconds: SECONDS });
            const key = `${label}|${name}|${c}`;
            const run = runs.get(key) ?? { results: [], rss: [] };
            run.results.push(r);
            run.rss.push(...rss);
            runs.set(key, run);
            console.error(`round ${round} ${key}: ${(r.rps * 1000).toFixed(0)} postcodes/s, p50 ${r.p50} ms, p99 ${r.p99} ms, RSS ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB, errors ${r.errors}`);
          }
    load.push(hardware());
    const out = [
      `servers: bench/lib/server.ts (buildApp, rate limit off, LOG_LEVEL=info to /dev/null), one process each; wrk -t1, ${SECONDS} s × ${ROUNDS} rounds, interleaved; ${bodies.length} bodies of 1,000 distinct live postcodes in turn`,
      ...(BASE ? [`before: ${BASE}; after: ${ROOT}`] : []),
      load[0].replace(/; load average.*/, ''),
      `load average at start / end: ${load.map((l) => l.replace(/.*load average /, '')).join(' / ')}`,
      '',
      '| request (1,000 postcodes) | side | connections | p50 ms (each round) | p99 ms (median) | postcodes/s (median) | server RSS during the runs, MB | errors |',
      '|---|---|---:|---|---:|---:|---|---:|',
    ];
    for (const [key, run] of runs) {
      const [label, name, c] = key.split('|');
      out.push(
        `| ${label} | ${name} | ${c} | ${run.results.map((r) => r.p50).join(', ')} | ${median(run.results.map((r) => r.p99)).toFixed(1)} | ${(median(run.results.map((r) => r.rps)) * 1000).toFixed(0)} | ` +
          `${Math.min(...run.rss).toFixed(0)}–${Math.max(...run.rss).toFixed(0)} | ${run.results.reduce((n, r) => n + r.errors, 0)} |`,
      );
    }
    console.log(out.join('\n'));
  } finally {
    for (const s of servers.values()) await s.stop();
  }
});
