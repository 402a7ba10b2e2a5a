import { loadConfig } from './core/config.ts';
import { startService } from './core/service.ts';
const s = await startService(loadConfig({ ...process.env, PORT: '3997', WEB_CONCURRENCY: '1', LOG_LEVEL: 'warn' }));
process.once('SIGTERM', () => { const t0 = Date.now(); console.log('SIGTERM'); s.app.close().then(() => console.log('app closed', Date.now() - t0), (e) => console.log('close failed', e)); });
process.on('exit', (c) => console.log('exit', c));
