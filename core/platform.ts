// The platform as a library: catalogue + plug-ins + database + editions. The server, the worker,
// the CLI and the tests all start from openPlatform().
import type { Knex } from 'knex';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { migrateCore, migrateDataset } from './db/migrate.ts';
import { EditionCache } from './editions.ts';
import { loadPlatformPlugins, loadPlugins, type LoadedDataset, type LoadedPlugin } from './loader.ts';
import { dependencyOrder, readCatalogue, type CatalogueDefinition } from './manifest.ts';
import type { DatasetContext } from './contract.ts';
import { createDatasetContext } from './dataset-context.ts';

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
  dataset(id: string): LoadedDataset | undefined;
  close(): Promise<void>;
}

// Audit software sends patients' postcodes in paths, query strings and bodies: request logs
// carry the matched route pattern only, never the URL, the query or the body.
const serializers = {
  req: (req: { method?: string; id?: string; routeOptions?: { url?: string } }) => ({
    method: req.method,
    route: req.routeOptions?.url ?? '(no matching route)',
    id: req.id,
  }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, serializers }, destination);
}

export async function openPlatform(config: Config, opts: { log?: Logger; listen?: boolean; poolMax?: number } = {}): Promise<Platform> {
  const log = opts.log ?? createLogger(config.logLevel);
  const catalogue = readCatalogue(config.catalogueFile);
  const datasets = await loadPlugins(catalogue, log);
  const plugins = await loadPlatformPlugins(catalogue, log);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, stateDir: config.stateDir, embeddedPort: config.embeddedPort, log, poolMax: opts.poolMax });
  try {
    if (!config.clusterWorker) await migrate(db.knex, config.root, datasets, log);
  } catch (err) {
    await db.close();
    throw err;
  }
  const editions = new EditionCache(db.knex, log);
  if (opts.listen) await editions.listen(db.url);
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
    dataset: (id) => datasets.find((d) => d.id === id),
    close: async () => {
      await editions.close();
      await db.close();
    },
  };
  openServices(platform);
  return platform;
}

/** The core's migrations, then each dataset's; a dataset whose migrations fail is listed as failed. */
async function migrate(knex: Knex, root: string, datasets: LoadedDataset[], log: Logger): Promise<void> {
  await migrateCore(knex, root);
  for (const d of datasets) {
    if (d.loadError) continue;
    try {
      await migrateDataset(knex, d.id, d.dir, d.manifest.tables.map((t) => t.name));
    } catch (err) {
      d.loadError = `migrations failed: ${(err as Error).message}`;
      log.error({ dataset: d.id, err: d.loadError }, 'dataset migrations failed');
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
