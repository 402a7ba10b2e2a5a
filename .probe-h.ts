import { loadConfig } from '/work/wt/reliability/core/config.ts';
import { openPlatform, createLogger } from '/work/wt/reliability/core/platform.ts';
import { buildApp } from '/work/wt/reliability/core/app.ts';
const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/rel_probe', CATALOGUE_DATA_DIR: '/work/shared/data', LOG_LEVEL: 'warn', CATALOGUE_ADMIN_TOKEN: 's' }, '/work/wt/reliability');
const platform = await openPlatform(config, { log: createLogger('warn') });
const app = await buildApp(platform, { rateLimit: 0, maxEventLoopDelay: 0 });
for (const [m, u, h] of [['GET','/v1/greenspace/areas/E06000001',{}],['GET','/docs/static/index.html',{}],['OPTIONS','/v1/greenspace/areas',{origin:'https://x.example','access-control-request-method':'GET','access-control-request-headers':'authorization'}],['OPTIONS','/admin/imports/greenspace',{origin:'https://x.example','access-control-request-method':'POST','access-control-request-headers':'authorization'}]] as const) {
  const r = await app.inject({ method: m, url: u, headers: h as any }); console.log(m, u, r.statusCode, JSON.stringify(r.headers));
}
await app.close(); await platform.close();
