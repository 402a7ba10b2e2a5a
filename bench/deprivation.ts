// Deprivation benchmark: imports the four national indices and the UK composite (timed together),
// then serves deprivation by postcode on 127.0.0.1 (buildApp in a child process, so the load
// generator does not share the server's event loop) with autocannon: single GET and bulk POST of
// 100, over the real ONSPD sample and supplement postcodes of all four nations.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/deprivation.ts
// BENCH_SECONDS (default 20) sets the length of the single-postcode run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { loadConfig } from '../core/config.ts';
import { openPlatform, createLogger } from '../core/platform.ts';
import { buildApp } from '../core/app.ts';
import { runImport } from '../core/imports/run.ts';

const root = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dataDir = resolve(root, process.env.CATALOGUE_DATA_DIR ?? '../shared/data');
const dbName = `bench_deprivation_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const work = mkdtempSync(join(tmpdir(), 'bench-deprivation-'));
const INDICES = ['imd-england-2019', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite'];
const ALL = ['postcodes', ...INDICES, 'imd-england-2025', 'deprivation'];

const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(dataDir, f)), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true });
const live = [...csv('onspd/ONSPD_sample.csv'), ...csv('onspd/ONSPD_supplement_from_postcodes_io_examples.csv')].filter((r) => !r.doterm && r.lsoa11 && /^[EWSN]92/.test(r.ctry));
// every English, Welsh and NI postcode plus an equal spread of Scottish ones, shuffled deterministically
const picks = [...live.filter((r) => r.ctry[0] !== 'S'), ...live.filter((r) => r.ctry[0] === 'S').filter((_, i) => i % 10 === 0)]
  .map((r, i) => ({ p: r.pcds, k: (i * 7919) % 1009 }))
  .sort((a, b) => a.k - b.k)
  .map((x) => x.p);

/** Child process: the real app on 127.0.0.1, its address on stdout. */
async function serve(databaseUrl: string, catalogueFile: string) {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, CATALOGUE_DATA_DIR: dataDir, CATALOGUE_FILE: catalogueFile, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' }, root);
  const platform = await openPlatform(config, { log: createLogger('warn') });
  const app = await buildApp(platform, { rateLimit: 0 });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`LISTENING ${address}\n`);
  process.once('SIGTERM', () => void app.close().then(() => platform.close()).then(() => process.exit(0)));
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  let close: (() => Promise<void>) | undefined;
  try {
    const catalogueFile = join(work, 'catalogue.yaml');
    writeFileSync(catalogueFile, `title: Bench\ndatasets:\n${ALL.map((id) => `  - id: ${id}\n    path: ${join(root, 'datasets', id)}\n`).join('')}settings:\n  import_on_start: false\n`);
    const config = loadConfig({ ...process.env, DATABASE_URL: dbUrl, CATALOGUE_DATA_DIR: dataDir, CATALOGUE_FILE: catalogueFile, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' }, root);
    const platform = await openPlatform(config, { log: createLogger('warn') });
    await runImport(platform, { datasetId: 'postcodes', trigger: 'cli' });
    const timings: string[] = [];
    const t0 = performance.now();
    for (const id of INDICES) {
      const r = await runImport(platform, { datasetId: id, trigger: 'cli' });
      timings.push(`${id} ${r.seconds.toFixed(1)} s (${Object.entries(r.rowCounts).map(([k, v]) => `${v} ${k}`).join(', ')})`);
    }
    const indexSeconds = (performance.now() - t0) / 1000;
    await runImport(platform, { datasetId: 'imd-england-2025', trigger: 'cli' });
    await runImport(platform, { datasetId: 'deprivation', trigger: 'cli' });

    await platform.close();
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', dbUrl, catalogueFile], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    close = async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    };
    let out = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /LISTENING (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    let k = 0;
    const next = () => picks[k++ % picks.length];
    const single = () => ({ setupRequest: (r: autocannon.Request) => ({ ...r, path: `/v1/deprivation/postcodes/${encodeURIComponent(next())}` }) });
    await autocannon({ url: address, connections: 10, duration: 3, requests: [single()] }); // warm-up
    const one = await autocannon({ url: address, connections: 10, duration: SECONDS, requests: [single()] });
    const bulkRun = (connections: number) =>
      autocannon({
        url: address,
        connections,
        duration: Math.max(5, Math.round(SECONDS / 2)),
        requests: [
          {
            method: 'POST',
            path: '/v1/deprivation/postcodes',
            setupRequest: (r) => ({ ...r, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ postcodes: Array.from({ length: 100 }, next) }) }),
          },
        ],
      });
    const bulk = await bulkRun(4);
    const bulk1 = await bulkRun(1);
    const lines = [
      `server: buildApp in a child process on ${'127.0.0.1'}; autocannon in the parent`,
      `hardware: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (2 cores, shared with other work while measured); PostgreSQL on the same machine`,
      `import of the four national indices and the UK composite, together: ${indexSeconds.toFixed(1)} s`,
      ...timings.map((x) => `  ${x}`),
      `postcodes: ${picks.length} distinct live postcodes of the four nations (ONSPD sample and supplement, ${live.length} live rows in the directory)`,
      `single GET /v1/deprivation/postcodes/:postcode (10 connections, ${SECONDS} s): ${one.requests.average.toFixed(0)} req/s, p50 ${one.latency.p50} ms, p99 ${one.latency.p99} ms, errors ${one.errors}, non-2xx ${one.non2xx}`,
      ...([[bulk, 4], [bulk1, 1]] as const).map(
        ([b, n]) =>
          `bulk POST /v1/deprivation/postcodes, 100 per request (${n} connection${n > 1 ? 's' : ''}, ${Math.max(5, Math.round(SECONDS / 2))} s): ${b.requests.average.toFixed(0)} req/s = ${(b.requests.average * 100).toFixed(0)} postcodes/s, p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms, errors ${b.errors}, non-2xx ${b.non2xx}`,
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await close?.();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3], process.argv[4]);
else await main();
