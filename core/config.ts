// Every setting comes from the environment; README "Configuration" lists them.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  root: string;
  catalogueFile: string;
  databaseUrl?: string;
  stateDir: string;
  dataDir?: string;
  host: string;
  port: number;
  adminToken?: string;
  logLevel: string;
  worker: 'inline' | 'off';
  importOnStart: boolean;
  allowDownloads: boolean;
  trustProxy: boolean;
  rateLimit: number;
  embeddedPort: number;
  /** HTTP worker processes of `npm start` (1: one process, no cluster). */
  webConcurrency: number;
  /** Set by the primary in the HTTP workers it forks: the primary has run the migrations. */
  clusterWorker: boolean;
  /** Base of the absolute URLs the catalogue advertises (scheme, host, optional path); unset: see publicBaseUrl(). */
  publicBaseUrl?: string;
  /** PostgreSQL statement_timeout of the API's queries, in ms (0: none). */
  statementTimeoutMs: number;
  /** How often a running import says it is alive; a run silent for 6 beats is failed. */
  importHeartbeatMs: number;
  /** Bytes of answers each HTTP process keeps in memory until the next edition switch (0: none). */
  answerCacheBytes: number;
}

function baseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_BASE_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) throw new Error(`PUBLIC_BASE_URL must be an http(s) URL without query or fragment, got "${value}"`);
  return url.toString().replace(/\/+$/, '');
}

function milliseconds(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of milliseconds, got "${value}"`);
  return n;
}

function megabytes(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1 << 20) throw new Error(`${name} must be a number of megabytes from 0, got "${value}"`);
  return Math.round(n * 2 ** 20);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000);
  const webConcurrency = env.WEB_CONCURRENCY ? Number(env.WEB_CONCURRENCY) : availableParallelism();
  if (!Number.isInteger(webConcurrency) || webConcurrency < 1 || webConcurrency > 256) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 256, got "${env.WEB_CONCURRENCY}"`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    root,
    catalogueFile: resolve(root, env.CATALOGUE_FILE ?? 'catalogue.yaml'),
    databaseUrl: env.DATABASE_URL || undefined,
    stateDir: resolve(root, env.CATALOGUE_STATE_DIR ?? '.data'),
    dataDir: env.CATALOGUE_DATA_DIR ? resolve(root, env.CATALOGUE_DATA_DIR) : undefined,
    host: env.HOST ?? '127.0.0.1',
    port,
    adminToken: env.CATALOGUE_ADMIN_TOKEN || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    worker: env.CATALOGUE_WORKER === 'off' ? 'off' : 'inline',
    importOnStart: env.CATALOGUE_IMPORT_ON_START !== 'false',
    allowDownloads: env.CATALOGUE_DOWNLOADS !== 'off',
    trustProxy: env.TRUST_PROXY === 'true',
    rateLimit: Number(env.RATE_LIMIT_PER_MINUTE ?? 6000),
    embeddedPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    webConcurrency,
    clusterWorker: env.CATALOGUE_CLUSTER_WORKER === '1',
    publicBaseUrl: baseUrl(env.PUBLIC_BASE_URL),
    statementTimeoutMs: milliseconds('STATEMENT_TIMEOUT_MS', env.STATEMENT_TIMEOUT_MS, 10_000),
    importHeartbeatMs: Math.max(100, milliseconds('IMPORT_HEARTBEAT_MS', env.IMPORT_HEARTBEAT_MS, 10_000)),
    answerCacheBytes: megabytes('ANSWER_CACHE_MB', env.ANSWER_CACHE_MB, 64),
  };
}
