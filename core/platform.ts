// The platform as a library: catalogue + plug-ins + database + editions. The server, the worker,
// the CLI and the tests all start from openPlatform().
import type { Knex } from 'knex';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { migrateCore, migrateDataset } from './db/migrate.ts';
import { EditionCache } from './editions.ts';
import { loadPlugins, type LoadedDataset } from './loader.ts';
import { readCatalogue, type CatalogueDefinition } from './manifest.ts';

export interface Platform {
  config: Config;
  log: Logger;
  db: Database;
  knex: Knex;
  catalogue: CatalogueDefinition;
  datasets: LoadedDataset[];
  editions: EditionCache;
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
  const db = await openDatabase({ databaseUrl: config.databaseUrl, stateDir: config.stateDir, embeddedPort: config.embeddedPort, log, poolMax: opts.poolMax });
  try {
    await migrateCore(db.knex, config.root);
    for (const d of datasets) {
      if (d.loadError) continue;
      try {
        await migrateDataset(db.knex, d.id, d.dir, d.manifest.tables.map((t) => t.name));
      } catch (err) {
        d.loadError = `migrations failed: ${(err as Error).message}`;
        log.error({ dataset: d.id, err: d.loadError }, 'dataset migrations failed');
      }
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  const editions = new EditionCache(db.knex, log);
  if (opts.listen) await editions.listen(db.url);
  return {
    config,
    log,
    db,
    knex: db.knex,
    catalogue,
    datasets,
    editions,
    dataset: (id) => datasets.find((d) => d.id === id),
    close: async () => {
      await editions.close();
      await db.close();
    },
  };
}
