// Boundaries benchmark: imports the real boundary shapefiles (and the postcode sample) into a
// database it creates and drops, starts the real server on 127.0.0.1, then measures with autocannon:
// The server runs in a child process of its own (as in production), so autocannon does not share
// its event loop. Point-in-area by latitude/longitude (random points over Great Britain), point-in-area by postcode,
// and the whole ICB collection at web-map precision (its size in bytes too).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/boundaries.ts
// BENCH_SECONDS (default 20) shortens or lengthens each run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../core/config.ts';
import { openPlatform, createLogger } from '../core/platform.ts';
import { buildApp } from '../core/app.ts';
import { runImport } from '../core/imports/run.ts';

const root = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dataDir = resolve(root, process.env.CATALOGUE_DATA_DIR ?? '../shared/data');
const dbName = `bench_boundaries_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const work = mkdtempSync(join(tmpdir(), 'bench-boundaries-'));

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

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  let close: (() => Promise<void>) | undefined;
  try {
    const catalogueFile = join(work, 'catalogue.yaml');
    writeFileSync(
      catalogueFile,
      `title: Bench\ndatasets:\n  - id: postcodes\n    path: ${join(root, 'datasets/postcodes')}\n  - id: boundaries\n    path: ${join(root, 'datasets/boundaries')}\nsettings:\n  import_on_start: false\n`,
    );
    const config = loadConfig({ ...process.env, DATABASE_URL: dbUrl, CATALOGUE_DATA_DIR: dataDir, CATALOGUE_FILE: catalogueFile, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' }, root);
    const platform = await openPlatform(config, { log: createLogger('warn') });
    await runImport(platform, { datasetId: 'postcodes', trigger: 'cli' });
    const imp = await runImport(platform, { datasetId: 'boundaries', trigger: 'cli' });
    await platform.close();
    const server = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl, CATALOGUE_DATA_DIR: dataDir, CATALOGUE_FILE: catalogueFile, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const address = await new Promise<string>((ok, fail) => {
      let text = '';
      server.stdout!.on('data', (d) => {
        text += d;
        const m = /listening (http:\/\/\S+)/.exec(text);
        if (m) ok(m[1]);
      });
      server.once('exit', (code) => fail(new Error(`server exited (${code})`)));
    });
    close = async () => {
      server.kill('SIGTERM');
      if (server.exitCode === null) await once(server, 'exit');
    };

    // First request builds the index of the edition.
    let t = performance.now();
    await fetch(`${address}/v1/boundaries/locate?lat=51.5&lon=-0.12`);
    const indexMs = performance.now() - t;

    const pts = points(10_000);
    let k = 0;
    const nextPoint = () => {
      const [lat, lon] = pts[k++ % pts.length];
      return `/v1/boundaries/locate?lat=${lat.toFixed(5)}&lon=${lon.toFixed(5)}`;
    };
    const sample = await Promise.all(pts.slice(0, 500).map(async ([lat, lon]) => (await (await fetch(`${address}/v1/boundaries/locate?lat=${lat}&lon=${lon}`)).json()) as { found: boolean }));
    const foundShare = sample.filter((s) => s.found).length / sample.length;

    const rows = parse(readFileSync(join(dataDir, 'onspd/ONSPD_sample.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const postcodes = rows.filter((r) => r.lat !== '99.999999').map((r) => r.pcds);
    const nextPostcode = () => `/v1/boundaries/locate?postcode=${encodeURIComponent(postcodes[k++ % postcodes.length])}`;

    const run = (path: () => string, seconds: number, connections = 10) =>
      autocannon({ url: address, connections, duration: seconds, requests: [{ setupRequest: (r) => ({ ...r, path: path() }) }] });

    await run(nextPoint, 3); // warm-up
    const byPoint = await run(nextPoint, SECONDS);
    const byPostcode = await run(nextPostcode, Math.max(5, Math.round(SECONDS / 2)));

    const light = '/v1/boundaries/collections/icbs/items?limit=1000&precision=4&simplify=200';
    const lightBytes = (await (await fetch(address + light)).arrayBuffer()).byteLength;
    const fullBytes = (await (await fetch(address + '/v1/boundaries/collections/icbs/items?limit=1000')).arrayBuffer()).byteLength;
    const collection = await run(() => light, Math.max(5, Math.round(SECONDS / 2)), 4);

    const out = {
      hardware: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM; shared with other work while measured`,
      import_seconds: imp.seconds,
      rows: imp.rowCounts,
      index_first_request_ms: Math.round(indexMs),
      points_in_some_area: `${Math.round(foundShare * 100)}%`,
      icb_collection_bytes: { full: fullBytes, precision4_simplify200: lightBytes },
      runs: [summary('locate by lat/lon (10 connections)', byPoint), summary('locate by postcode (10 connections)', byPostcode), summary('ICB collection precision=4&simplify=200 (4 connections)', collection)],
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await close?.().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

async function serve() {
  const config = loadConfig(process.env, root);
  const platform = await openPlatform(config, { log: createLogger('warn'), listen: true });
  const app = await buildApp(platform, { rateLimit: 0 });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`listening ${address}`);
  process.once('SIGTERM', () => void app.close().then(() => platform.close()).then(() => process.exit(0)));
}

(process.argv.includes('--serve') ? serve() : main()).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
