// npm run worker: import jobs and scheduled refreshes, as a separate process (scale out: run N).
import { loadConfig } from '../config.ts';
import { openPlatform } from '../platform.ts';
import { queueFirstImports, startWorker } from '../worker.ts';
import { dependencyOrder } from '../manifest.ts';

const platform = await openPlatform(loadConfig(), { listen: true });
const runner = await startWorker(platform, Number(process.env.WORKER_CONCURRENCY ?? 1));
platform.log.info('worker started: waiting for import jobs and scheduled refreshes');
// With API replicas running CATALOGUE_WORKER=off, the worker queues the first imports.
if (platform.config.importOnStart) await queueFirstImports(platform, dependencyOrder(platform.datasets).map((d) => d.id));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void runner.stop().then(() => platform.close()).then(() => process.exit(0)));
await runner.promise;
