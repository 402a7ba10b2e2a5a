// The platform as a library: catalogue + plug-ins + database + editions. The server, the worker,
// the CLI and the tests all start from openPlatform().
import type { Knex } from 'knex';
import pino, { type Logger } from 'pino';
import onExit from 'on-exit-leak-free';
import type { Config } from './config.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKnex, openDatabase, type Database } from './db/connection.ts';
import { databaseFault } from './db/faults.ts';
import { migrateCore, migrateDataset } from './db/migrate.ts';
import { EditionCache } from './editions.ts';
import { loadPlatformPlugins, loadPlugins, type LoadedDataset, type LoadedPlugin } from './loader.ts';
import { dependencyOrder, readCatalogue, type CatalogueDefinition } from './manifest.ts';
import type { DatasetContext } from './contract.ts';
import { createDatasetContext } from './dataset-context.ts';
import { redactError } from './redact.ts';

export interface Platform {
  config: Config;
  log: Logger;
  db: Database;
  knex: Knex;
  catalogue: CatalogueDefinition;
  datasets: LoadedDataset[];
  /** Platform plug-ins (API adapters) registered in catalogue.yaml. */
  plugins: LoadedPlugin[];
  editions: EditionCache;
  /** Each loaded dataset's context (what its routes and services see). */
  contexts: Map<string, DatasetContext>;
  /** Each loaded dataset's services (services.ts), for the datasets that declare it in depends_on. */
  services: Map<string, Record<string, unknown>>;
  /** Settles once the database has been reached and migrated (at once unless opened in the background). */
  ready: Promise<void>;
  isReady(): boolean;
  dataset(id: string): LoadedDataset | undefined;
  close(): Promise<void>;
}

// Audit software sends patients' postcodes in paths, query strings and bodies: request logs
// carry the matched route pattern only, never the URL, the query or the body, and errors their
// type, code and stack with every quoted value taken out of the message.
const serializers = {
  err: redactError,
  req: (req: { method?: string; id?: string; routeOptions?: { url?: string } }) => ({
    method: req.method,
    route: req.routeOptions?.url ?? '(no matching route)',
    id: req.id,
  }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

/**
 * The log goes to `destination`, or to stdout in blocks of 4 KB, written a second later at most and
 * flushed when the process exits: a system call per line (pino's default), or a hand-off to libuv's
 * thread pool per block (its asynchronous mode), cost more than everything else a request's log line
 * costs (bench/results/profile.md).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, serializers }, destination ?? bufferedStdout());
}

function bufferedStdout(): pino.DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true, minLength: 4096, periodicFlush: 1000 });
  // pino flushes on exit only the destinations it writes asynchronously
  onExit.register(stdout, (s) => s.flushSync());
  return stdout;
}

export interface OpenOptions {
  log?: Logger;
  /** Follow edition switches of other processes (LISTEN/NOTIFY, with a poll). */
  listen?: boolean;
  poolMax?: number;
  /** How often the edition cache is reloaded besides notifications (default 10 s). */
  editionPollMs?: number;
  /**
   * Return before the database is reached: migrations are retried until the database answers, and
   * `platform.ready` settles then (the server listens meanwhile and answers 503). Default: wait.
   */
  background?: boolean;
}

export async function openPlatform(config: Config, opts: OpenOptions = {}): Promise<Platform> {
  const log = opts.log ?? createLogger(config.logLevel);
  const catalogue = readCatalogue(config.catalogueFile);
  const datasets = await loadPlugins(catalogue, log);
  const plugins = await loadPlatformPlugins(catalogue, log);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    stateDir: config.stateDir,
    embeddedPort: config.embeddedPort,
    log,
    poolMax: opts.poolMax,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const editions = new EditionCache(db.knex, log);
  let ready = false;
  const closing = new AbortController();
  let closed: Promise<void> | undefined;
  // In an HTTP worker of the cluster, the primary has migrated already.
  const migrate = () => (config.clusterWorker ? Promise.resolve() : migrateAll(db.url, config, datasets, log));
  let prepared: Promise<void>;
  try {
    await migrate();
    ready = true;
    prepared = Promise.resolve();
  } catch (err) {
    if (!opts.background || databaseFault(err) !== 'unavailable') {
      await db.close();
      throw err;
    }
    log.warn({ err }, 'database unreachable at start: answering 503 until it can be reached');
    prepared = untilReachable(migrate, log, closing.signal).then(() => {
      ready = true;
      log.info('database reached and migrated');
    });
    prepared.catch(() => undefined); // observed through platform.ready
  }
  if (opts.listen) await editions.listen(db.url, opts.editionPollMs);
  const platform: Platform = {
    config,
    log,
    db,
    knex: db.knex,
    catalogue,
    datasets,
    plugins,
    editions,
    contexts: new Map(),
    services: new Map(),
    ready: prepared,
    isReady: () => ready,
    dataset: (id) => datasets.find((d) => d.id === id),
    close: () =>
      (closed ??= (async () => {
        closing.abort();
        await editions.close();
        await prepared.catch(() => undefined);
        await db.close();
      })()),
  };
  openServices(platform);
  return platform;
}

/**
 * The core's and every dataset's migrations, on a connection of their own without the serving
 * pool's statement timeout (converting a table to partitions may take a while). A dataset whose
 * migrations fail is marked failed; a database that cannot be reached fails the whole step.
 */
async function migrateAll(url: string, config: Config, datasets: LoadedDataset[], log: Logger): Promise<void> {
  const knex = createKnex(url, { poolMax: 2, log });
  try {
    await migrateCore(knex, config.root);
    for (const d of datasets) {
      if (d.loadError) continue;
      try {
        await migrateDataset(knex, d.id, d.dir, d.manifest.tables.map((t) => t.name));
      } catch (err) {
        if (databaseFault(err) === 'unavailable') throw err;
        d.loadError = `migrations failed: ${(err as Error).message}`;
        log.error({ dataset: d.id, err: d.loadError }, 'dataset migrations failed');
      }
    }
  } finally {
    await knex.destroy();
  }
}

/** Runs `step` again until it succeeds or fails for another reason than an unreachable database (after 1 s, doubling to 15 s). */
async function untilReachable(step: () => Promise<void>, log: Logger, signal: AbortSignal): Promise<void> {
  for (let wait = 1000; ; wait = Math.min(wait * 2, 15_000)) {
    await sleep(wait, undefined, { signal });
    try {
      return await step();
    } catch (err) {
      if (databaseFault(err) !== 'unavailable') throw err;
      log.warn({ err, retry_in_ms: wait }, 'database still unreachable');
    }
  }
}

/** Contexts and services of every loaded dataset, dependencies first; a failing services.ts marks its dataset failed. */
function openServices(platform: Platform): void {
  for (const d of dependencyOrder(platform.datasets)) {
    if (d.loadError) continue;
    const ds = createDatasetContext(platform, d);
    platform.contexts.set(d.id, ds);
    try {
      if (d.services) platform.services.set(d.id, d.services(ds));
    } catch (err) {
      d.loadError = `services failed: ${(err as Error).message}`;
      platform.log.error({ dataset: d.id, err: d.loadError }, 'dataset services failed to load');
    }
  }
}
