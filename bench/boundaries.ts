// Boundaries benchmark: imports the real boundary shapefiles (and the postcode sample) into a
// database it creates and drops, starts the real server on 127.0.0.1, then measures with autocannon:
// The server runs in a child process of its own (as in production), so autocannon does not share
// its event loop. Point-in-area by latitude/longitude (random points over Great Britain), point-in-area by postcode,
// and the whole ICB collection at web-map precision (its size in bytes too).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/boundaries.ts
// BENCH_SECONDS (default 20) shortens or lengthens each run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { parse } from 'csv-parse/sync';
import { runImport } from '../core/imports/run.ts';
import { hardware, startServer, withBench } from './lib/harness.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

// Deterministic pseudo-random points over Great Britain (some at sea: those answer found=false).
function points(n: number): [number, number][] {
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => [49.9 + rnd() * 9, -6.5 + rnd() * 8.3] as [number, number]);
}

const summary = (name: string, r: autocannon.Result) => ({
  name,
  requests_per_s: Math.round(r.requests.average),
  latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
  non_2xx: r.non2xx,
  errors: r.errors,
  total: r.requests.total,
});

await withBench('boundaries', ['postcodes', 'boundaries'], async (b) => {
  const platform = await b.openPlatform();
  await runImport(platform, { datasetId: 'postcodes', trigger: 'cli' });
  const imp = await runImport(platform, { datasetId: 'boundaries', trigger: 'cli' });
  await platform.close();
  const server = await startServer(b);
  try {
    // First request builds the index of the edition.
    let t = performance.now();
    await fetch(`${server.url}/v1/boundaries/locate?lat=51.5&lon=-0.12`);
    const indexMs = performance.now() - t;

    const pts = points(10_000);
    let k = 0;
    const nextPoint = () => {
      const [lat, lon] = pts[k++ % pts.length];
      return `/v1/boundaries/locate?lat=${lat.toFixed(5)}&lon=${lon.toFixed(5)}`;
    };
    const sample = await Promise.all(pts.slice(0, 500).map(async ([lat, lon]) => (await (await fetch(`${server.url}/v1/boundaries/locate?lat=${lat}&lon=${lon}`)).json()) as { found: boolean }));
    const foundShare = sample.filter((s) => s.found).length / sample.length;

    const rows = parse(readFileSync(join(b.dataDir, 'onspd/ONSPD_sample.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const postcodes = rows.filter((r) => r.lat !== '99.999999').map((r) => r.pcds);
    const nextPostcode = () => `/v1/boundaries/locate?postcode=${encodeURIComponent(postcodes[k++ % postcodes.length])}`;

    const run = (path: () => string, seconds: number, connections = 10) =>
      autocannon({ url: server.url, connections, duration: seconds, requests: [{ setupRequest: (r) => ({ ...r, path: path() }) }] });

    await run(nextPoint, 3); // warm-up
    const byPoint = await run(nextPoint, SECONDS);
    const byPostcode = await run(nextPostcode, Math.max(5, Math.round(SECONDS / 2)));

    const light = '/v1/boundaries/collections/icbs/items?limit=1000&precision=4&simplify=200';
    const lightBytes = (await (await fetch(server.url + light)).arrayBuffer()).byteLength;
    const fullBytes = (await (await fetch(server.url + '/v1/boundaries/collections/icbs/items?limit=1000')).arrayBuffer()).byteLength;
    const collection = await run(() => light, Math.max(5, Math.round(SECONDS / 2)), 4);

    const out = {
      hardware: hardware(),
      import_seconds: imp.seconds,
      rows: imp.rowCounts,
      index_first_request_ms: Math.round(indexMs),
      points_in_some_area: `${Math.round(foundShare * 100)}%`,
      icb_collection_bytes: { full: fullBytes, precision4_simplify200: lightBytes },
      runs: [summary('locate by lat/lon (10 connections)', byPoint), summary('locate by postcode (10 connections)', byPostcode), summary('ICB collection precision=4&simplify=200 (4 connections)', collection)],
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await server.stop();
  }
});
