// Memory under a mixed load: every dataset imported, then 60 s of mixed traffic (single postcode,
// deprivation single and bulk of 100, organisations nested list, nearest, point in area, a table
// page, the catalogue) against the real server in a child process, with its RSS sampled every
// 250 ms; then 15 s idle. Prints throughput, errors and RSS (start, peak, end of load, after idle).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/memory.ts
// BENCH_SECONDS (default 60) sets the length of the load; BENCH_BASE=/tmp/perf-base runs the same load
// against another checkout first.
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { runImport } from '../core/imports/run.ts';
import { dependencyOrder } from '../core/manifest.ts';
import { resolve } from 'node:path';
import { hardware, ROOT, rssMb, startServer, withBench } from './lib/harness.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const BASE = process.env.BENCH_BASE ? resolve(process.env.BENCH_BASE) : undefined;
const ALL = ['greenspace', 'postcodes', 'imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite', 'deprivation', 'organisations', 'boundaries'];


await withBench('memory', ALL, async (b) => {
  const platform = await b.openPlatform();
  for (const d of dependencyOrder(platform.datasets)) await runImport(platform, { datasetId: d.id, trigger: 'cli' });
  const postcodes: string[] = (await platform.knex('postcodes_postcodes').whereNull('doterm').whereNotNull('lsoa11').select('pcds').limit(2000)).map((r: { pcds: string }) => r.pcds);
  await platform.close();
  // BENCH_BASE: the same load against another checkout first (one server at a time: their memory apart)
  const sides = [...(BASE ? [{ name: 'before', root: BASE }] : []), { name: BASE ? 'after' : 'this checkout', root: ROOT }];
  const out = ['server: buildApp in a child process on 127.0.0.1 (rate limit off, npm start\'s Node options); autocannon in the parent, 8 connections cycling 9 requests'];
  for (const side of sides) {
    const server = await startServer(b, { root: side.root });
    try {
      let k = 0;
      const next = () => postcodes[k++ % postcodes.length];
      const bulk = () => JSON.stringify({ postcodes: Array.from({ length: 100 }, next) });
      const requests: autocannon.Request[] = [
        { setupRequest: (r) => ({ ...r, path: `/v1/postcodes/postcodes/${encodeURIComponent(next())}` }) },
        { setupRequest: (r) => ({ ...r, path: `/v1/deprivation/postcodes/${encodeURIComponent(next())}` }) },
        { method: 'POST', setupRequest: (r) => ({ ...r, path: '/v1/deprivation/postcodes', headers: { 'content-type': 'application/json' }, body: bulk() }) },
        { method: 'POST', setupRequest: (r) => ({ ...r, path: '/v1/postcodes/lookup', headers: { 'content-type': 'application/json' }, body: bulk() }) },
        { path: '/v1/organisations/organisations' },
        { path: '/v1/organisations/nearest?lat=51.5&long=-0.12&limit=10' },
        { path: '/v1/boundaries/locate?lat=52.48&lon=-1.9' },
        { path: '/v1/greenspace/areas?limit=100' },
        { path: '/catalogue' },
      ];
      await autocannon({ url: server.url, connections: 8, duration: 3, requests }); // warm-up: caches built once per edition
      const samples: { t: number; mb: number }[] = [];
      const started = Date.now();
      const sampler = setInterval(() => samples.push({ t: Date.now() - started, mb: rssMb(server.pid) }), 250);
      const before = rssMb(server.pid);
      const load = await autocannon({ url: server.url, connections: 8, duration: SECONDS, requests });
      const endOfLoad = rssMb(server.pid);
      await sleep(15_000);
      clearInterval(sampler);
      const idle = rssMb(server.pid);
      const peak = Math.max(...samples.map((s) => s.mb));
      const q = (p: number) => samples.map((s) => s.mb).sort((a, b) => a - b)[Math.floor((samples.length - 1) * p)];
      out.push(
        `${side.name} (${side.root}): ${hardware()}`,
        `mixed load, ${SECONDS} s: ${load.requests.average.toFixed(0)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, errors ${load.errors}, non-2xx ${load.non2xx}`,
        `server RSS: ${before.toFixed(0)} MB after warm-up, peak ${peak.toFixed(0)} MB (median ${q(0.5).toFixed(0)}, p90 ${q(0.9).toFixed(0)}), ${endOfLoad.toFixed(0)} MB at the end of the load, ${idle.toFixed(0)} MB after 15 s idle`,
        `RSS every 5 s (MB): ${samples
          .filter((_, i) => i % 20 === 0)
          .map((s) => s.mb.toFixed(0))
          .join(' ')}`,
      );
    } finally {
      await server.stop();
    }
  }
  console.log(out.join('\n'));
});
