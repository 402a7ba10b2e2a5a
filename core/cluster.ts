// Every core by default (WEB_CONCURRENCY HTTP worker processes sharing the port). The primary
// process holds what must exist once: the embedded PostgreSQL, the migrations, the graphile-worker
// runner and the first imports. Each HTTP worker follows edition switches with its own LISTEN, and
// the primary also tells them over IPC (and waits for them) before an import run reads succeeded.
import cluster, { type Worker } from 'node:cluster';
import type { Runner } from 'graphile-worker';
import type { Config } from './config.ts';
import { dependencyOrder } from './manifest.ts';
import { openPlatform, type Platform } from './platform.ts';
import { startService, type Service } from './service.ts';
import { queueFirstImports, startWorker } from './worker.ts';

const REFRESH = 'catalogue:refresh-editions';
const REFRESHED = 'catalogue:editions-refreshed';

export interface Primary {
  platform: Platform;
  url: Promise<string>;
  workers(): Worker[];
  stop(): Promise<void>;
}

/** The primary: database, runner and first imports here; `count` HTTP workers forked and kept alive. */
export async function startPrimary(config: Config, count: number): Promise<Primary> {
  const platform = await openPlatform(config);
  const log = platform.log;
  let stopping = false;
  let runner: Runner | undefined;
  const env = { DATABASE_URL: platform.db.url, CATALOGUE_WORKER: 'off', CATALOGUE_IMPORT_ON_START: 'false', CATALOGUE_CLUSTER_WORKER: '1' };
  const fork = () => {
    const w = cluster.fork(env);
    log.info({ worker: w.id, pid: w.process.pid }, 'HTTP worker started');
    return w;
  };
  const crashes: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    crashes.push(Date.now());
    while (crashes.length && crashes[0] < Date.now() - 60_000) crashes.shift();
    log.error({ worker: worker.id, pid: worker.process.pid, code, signal }, 'HTTP worker exited; starting another');
    // A worker that dies at once, over and over, is not restarted faster than once a second.
    setTimeout(fork, crashes.length > 5 ? 1000 : 0).unref();
  });
  const url = new Promise<string>((done) =>
    cluster.once('listening', (_w, address) => done(`http://${address.address ?? config.host}:${address.port}`)),
  );
  for (let i = 0; i < count; i++) fork();

  // An import finished here is served by every worker before its run says succeeded.
  const refresh = platform.editions.refresh.bind(platform.editions);
  platform.editions.refresh = async () => {
    await refresh();
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => (w ? askRefresh(w) : undefined)));
  };
  if (config.worker === 'inline') {
    runner = await startWorker(platform);
    if (config.importOnStart && platform.catalogue.info.settings?.import_on_start !== false) {
      const queued = await queueFirstImports(platform, dependencyOrder(platform.datasets).map((d) => d.id));
      if (queued.length) log.info({ queued }, 'queued first imports of datasets found in CATALOGUE_DATA_DIR');
    }
  }
  void url.then((u) => log.info({ workers: count, database: platform.db.embedded ? 'embedded' : 'DATABASE_URL' }, `catalogue listening on ${u} with ${count} HTTP workers (documentation at ${u}/docs)`));
  return {
    platform,
    url,
    workers: () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w)),
    async stop() {
      stopping = true;
      await Promise.all(Object.values(cluster.workers ?? {}).map((w) => (w ? stopWorker(w) : undefined)));
      await runner?.stop();
      await platform.close();
    },
  };
}

function askRefresh(worker: Worker): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, 2000);
    function finish() {
      clearTimeout(timer);
      worker.off('message', onMessage);
      done();
    }
    function onMessage(m: unknown) {
      if (m === REFRESHED) finish();
    }
    worker.on('message', onMessage);
    if (!worker.isConnected()) return finish();
    worker.send(REFRESH, (err: Error | null) => err && finish());
  });
}

/** SIGTERM (the worker lets requests in flight finish, for up to 25 s: closeGracefully), SIGKILL after 35 s. */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise((done) => {
    if (worker.isDead()) return done();
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), 35_000);
    worker.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    worker.process.kill('SIGTERM');
  });
}

/** An HTTP worker: the API with no runner of its own, refreshing editions when the primary asks. */
export async function startClusterWorker(config: Config): Promise<Service> {
  const service = await startService(config);
  process.on('message', (m) => {
    if (m === REFRESH) void service.platform.editions.refresh().catch(() => undefined).finally(() => process.send?.(REFRESHED));
  });
  // The primary is gone (killed): this worker must not outlive it.
  process.on('disconnect', () => void service.stop().finally(() => process.exit(0)));
  return service;
}
