// Child process of a benchmark: the real app on 127.0.0.1 (no rate limit), its address sent to the
// parent (IPC, see child.ts). BENCH_APP_ROOT runs another checkout's app (a side-by-side run
// against a worktree of main); LOG_LEVEL its log level (the harness sets warn).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveParent } from './child.ts';
import { ROOT } from './root.ts';

const root = process.env.BENCH_APP_ROOT ?? ROOT;
const load = (file: string) => import(pathToFileURL(join(root, file)).href);
const [{ loadConfig }, { openPlatform, createLogger }, { buildApp }] = await Promise.all([load('core/config.ts'), load('core/platform.ts'), load('core/app.ts')]);

const platform = await openPlatform(loadConfig(process.env, root), { log: createLogger(process.env.LOG_LEVEL ?? 'warn') });
const app = await buildApp(platform, { rateLimit: 0 });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
serveParent(address, () => app.close().then(() => platform.close()));
