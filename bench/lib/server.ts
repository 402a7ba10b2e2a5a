// Child process of a benchmark: the real app on 127.0.0.1 (no rate limit), its address on stdout.
import { loadConfig } from '../../core/config.ts';
import { openPlatform, createLogger } from '../../core/platform.ts';
import { buildApp } from '../../core/app.ts';
import { ROOT } from './harness.ts';

const platform = await openPlatform(loadConfig(process.env, ROOT), { log: createLogger('warn') });
const app = await buildApp(platform, { rateLimit: 0 });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`LISTENING ${address}\n`);
process.once('SIGTERM', () => void app.close().then(() => platform.close()).then(() => process.exit(0)));
