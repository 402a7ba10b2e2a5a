// scratch (not committed)
import { loadConfig } from './core/config.ts';
import { openPlatform, createLogger } from './core/platform.ts';
import { buildApp } from './core/app.ts';
import { Writable } from 'node:stream';
const lines: string[] = [];
const sink = new Writable({ write(c, _e, d) { lines.push(c.toString()); d(); } });
const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/rel_probe', CATALOGUE_DATA_DIR: '/work/shared/data', CATALOGUE_DOWNLOADS: 'off', LOG_LEVEL: 'info', CATALOGUE_ADMIN_TOKEN: 'secret', ...JSON.parse(process.env.PROBE_ENV ?? '{}') }, process.cwd());
const platform = await openPlatform(config, { log: createLogger('info', sink) });
const app = await buildApp(platform, { rateLimit: Number(process.env.PROBE_RL ?? 0), maxEventLoopDelay: 0 });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const urls = process.argv.slice(2).length ? process.argv.slice(2) : [
  '/v1/greenspace/areas/%00', '/v1/greenspace/areas?lad_name__contains=%00', '/v1/greenspace/areas?edition=%00',
  '/v1/greenspace/areas?edition=2147483648', '/catalogue/postcodes/imports/99999999999999999999', '/catalogue/postcodes/imports/9999999999',
  '/v1/imd-uk-composite/areas?uk_imd_e_pop_decile__lte=99999999999999999999', '/v1/organisations/changes/1.5',
  '/v1/greenspace/areas?limit=Infinity', '/v1/greenspace/areas?limit=-Infinity', '/v1/postcodes/nearest?lat=Infinity&long=0',
  '/v1/organisations/nearest?lat=51.5&long=-0.1&limit=Infinity', '/v1/organisations/trusts?limit=1e309',
  '/v1/boundaries/collections/countries/items?precision=-Infinity',
  '/v1/greenspace/areas?sort=-total_address_count&cursor=' + b64(['x', 'y']),
  '/openapi.json', '/docs/json',
  '/v1/postcodes/postcodes?sort=-lat&cursor=WyJBQjEwIDFBQSIsIkFCMTAgMUFBIl0',
  '/v1/postcodes/postcodes/%ZZ', '/v1/postcodes/postcodes/' + 'A'.repeat(150), '/health',
];
for (const url of urls) {
  const r = await app.inject({ url, headers: { host: 'evil.example' } });
  console.log(r.statusCode, r.headers['content-type'], url.slice(0, 100), r.body.slice(0, 160).replace(/\n/g, ' '));
}
await app.close(); await platform.close();
const log = lines.join('');
console.log('--- log lines with error:', lines.filter((l) => /"level":(50|40)/.test(l)).map((l) => l.slice(0, 400)).join('\n'));
