// scratch (not committed): a persistent probe DB with every dataset imported
import { loadConfig } from './core/config.ts';
import { openPlatform, createLogger } from './core/platform.ts';
import { runImport } from './core/imports/run.ts';
import { dependencyOrder } from './core/manifest.ts';
import pg from 'pg';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS rel_probe WITH (FORCE)');
await admin.query('CREATE DATABASE rel_probe');
await admin.end();
const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/rel_probe', CATALOGUE_DATA_DIR: '/work/shared/data', CATALOGUE_DOWNLOADS: 'off', LOG_LEVEL: 'warn' }, process.cwd());
const platform = await openPlatform(config, { log: createLogger('warn') });
for (const d of dependencyOrder(platform.datasets)) {
  const t = Date.now();
  await runImport(platform, { datasetId: d.id, trigger: 'test' });
  console.log(d.id, Date.now() - t, 'ms');
}
await platform.close();
