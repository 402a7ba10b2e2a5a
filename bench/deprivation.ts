// Deprivation benchmark: imports the four national indices and the UK composite (timed together,
// as before IoD2025 was added, so the figures stay comparable), then IoD2025 (timed on its own), then serves deprivation by postcode on 127.0.0.1 (buildApp in a child process, so the load
// generator does not share the server's event loop) with autocannon: single GET and bulk POST of
// 100, over the real ONSPD sample and supplement postcodes of all four nations.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/deprivation.ts
// BENCH_SECONDS (default 20) sets the length of the single-postcode run.
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { runImport } from '../core/imports/run.ts';
import { hardware, ROOT, startServer, withBench } from './lib/harness.ts';
import { INDICES, livePostcodes } from './lib/lookups.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const DATA_DIR = resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data');
const ALL = ['postcodes', ...INDICES, 'imd-england-2025', 'deprivation'];

const { picks, live } = livePostcodes(DATA_DIR);

await withBench('deprivation', ALL, async (b) => {
  const platform = await b.openPlatform();
  await runImport(platform, { datasetId: 'postcodes', trigger: 'cli' });
  const timings: string[] = [];
  const t0 = performance.now();
  for (const id of INDICES) {
    const r = await runImport(platform, { datasetId: id, trigger: 'cli' });
    timings.push(
      `${id} ${r.seconds.toFixed(1)} s (${Object.entries(r.rowCounts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')})`,
    );
  }
  const indexSeconds = (performance.now() - t0) / 1000;
  const iod2025 = await runImport(platform, { datasetId: 'imd-england-2025', trigger: 'cli' });
  await runImport(platform, { datasetId: 'deprivation', trigger: 'cli' });

  await platform.close();
  const server = await startServer(b);
  try {
    let k = 0;
    const next = () => picks[k++ % picks.length];
    const single = () => ({ setupRequest: (r: autocannon.Request) => ({ ...r, path: `/v1/deprivation/postcodes/${encodeURIComponent(next())}` }) });
    await autocannon({ url: server.url, connections: 10, duration: 3, requests: [single()] }); // warm-up
    const one = await autocannon({ url: server.url, connections: 10, duration: SECONDS, requests: [single()] });
    const bulkRun = (connections: number) =>
      autocannon({
        url: server.url,
        connections,
        duration: Math.max(5, Math.round(SECONDS / 2)),
        requests: [
          {
            method: 'POST',
            path: '/v1/deprivation/postcodes',
            setupRequest: (r) => ({
              ...r,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ postcodes: Array.from({ length: 100 }, next) }),
            }),
          },
        ],
      });
    const bulk = await bulkRun(4);
    const bulk1 = await bulkRun(1);
    const lines = [
      `server: buildApp in a child process on ${'127.0.0.1'}; autocannon in the parent`,
      hardware(),
      `import of the four national indices and the UK composite, together: ${indexSeconds.toFixed(1)} s`,
      ...timings.map((x) => `  ${x}`),
      `import of imd-england-2025 (IoD2025, LSOA 2021 areas and district summaries): ${iod2025.seconds.toFixed(1)} s (${Object.entries(iod2025.rowCounts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')})`,
      `English postcodes answer IoD2025 (through lsoa21), the default since imd-england-2025 serves its small areas; before, IoD2019 (through lsoa11)`,
      `postcodes: ${picks.length} distinct live postcodes of the four nations (ONSPD sample and supplement, ${live} live rows in the directory)`,
      `single GET /v1/deprivation/postcodes/:postcode (10 connections, ${SECONDS} s): ${one.requests.average.toFixed(0)} req/s, p50 ${one.latency.p50} ms, p99 ${one.latency.p99} ms, errors ${one.errors}, non-2xx ${one.non2xx}`,
      ...(
        [
          [bulk, 4],
          [bulk1, 1],
        ] as const
      ).map(
        ([b, n]) =>
          `bulk POST /v1/deprivation/postcodes, 100 per request (${n} connection${n > 1 ? 's' : ''}, ${Math.max(5, Math.round(SECONDS / 2))} s): ${b.requests.average.toFixed(0)} req/s = ${(b.requests.average * 100).toFixed(0)} postcodes/s, p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms, errors ${b.errors}, non-2xx ${b.non2xx}`,
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await server.stop();
  }
});
