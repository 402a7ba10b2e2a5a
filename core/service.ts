// The running service: platform + HTTP server + optional in-process worker + first imports.
import type { FastifyInstance } from 'fastify';
import type { Runner } from 'graphile-worker';
import type { Config } from './config.ts';
import { buildApp } from './app.ts';
import { dependencyOrder } from './manifest.ts';
import { openPlatform, type Platform } from './platform.ts';
import { queueFirstImports, startWorker } from './worker.ts';

export interface Service {
  platform: Platform;
  app: FastifyInstance;
  url: string;
  /** Settles once the database is migrated and the worker (if inline) has started. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startService(config: Config): Promise<Service> {
  const started = Date.now();
  // The server listens before the database answers (503 until it does: see /health/ready); the
  // worker and the first imports start once it has been reached and migrated.
  const platform = await openPlatform(config, { listen: true, background: true });
  const app = await buildApp(platform);
  const address = await app.listen({ host: config.host, port: config.port });
  const log = platform.log;
  log.info({ api: `${address}/catalogue`, docs: `${address}/docs`, openapi: `${address}/openapi.json`, database: platform.db.embedded ? 'embedded' : 'DATABASE_URL', ms: Date.now() - started }, `catalogue listening on ${address} (documentation at ${address}/docs)`);
  let worker: Runner | undefined;
  let stopping = false;
  const background = platform.ready.then(async () => {
    if (config.worker !== 'inline' || stopping) return;
    worker = await startWorker(platform);
    if (config.importOnStart && platform.catalogue.info.settings?.import_on_start !== false) {
      const queued = await queueFirstImports(platform, dependencyOrder(platform.datasets).map((d) => d.id));
      if (queued.length) log.info({ queued }, 'queued first imports of datasets found in CATALOGUE_DATA_DIR');
    }
  });
  background.catch((err) => {
    if (stopping) return;
    log.fatal({ err }, 'the service could not prepare its database');
    process.exitCode = 1;
  });
  return {
    platform,
    app,
    url: address,
    ready: background,
    stop: async () => {
      stopping = true;
      await closeGracefully(app);
      // Not ready yet: closing the platform ends its wait for the database, and so the background start.
      if (!platform.isReady()) await platform.close();
      await background.catch(() => undefined);
      await worker?.stop();
      await platform.close();
    },
  };
}

/**
 * Stops taking connections and lets the requests in flight finish; a kept-alive connection is
 * closed as soon as it falls idle (Fastify closes only those idle when closing starts), and any
 * still open after `graceMs` is cut.
 */
export async function closeGracefully(app: FastifyInstance, graceMs = 25_000): Promise<void> {
  const started = Date.now();
  const timer = setInterval(() => (Date.now() - started > graceMs ? app.server.closeAllConnections() : app.server.closeIdleConnections()), 100);
  try {
    await app.close();
  } finally {
    clearInterval(timer);
  }
}
