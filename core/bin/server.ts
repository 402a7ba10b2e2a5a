// npm start: the API on every core (WEB_CONCURRENCY HTTP workers; 1: a single process), with one
// graphile-worker runner unless CATALOGUE_WORKER=off.
import cluster from 'node:cluster';
import { loadConfig } from '../config.ts';
import { startService } from '../service.ts';
import { startClusterWorker, startPrimary } from '../cluster.ts';

const config = loadConfig();
const fail = (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
};
const running = await (cluster.isWorker
  ? startClusterWorker(config)
  : config.webConcurrency > 1
    ? startPrimary(config, config.webConcurrency)
    : startService(config)
).catch(fail);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running!.stop().then(() => process.exit(0), fail));
