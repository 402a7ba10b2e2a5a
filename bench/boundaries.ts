// Boundaries benchmark: imports the real boundary shapefiles (and the postcode sample) into a
// database it creates and drops, starts the real server on 127.0.0.1, then measures with autocannon:
// The server runs in a child process of its own (as in production), so autocannon does not share
// its event loop. Point-in-area by latitude/longitude (random points over Great Britain), point-in-area by postcode,
// and the whole ICB collection at web-map precision (its size in bytes too), full resolution
// compressed (brotli, from the answer cache) and with a new bbox each request (answers made,
// serialised through their schema and compressed on the fly, as a panning web map asks for them). In process, on real answers: what the
// hand-written /locate answer buys against Fastify's serializer of its documented schema, and what
// splicing cached geometry JSON (the collections' former hand path) would buy against it.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/boundaries.ts
// BENCH_SECONDS (default 20) shortens or lengthens each run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { parse } from 'csv-parse/sync';
import { runImport } from '../core/imports/run.ts';
import { locateBody, locateWriter, type PostcodePlacement } from '../datasets/boundaries/locate-answer.ts';
import { featureCollectionResponse, locateResponse } from '../datasets/boundaries/route-schemas.ts';
import type { AreaRef, ResponseMeta } from '../core/contract.ts';
import { hardware, startServer, withBench } from './lib/harness.ts';
import { microsPerCall, schemaSerializer } from './lib/serializers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

// Deterministic pseudo-random points over Great Britain (some at sea: those answer found=false).
function points(n: number): [number, number][] {
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => [49.9 + rnd() * 9, -6.5 + rnd() * 8.3] as [number, number]);
}

type Located = ResponseMeta & { point: { lat: number; lon: number }; areas: AreaRef[]; postcode?: PostcodePlacement };

/** Microseconds per /locate answer: hand-written (as served) and through the documented schema. */
async function locateSerializers(answers: Located[]) {
  const serialize = await schemaSerializer(locateResponse);
  const { dataset, edition, geography_vintage, licence } = answers[0];
  const meta = { dataset, edition, geography_vintage, licence };
  const write = locateWriter(() => meta);
  const hand = (a: Located) => write(edition, a.point.lat, a.point.lon, a.areas, a.postcode);
  const schema = (a: Located) => serialize(locateBody(meta, a.point.lat, a.point.lon, a.areas, a.postcode));
  return {
    hand_written_us: Number(microsPerCall(answers, hand).toFixed(2)),
    schema_serializer_us: Number(microsPerCall(answers, schema).toFixed(2)),
    same_answers: answers.every((a) => isDeepStrictEqual(JSON.parse(hand(a)), JSON.parse(schema(a)))),
  };
}

/** Milliseconds per FeatureCollection answer: through its schema (as served), and spliced from cached geometry JSON. */
async function collectionSerializers(fc: { features: { geometry: unknown }[] }) {
  const serialize = await schemaSerializer(featureCollectionResponse);
  const geometries = fc.features.map((f) => JSON.stringify(f.geometry)); // what the former path held
  const splice = () => {
    const features = fc.features.map((f, i) => `${JSON.stringify({ ...f, geometry: undefined }).slice(0, -1)},"geometry":${geometries[i]}}`);
    return `${JSON.stringify({ ...fc, features: undefined }).slice(0, -1)},"features":[${features.join(',')}]}`;
  };
  const ms = (fn: () => string) => Number((microsPerCall([0], fn, 5, 20) / 1000).toFixed(2));
  return { schema_serializer_ms: ms(() => serialize(fc)), former_splice_ms: ms(splice) };
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
    const sample = await Promise.all(pts.slice(0, 500).map(async ([lat, lon]) => (await (await fetch(`${server.url}/v1/boundaries/locate?lat=${lat}&lon=${lon}`)).json()) as Located & { found: boolean }));
    const foundShare = sample.filter((s) => s.found).length / sample.length;

    const rows = parse(readFileSync(join(b.dataDir, 'onspd/ONSPD_sample.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const postcodes = rows.filter((r) => r.lat !== '99.999999').map((r) => r.pcds);
    const nextPostcode = () => `/v1/boundaries/locate?postcode=${encodeURIComponent(postcodes[k++ % postcodes.length])}`;

    const byPostcodeSample = await Promise.all(postcodes.slice(0, 200).map(async (p) => (await (await fetch(`${server.url}/v1/boundaries/locate?postcode=${encodeURIComponent(p)}`)).json()) as Located));

    const run = (path: () => string, seconds: number, connections = 10, headers: Record<string, string> = {}) =>
      autocannon({ url: server.url, connections, duration: seconds, requests: [{ setupRequest: (r) => ({ ...r, path: path(), headers }) }] });

    await run(nextPoint, 3); // warm-up
    const byPoint = await run(nextPoint, SECONDS);
    const byPostcode = await run(nextPostcode, Math.max(5, Math.round(SECONDS / 2)));

    const light = '/v1/boundaries/collections/icbs/items?limit=1000&precision=4&simplify=200';
    const lightBytes = (await (await fetch(server.url + light)).arrayBuffer()).byteLength;
    const fullBytes = (await (await fetch(server.url + '/v1/boundaries/collections/icbs/items?limit=1000')).arrayBuffer()).byteLength;
    const collection = await run(() => light, Math.max(5, Math.round(SECONDS / 2)), 4);
    const full = '/v1/boundaries/collections/icbs/items?limit=1000';
    const brotli = await run(() => full, Math.max(5, Math.round(SECONDS / 2)), 4, { 'accept-encoding': 'br' });
    let north = 0;
    const cold = await run(() => `${full}&bbox=-10,49,3,${(60 + ++north * 1e-6).toFixed(6)}`, Math.max(5, Math.round(SECONDS / 2)), 4, { 'accept-encoding': 'br, gzip' });

    const fullFc = await (await fetch(server.url + full)).json();
    const lightFc = await (await fetch(server.url + light)).json();
    const serializers = {
      locate_answer: await locateSerializers([...sample, ...byPostcodeSample]),
      icb_collection_full: await collectionSerializers(fullFc),
      icb_collection_precision4_simplify200: await collectionSerializers(lightFc),
    };

    const out = {
      hardware: hardware(),
      import_seconds: imp.seconds,
      rows: imp.rowCounts,
      index_first_request_ms: Math.round(indexMs),
      points_in_some_area: `${Math.round(foundShare * 100)}%`,
      icb_collection_bytes: { full: fullBytes, precision4_simplify200: lightBytes },
      runs: [
        summary('locate by lat/lon (10 connections)', byPoint),
        summary('locate by postcode (10 connections)', byPostcode),
        summary('ICB collection precision=4&simplify=200 (4 connections)', collection),
        summary('ICB collection full resolution, Accept-Encoding: br (4 connections)', brotli),
        summary('ICB collection full resolution, a new bbox each request (answers made on the fly), Accept-Encoding: br, gzip (4 connections)', cold),
      ],
      serializers,
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await server.stop();
  }
});
