// Postcodes benchmark: import of a synthetic ONSPD-shaped file of 2.7 million rows (written to a
// temp folder from the real sample's shape, never committed) in a child process (end-to-end rate,
// peak RSS), then lookups on 127.0.0.1 with autocannon: single GET (30 s) and bulk POST of 100.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/postcodes.ts
// BENCH_ROWS (default 2700000) and BENCH_SECONDS (default 30) shorten a trial run.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { toNormalised } from 'postcode';
import { hardware, ROOT, startServer, withBench, type Bench } from './lib/harness.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_700_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const DATA_DIR = resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data');

// ---- 1. a synthetic ONSPD file shaped like the real sample ------------------------------------
const sampleText = readFileSync(join(DATA_DIR, 'onspd/ONSPD_sample.csv'), 'utf8').trim().split('\n');
const header = sampleText[0];
const cols = header.split(',');
const at = (name: string) => cols.indexOf(name);
const [iPcd7, iPcd8, iPcds, iLat, iLong, iEast, iNorth] = ['pcd7', 'pcd8', 'pcds', 'lat', 'long', 'oseast1m', 'osnrth1m'].map(at);
const templates = sampleText.slice(1).map((l) => l.split(','));
const AREAS = ['ZA', 'ZB', 'ZC', 'ZD', 'ZF', 'ZG', 'ZH', 'ZK', 'ZL', 'ZM']; // not UK postcode areas: obviously synthetic
const UNIT = 'ABDEFGHJLNPQRSTUWXYZ';

function* postcodes(): Generator<[string, string, string]> {
  for (const area of AREAS)
    for (let d = 1; d <= 99; d++)
      for (let s = 0; s <= 9; s++)
        for (const a of UNIT)
          for (const b of UNIT) {
            const out = `${area}${d}`;
            yield [`${out.padEnd(4, ' ')}${s}${a}${b}`, `${out.padEnd(5, ' ')}${s}${a}${b}`, `${out} ${s}${a}${b}`];
          }
}

async function generate(file: string): Promise<string[]> {
  const out = createWriteStream(file);
  const picks: string[] = [];
  let buf = header + '\n';
  let n = 0;
  for (const [p7, p8, ps] of postcodes()) {
    if (n >= ROWS) break;
    const row = templates[n % templates.length].slice();
    row[iPcd7] = p7;
    row[iPcd8] = p8;
    row[iPcds] = ps;
    if (row[iLat] !== '99.999999') {
      row[iLat] = (50 + ((n * 7919) % 100000) / 10000).toFixed(6);
      row[iLong] = (-5 + ((n * 104729) % 70000) / 10000).toFixed(6);
      row[iEast] = String(100000 + (n % 500000));
      row[iNorth] = String(100000 + ((n * 31) % 800000));
    }
    buf += row.join(',') + '\n';
    if (n % 997 === 0 && picks.length < 20000) picks.push(ps);
    n++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  if (n < ROWS) throw new Error(`only ${n} synthetic postcodes available`);
  for (const p of picks.slice(0, 50)) if (toNormalised(p) !== p) throw new Error(`synthetic postcode ${p} is not valid`);
  return picks;
}

// ---- 2. import in a child process: wall time and peak RSS --------------------------------------
async function importChild(file: string, b: Bench): Promise<{ seconds: number; peakMb: number; cpuSeconds: number; output: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'core/bin/catalogue.ts'), 'import', 'postcodes', '--source', `onspd=${file}`], {
    cwd: ROOT,
    env: { ...b.env, LOG_LEVEL: 'info' }, // the importer logs when its rows are read and sent
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peakKb = 0;
  let cpuTicks = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      cpuTicks = Number(stat[11]) + Number(stat[12]); // utime + stime (fields 14, 15), clock ticks
    } catch {
      /* exited */
    }
  }, 100);
  const [code] = await once(child, 'exit');
  clearInterval(poll);
  if (code !== 0) throw new Error(`import failed (${code}):\n${output}`);
  return { seconds: (performance.now() - t0) / 1000, peakMb: peakKb / 1024, cpuSeconds: cpuTicks / 100, output };
}

// ---- 3. lookups ------------------------------------------------------------------------------
await withBench('postcodes', ['postcodes'], async (b) => {
  let close: (() => Promise<void>) | undefined;
  try {
    const file = join(b.work, 'ONSPD_SYNTHETIC_UK.csv');
    const t = performance.now();
    const picks = await generate(file);
    const genSeconds = (performance.now() - t) / 1000;
    const loadBefore = loadavg()[0].toFixed(2);
    const imp = await importChild(file, b);
    const inner = /imported in ([\d.]+) s/.exec(imp.output)?.[1];
    const sent = /"seconds":([\d.]+),"msg":"postcode rows read and sent"/.exec(imp.output)?.[1];

    const server = await startServer(b);
    close = server.stop;
    let k = 0;
    const next = () => picks[k++ % picks.length];
    // warm up
    await autocannon({ url: server.url, connections: 10, duration: 3, requests: [{ setupRequest: (r) => ({ ...r, path: `/v1/postcodes/postcodes/${encodeURIComponent(next())}` }) }] });
    const single = await autocannon({
      url: server.url,
      connections: 10,
      duration: SECONDS,
      requests: [{ setupRequest: (r) => ({ ...r, path: `/v1/postcodes/postcodes/${encodeURIComponent(next())}` }) }],
    });
    const bulk = await autocannon({
      url: server.url,
      connections: 4,
      duration: Math.max(5, Math.round(SECONDS / 2)),
      requests: [
        {
          method: 'POST',
          path: '/v1/postcodes/lookup',
          setupRequest: (r) => ({ ...r, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ postcodes: Array.from({ length: 100 }, next) }) }),
        },
      ],
    });
    const lines = [
      hardware(),
      `synthetic ONSPD file: ${ROWS.toLocaleString('en-GB')} rows (${cols.length} columns) generated in ${genSeconds.toFixed(1)} s`,
      `import (child process, end to end incl. start-up and name tables): ${imp.seconds.toFixed(1)} s = ${Math.round(ROWS / imp.seconds).toLocaleString('en-GB')} rows/s` +
        (inner ? `; inside runImport ${inner} s = ${Math.round(ROWS / Number(inner)).toLocaleString('en-GB')} rows/s` : '') +
        (sent ? ` (rows read and sent by ${sent} s; the rest is index builds, names, switch)` : ''),
      `import peak RSS: ${imp.peakMb.toFixed(0)} MB; CPU time of the import process ${imp.cpuSeconds.toFixed(1)} s (${Math.round(ROWS / imp.cpuSeconds).toLocaleString('en-GB')} rows per CPU-second); load average before/after ${loadBefore} / ${loadavg()[0].toFixed(2)}`,
      `GET /v1/postcodes/postcodes/:postcode (${SECONDS} s, 10 connections): ${single.requests.average.toFixed(0)} req/s, p50 ${single.latency.p50} ms, p99 ${single.latency.p99} ms, errors ${single.errors}, non-2xx ${single.non2xx}`,
      `POST /v1/postcodes/lookup, 100 postcodes (${Math.max(5, Math.round(SECONDS / 2))} s, 4 connections): ${bulk.requests.average.toFixed(0)} req/s (${(bulk.requests.average * 100).toFixed(0)} postcodes/s), p50 ${bulk.latency.p50} ms, p99 ${bulk.latency.p99} ms, errors ${bulk.errors}, non-2xx ${bulk.non2xx}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await close?.();
  }
});
