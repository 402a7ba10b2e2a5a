// npm start: the API (and, unless CATALOGUE_WORKER=off, an in-process worker).
import { loadConfig } from '../config.ts';
import { startService } from '../service.ts';

const service = await startService(loadConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void service.stop().then(() => process.exit(0)));
