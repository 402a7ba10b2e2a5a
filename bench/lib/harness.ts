// What every benchmark needs: a database and a catalogue of its own (dropped afterwards), the
// platform opened on them, and the real server in a child process on 127.0.0.1 (so that the load
// generator does not share its event loop).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './root.ts';
import { wrk, type WrkLoad, type WrkResult } from './wrk.ts';
import pg from 'pg';
import { loadConfig } from '../../core/config.ts';
import { openPlatform, createLogger, type Platform } from '../../core/platform.ts';

export { ROOT };

export interface Bench {
  dataDir: string;
  dbUrl: string;
  work: string;
  catalogueFile: string;
  env: NodeJS.ProcessEnv;
  openPlatform(): Promise<Platform>;
  /** The same catalogue with the dataset folders of another checkout (a side-by-side run); its environment. */
  envFor(root: string): NodeJS.ProcessEnv;
  /**
   * A database of another checkout's own, every dataset imported by that checkout's CLI (for a
   * checkout whose migrations differ from this one's, e.g. an older commit); its environment.
   */
  ownDatabase(root: string): Promise<NodeJS.ProcessEnv>;
}

/** BENCH_BASE_OWN_DATABASE=1: the BENCH_BASE checkout gets a database of its own (ownDatabase). */
export async function baseEnv(b: Bench, root: string | undefined): Promise<NodeJS.ProcessEnv> {
  if (!root || process.env.BENCH_BASE_OWN_DATABASE !== '1') return {};
  const { DATABASE_URL, CATALOGUE_FILE } = await b.ownDatabase(root);
  return { DATABASE_URL, CATALOGUE_FILE };
}

/** A process's resident set size, MB (0 once it has gone). */
export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** wrk against a server with the server's RSS sampled every 250 ms meanwhile. */
export async function wrkSampled(server: Pick<Server, 'url' | 'pid'>, load: WrkLoad, options: { connections: number; seconds: number }): Promise<{ result: WrkResult; rss: number[] }> {
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMb(server.pid)), 250);
  try {
    return { result: await wrk(server.url, load, options), rss };
  } finally {
    clearInterval(sampler);
  }
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
  const catalogueOf = (root: string) =>
    `title: Bench\ndatasets:\n${datasets.map((id) => `  - id: ${id}\n    path: ${join(root, 'datasets', id)}\n`).join('')}settings:\n  import_on_start: false\n` +
    (plugins.length ? `plugins:\n${plugins.map((id) => `  - id: ${id}\n    path: ${join(root, 'plugins', id)}\n`).join('')}` : '');
  writeFileSync(catalogueFile, catalogueOf(ROOT));
  const dataDir = resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data');
  const env = { ...process.env, DATABASE_URL: url.toString(), CATALOGUE_DATA_DIR: dataDir, CATALOGUE_FILE: catalogueFile, LOG_LEVEL: 'warn', CATALOGUE_DOWNLOADS: 'off' };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const databases = [dbName];
  try {
    await fn({
      dataDir,
      dbUrl: url.toString(),
      work,
      catalogueFile,
      env,
      openPlatform: () => openPlatform(loadConfig(env, ROOT), { log: createLogger('warn') }),
      envFor(root) {
        if (resolve(root) === ROOT) return env;
        const file = join(work, `catalogue-${createHash('sha1').update(root).digest('hex').slice(0, 8)}.yaml`);
        writeFileSync(file, catalogueOf(resolve(root)));
        return { ...env, CATALOGUE_FILE: file };
      },
      async ownDatabase(root) {
        const name = `${dbName}_${databases.length}`;
        await admin.query(`CREATE DATABASE ${name}`);
        databases.push(name);
        const own = new URL(adminUrl);
        own.pathname = `/${name}`;
        const ownEnv = { ...this.envFor(root), DATABASE_URL: own.toString() };
        const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'core/bin/catalogue.ts'), 'import', '--all'], { cwd: root, env: ownEnv, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        for (const s of [child.stdout, child.stderr]) s.on('data', (d: Buffer) => (output += d));
        const [code] = await once(child, 'exit');
        if (code !== 0) throw new Error(`${root}: import --all failed (${code}):\n${output.slice(-4000)}`);
        return ownEnv;
      },
    });
  } finally {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e) => console.error('drop failed', e.message));
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

export interface Server {
  url: string;
  pid: number;
  /** CPU time of the server process so far (user + system, all its threads), in microseconds. */
  cpuMicros(): Promise<number>;
  /** The server's process.memoryUsage() (RSS, V8 heap, memory outside it). */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** Starts a CPU profile (sampling every `intervalUs`); profileStop writes it to `file`. */
  profileStart(intervalUs?: number): void;
  profileStop(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The checkout whose app is served (default: this one). */
  root?: string;
  /** The hello-world ceiling instead of the app. */
  hello?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Node options instead of npm start's (startFlags), e.g. another heap growth. */
  nodeFlags?: string[];
  /** The server's standard output (its log, and V8's --trace-gc lines) goes to this file instead of /dev/null. */
  stdoutFile?: string;
}

/** The Node options `npm start` gives the server in a checkout (its package.json), e.g. the heap's growth. */
export function startFlags(root: string): string[] {
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return start.split(/\s+/).filter((w) => /^--[a-z-]+=/.test(w));
}

/** The real server (buildApp, rate limit off, npm start's Node options) in a child process, or the hello world; resolves once it listens. */
export async function startServer(b: Pick<Bench, 'env'> & Partial<Pick<Bench, 'envFor'>>, options: ServerOptions = {}): Promise<Server> {
  const script = join(import.meta.dirname, options.hello ? 'hello.ts' : 'server.ts');
  const base = options.root && b.envFor ? b.envFor(options.root) : b.env;
  const env = { ...base, ...options.env, ...(options.root ? { BENCH_APP_ROOT: options.root } : {}) };
  // stdout (the app's log, LOG_LEVEL) goes to /dev/null: what logging costs is the app's, not a pipe's
  const flags = options.hello ? [] : (options.nodeFlags ?? startFlags(options.root ?? ROOT));
  const stdout = options.stdoutFile ? openSync(options.stdoutFile, 'w') : 'ignore';
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], { cwd: options.root ?? ROOT, env, stdio: ['ignore', stdout, 'inherit', 'ipc'] });
  if (typeof stdout === 'number') closeSync(stdout);
  const next = <K extends string>(key: K) =>
    new Promise<Record<K, unknown>>((done, fail) => {
      const onMessage = (m: Record<string, unknown>) => {
        if ('error' in m) fail(new Error(`bench server: ${String(m.error)}`));
        else if (key in m) done(m as Record<K, unknown>);
        else return;
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onExit = (code: number | null) => fail(new Error(`bench server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { listening } = await next('listening');
  return {
    url: String(listening),
    pid: child.pid!,
    async cpuMicros() {
      const reply = next('cpu');
      child.send({ cmd: 'cpu' });
      const { cpu } = (await reply) as { cpu: { user: number; system: number } };
      return cpu.user + cpu.system;
    },
    async memory() {
      const reply = next('memory');
      child.send({ cmd: 'memory' });
      return ((await reply) as { memory: NodeJS.MemoryUsage }).memory;
    },
    profileStart(intervalUs) {
      child.send({ cmd: 'profile-start', intervalUs });
    },
    async profileStop(file) {
      const reply = next('profiled');
      child.send({ cmd: 'profile-stop', file });
      await reply;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
