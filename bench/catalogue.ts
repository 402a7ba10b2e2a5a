// Cold start to first 200 on /catalogue with the embedded database (first run: a new data folder;
// later run: the same folder), GET /catalogue throughput (autocannon, 10 s), server RSS after start.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { rssMb } from './lib/harness.ts';

const root = join(import.meta.dirname, '..');
const state = mkdtempSync(join(tmpdir(), 'bench-catalogue-'));
chmodSync(state, 0o755);
const port = 3900 + (process.pid % 50);
const url = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, CATALOGUE_STATE_DIR: state, PORT: String(port), EMBEDDED_PG_PORT: String(56000 + (process.pid % 500)), RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', CATALOGUE_IMPORT_ON_START: 'false' };
delete env.DATABASE_URL;

async function start(): Promise<{ child: ChildProcess; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'core/bin/server.ts')], { cwd: root, env, stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`${url}/catalogue`)).status === 200) return { child, ms: performance.now() - t0 };
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error('server exited during start');
    await sleep(20);
  }
}

const stop = (child: ChildProcess) => new Promise((done) => (child.kill('SIGINT'), child.on('exit', done)));

const first = await start();
const rss = rssMb(first.child.pid!);
const load = await autocannon({ url: `${url}/catalogue`, connections: 20, duration: 10 });
await stop(first.child);
const later = await start();
await stop(later.child);
rmSync(state, { recursive: true, force: true });

console.log(`hardware: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`cold start to first 200 on /catalogue, new embedded database: ${first.ms.toFixed(0)} ms`);
console.log(`cold start to first 200 on /catalogue, existing embedded database: ${later.ms.toFixed(0)} ms`);
console.log(`server RSS after start: ${rss.toFixed(0)} MB`);
console.log(`GET /catalogue: ${load.requests.average.toFixed(0)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, errors ${load.errors}, non-2xx ${load.non2xx}`);
