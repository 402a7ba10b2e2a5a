// Organisations benchmark: imports the real curated lists into a database created for the run, starts
// the real server (buildApp, no rate limit) in its own process on 127.0.0.1, then autocannon:
// the whole nested organisation list, the drop-down list, one organisation, nearest by lat/long.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/organisations.ts
// BENCH_SECONDS (default 15) sets the length of each run.
import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { runImport } from '../core/imports/run.ts';
import { hardware, startServer, withBench } from './lib/harness.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

await withBench('organisations', ['postcodes', 'organisations'], async (b) => {
  const platform = await b.openPlatform();
  const t0 = performance.now();
  const imported = await runImport(platform, { datasetId: 'organisations', trigger: 'cli' });
  const importSeconds = (performance.now() - t0) / 1000;
  await platform.close();
  const server = await startServer(b);
  try {
    const run = async (title: string, path: () => string, headers: Record<string, string> = {}) => {
      await autocannon({ url: server.url, connections: 10, duration: 2, requests: [{ setupRequest: (r) => ({ ...r, path: path(), headers }) }] });
      const r = await autocannon({
        url: server.url,
        connections: 10,
        duration: SECONDS,
        requests: [{ setupRequest: (r) => ({ ...r, path: path(), headers }) }],
      });
      return `${title} (${SECONDS} s, 10 connections): ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${(r.throughput.average / 2 ** 20).toFixed(1)} MiB/s, errors ${r.errors}, non-2xx ${r.non2xx}${r.non2xx ? ` ${JSON.stringify(r.statusCodeStats)}` : ''}`;
    };
    // Points spread over England and Wales, deterministic.
    let k = 0;
    const point = () => {
      k++;
      const lat = (50.2 + ((k * 7919) % 3500) / 1000).toFixed(4);
      const long = (-4.5 + ((k * 104729) % 6200) / 1000).toFixed(4);
      return `/v1/organisations/nearest?lat=${lat}&long=${long}&limit=5`;
    };
    const codes = ['RGT01', 'RCF22', '7A1A1', 'RWA01', 'RXF05'];
    const lines = [
      hardware(),
      `import of the real lists: ${importSeconds.toFixed(2)} s (${Object.entries(imported.rowCounts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')})`,
      await run('GET /v1/organisations/organisations?limit=1000 (all, nested, brotli)', () => '/v1/organisations/organisations?limit=1000', {
        'accept-encoding': 'br, gzip',
      }),
      await run('GET /v1/organisations/organisations?limit=1000 (all, nested, gzip)', () => '/v1/organisations/organisations?limit=1000', {
        'accept-encoding': 'gzip',
      }),
      await run(
        'GET /v1/organisations/organisations?limit=1000 (all, nested, identity: 366 kB a response)',
        () => '/v1/organisations/organisations?limit=1000',
      ),
      await run('GET /v1/organisations/organisations/limited', () => '/v1/organisations/organisations/limited', { 'accept-encoding': 'gzip' }),
      await run('GET /v1/organisations/organisations/:code', () => `/v1/organisations/organisations/${codes[k++ % codes.length]}`),
      await run('GET /v1/organisations/nearest?lat&long&limit=5 (a different point each request)', point),
      `load average after ${loadavg()[0].toFixed(2)}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await server.stop();
  }
});
