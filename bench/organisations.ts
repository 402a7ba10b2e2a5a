// Organisations benchmark: imports the real curated lists into a database created for the run, starts
// the real server (buildApp, no rate limit) in its own process on 127.0.0.1, then autocannon:
// the whole nested organisation list, the drop-down list, one organisation, nearest by lat/long.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/organisations.ts
// BENCH_SECONDS (default 15) sets the length of each run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../core/config.ts';
import { openPlatform, createLogger } from '../core/platform.ts';
import { buildApp } from '../core/app.ts';
import { runImport } from '../core/imports/run.ts';

const root = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dataDir = resolve(root, process.env.CATALOGUE_DATA_DIR ?? '../shared/data');
const dbName = `bench_organisations_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'bench-organisations-'));
  const catalogueFile = join(work, 'catalogue.yaml');
  writeFileSync(
    catalogueFile,
    `title: Bench\ndatasets:\n  - id: postcodes\n    path: ${join(root, 'datasets/postcodes')}\n  - id: organisations\n    path: ${join(root, 'datasets/organisations')}\nsettings:\n  import_on_start: false\n`,
  );
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  let close: (() => Promise<void>) | undefined;
  try {
    const env = { ...process.env, DATABASE_URL: dbUrl, CATALOGUE_DATA_DIR: dataDir, CATALOGUE_FILE: catalogueFile, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' };
    const platform = await openPlatform(loadConfig(env, root), { log: createLogger('warn') });
    const t0 = performance.now();
    const imported = await runImport(platform, { datasetId: 'organisations', trigger: 'cli' });
    const importSeconds = (performance.now() - t0) / 1000;
    await platform.close();

    const server = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], { cwd: root, env: { ...env, BENCH_ROLE: 'server' }, stdio: ['ignore', 'pipe', 'inherit'] });
    const address = await new Promise<string>((done, fail) => {
      server.stdout.on('data', (d: Buffer) => {
        const m = /listening (\S+)/.exec(String(d));
        if (m) done(m[1]);
      });
      server.on('exit', (code) => fail(new Error(`server exited (${code})`)));
    });
    close = async () => {
      server.kill('SIGINT');
      await once(server, 'exit');
    };
    const run = async (title: string, path: () => string, headers: Record<string, string> = {}) => {
      await autocannon({ url: address, connections: 10, duration: 2, requests: [{ setupRequest: (r) => ({ ...r, path: path(), headers }) }] });
      const r = await autocannon({ url: address, connections: 10, duration: SECONDS, requests: [{ setupRequest: (r) => ({ ...r, path: path(), headers }) }] });
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
      `hardware: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (2 cores, shared with other work while measured); PostgreSQL on the same machine; load average before ${loadavg()[0].toFixed(2)}`,
      `import of the real lists: ${importSeconds.toFixed(2)} s (${Object.entries(imported.rowCounts).map(([t, n]) => `${t} ${n}`).join(', ')})`,
      await run('GET /v1/organisations/organisations?limit=1000 (all, nested, brotli)', () => '/v1/organisations/organisations?limit=1000', { 'accept-encoding': 'br, gzip' }),
      await run('GET /v1/organisations/organisations?limit=1000 (all, nested, gzip)', () => '/v1/organisations/organisations?limit=1000', { 'accept-encoding': 'gzip' }),
      await run('GET /v1/organisations/organisations?limit=1000 (all, nested, identity: 366 kB a response)', () => '/v1/organisations/organisations?limit=1000'),
      await run('GET /v1/organisations/organisations/limited', () => '/v1/organisations/organisations/limited', { 'accept-encoding': 'gzip' }),
      await run('GET /v1/organisations/organisations/:code', () => `/v1/organisations/organisations/${codes[k++ % codes.length]}`),
      await run('GET /v1/organisations/nearest?lat&long&limit=5 (a different point each request)', point),
      `load average after ${loadavg()[0].toFixed(2)}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await close?.().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => console.error('drop failed', e.message));
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

/** BENCH_ROLE=server: the real app on 127.0.0.1. */
async function serve() {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' }, root);
  const platform = await openPlatform(config, { log: createLogger('warn') });
  const app = await buildApp(platform, { rateLimit: 0 });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`listening ${address}`);
  process.on('SIGINT', async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  });
}
if (process.env.BENCH_ROLE === 'server') await serve();
else await main();
