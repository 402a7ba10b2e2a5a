// npm run worker: import jobs and scheduled refreshes, as a separate process (scale out: run N).
import { loadConfig } from '../config.ts';
import { openPlatform } from '../platform.ts';
import { startWorker } from '../worker.ts';

const platform = await openPlatform(loadConfig(), { listen: true });
const runner = await startWorker(platform, Number(process.env.WORKER_CONCURRENCY ?? 1));
platform.log.info('worker started: waiting for import jobs and scheduled refreshes');
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void runner.stop().then(() => platform.close()).then(() => process.exit(0)));
await runner.promise;
