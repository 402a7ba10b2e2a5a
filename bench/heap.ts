// What npm start's V8 heap growth (--heap-growing-percent in package.json's start script) costs and
// buys: the same server under Node options that differ only in it, rounds interleaved, on the
// allocation-heavy routes (bulk lookups of 100 and 1,000: native postcodes and deprivation), with
// wrk at 4 connections; for each, the full (mark-compact) and young (scavenge) collections counted
// from V8's --trace-gc, and the server's RSS sampled every 250 ms. A small live heap (postcodes only)
// collects most often: the postcode loads run before any deprivation answer is composed.
//   npm run bench -- heap
//   BENCH_HEAP='{"default":"","25":"--heap-growing-percent=25"}' npm run bench -- heap
// BENCH_SECONDS (8) per run, BENCH_ROUNDS (3).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hardware, ROOT, startFlags, startServer, withBench, wrkSampled, type Server } from './lib/harness.ts';
import { bulkBodies, importAll, livePostcodes, LOOKUP_DATASETS } from './lib/lookups.ts';
import { median, pathsFile, wrk, type WrkResult } from './lib/wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const START = startFlags(ROOT).join(' ');
const VARIANTS: Record<string, string> = process.env.BENCH_HEAP
  ? JSON.parse(process.env.BENCH_HEAP)
  : { [`npm start (${START || 'V8 default'})`]: START, 'V8 default': '', '--heap-growing-percent=25': '--heap-growing-percent=25', '--heap-growing-percent=50': '--heap-growing-percent=50' };

const { all } = livePostcodes(resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data'));
const LOADS = [
  { name: 'POST /v1/postcodes/lookup, 100', path: '/v1/postcodes/lookup', size: 100 },
  { name: 'POST /v1/postcodes/lookup, 1,000', path: '/v1/postcodes/lookup', size: 1000 },
  { name: 'POST /v1/deprivation/postcodes, 100', path: '/v1/deprivation/postcodes', size: 100 },
  { name: 'POST /v1/deprivation/postcodes, 1,000', path: '/v1/deprivation/postcodes', size: 1000 },
];

/** Full and young collections so far, from a --trace-gc log. */
function collections(log: string): { full: number; young: number } {
  const lines = readFileSync(log, 'utf8').split('\n');
  return { full: lines.filter((l) => l.includes('Mark-Compact')).length, young: lines.filter((l) => l.includes('Scavenge')).length };
}

await withBench('heap', LOOKUP_DATASETS, async (b) => {
  const platform = await b.openPlatform();
  await importAll(platform, LOOKUP_DATASETS);
  await platform.close();
  const servers = new Map<string, { server: Server; log: string }>();
  const load = [hardware()];
  const rows: string[] = [];
  try {
    for (const [name, flags] of Object.entries(VARIANTS)) {
      const log = join(b.work, `gc-${servers.size}.log`);
      const server = await startServer(b, { env: { LOG_LEVEL: 'warn' }, nodeFlags: [...flags.split(/\s+/).filter(Boolean), '--trace-gc'], stdoutFile: log });
      servers.set(name, { server, log });
    }
    for (const l of LOADS) {
      const bodies = pathsFile(b.work, `bodies-${l.size}`, bulkBodies(all, l.size));
      const runs = new Map<string, { results: WrkResult[]; rss: number[]; full: number; young: number }>();
      for (const { server } of servers.values()) await wrk(server.url, { post: l.path, bodies }, { connections: 4, seconds: 2 });
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, { server, log }] of servers) {
          const run = runs.get(name) ?? { results: [], rss: [], full: 0, young: 0 };
          runs.set(name, run);
          const before = collections(log);
          const { result, rss } = await wrkSampled(server, { post: l.path, bodies }, { connections: 4, seconds: SECONDS });
          const after = collections(log);
          run.results.push(result);
          run.rss.push(...rss);
          run.full += after.full - before.full;
          run.young += after.young - before.young;
        }
      }
      for (const [name, run] of runs) {
        const rps = run.results.map((r) => r.rps);
        rows.push(
          `| ${l.name} | ${name} | ${rps.map((x) => (x * l.size).toFixed(0)).join(', ')} | ${median(run.results.map((r) => r.p99)).toFixed(1)} | ` +
            `${(run.full / ROUNDS / SECONDS).toFixed(1)} / ${(run.young / ROUNDS / SECONDS).toFixed(0)} | ${Math.min(...run.rss).toFixed(0)}–${Math.max(...run.rss).toFixed(0)} | ${run.results.reduce((n, r) => n + r.errors, 0)} |`,
        );
      }
    }
    load.push(hardware());
  } finally {
    for (const { server } of servers.values()) await server.stop();
  }
  console.log(`servers: bench/lib/server.ts, one process per Node option set, LOG_LEVEL=warn; wrk -t1 -c4, ${SECONDS} s × ${ROUNDS} rounds, interleaved`);
  console.log(load.join('\n'));
  console.log('\n| load (postcodes a body) | Node options | postcodes/s (each round) | p99 ms (median) | full / young collections a second | server RSS during the runs, MB | errors |');
  console.log('|---|---|---|---:|---|---|---:|');
  for (const row of rows) console.log(row);
});
