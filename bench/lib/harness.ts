// What every benchmark needs: a database and a catalogue of its own (dropped afterwards), the
// platform opened on them, and the real server in a child process on 127.0.0.1 (so that the load
// generator does not share its event loop).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../core/config.ts';
import { openPlatform, createLogger, type Platform } from '../../core/platform.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Bench {
  dataDir: string;
  dbUrl: string;
  work: string;
  catalogueFile: string;
  env: NodeJS.ProcessEnv;
  openPlatform(): Promise<Platform>;
}

export function hardware(): string {
  return `hardware: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; PostgreSQL on the same machine; load average ${loadavg()[0].toFixed(2)}`;
}

/** Runs fn with a fresh database and a catalogue registering `datasets` (and platform `plugins`); cleans up whatever happens. */
export async function withBench(label: string, datasets: string[], fn: (b: Bench) => Promise<void>, plugins: string[] = []): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `bench_${label.replace(/\W/g, '_')}_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const work = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  const catalogueFile = join(work, 'catalogue.yaml');
  writeFileSync(
    catalogueFile,
    `title: Bench\ndatasets:\n${datasets.map((id) => `  - id: ${id}\n    path: ${join(ROOT, 'datasets', id)}\n`).join('')}settings:\n  import_on_start: false\n` +
      (plugins.length ? `plugins:\n${plugins.map((id) => `  - id: ${id}\n    path: ${join(ROOT, 'plugins', id)}\n`).join('')}` : ''),
  );
  const dataDir = resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data');
  const env = { ...process.env, DATABASE_URL: url.toString(), CATALOGUE_DATA_DIR: dataDir, CATALOGUE_FILE: catalogueFile, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  try {
    await fn({
      dataDir,
      dbUrl: url.toString(),
      work,
      catalogueFile,
      env,
      openPlatform: () => openPlatform(loadConfig(env, ROOT), { log: createLogger('warn') }),
    });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) => console.error('drop failed', e.message));
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The real server (buildApp, rate limit off) in a child process; resolves with its address and pid. */
export async function startServer(b: Bench): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server.ts')], { cwd: ROOT, env: b.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`bench server exited (${code})`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
