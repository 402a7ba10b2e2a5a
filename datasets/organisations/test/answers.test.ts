// Every JSON route of the plug-in, on the real lists, answers exactly what /openapi.json documents:
// each answer validates against its route's documented 200 schema, with every documented member
// present, so a member the handler forgets or a shape the schema misdescribes fails.
import t from 'tap';
import { testPlatform } from '../../../test/helpers/platform.ts';
import { documentedAnswers } from './schema-checks.ts';

// A real code for each path parameter, and the query of routes that need one.
const SAMPLES: Record<string, string> = {
  organisations: 'RGT01',
  trusts: 'RGT',
  health_boards: '7A1',
  icbs: 'QHM',
  regions: 'Y56',
  countries: 'W92000004',
  pdus: 'PZ010',
  diabetes_networks: 'PN07',
  openuk_networks: 'SWEP',
  london_boroughs: 'E09000030',
  successions: 'RGT01',
  organisation_records: 'RGT01',
  changes: '1',
  icb_mappings: '1',
};
const QUERIES: Record<string, string> = {
  '/v1/organisations/nearest': '?lat=52.2&long=0.14&limit=20',
  '/v1/organisations/changes/since': '?date=2000-01-01',
  '/v1/organisations/organisations/limited': '',
};
// With one edition imported nothing has changed since it (history.test.ts checks two).
const MAY_BE_EMPTY = new Set(['/v1/organisations/changes/since']);

t.test('every JSON route answers its documented schema', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['postcodes', 'organisations'], imports: ['organisations'] });
  let checked = 0;
  for (const [path, check] of await documentedAnswers(app)) {
    if (!path.startsWith('/v1/organisations/')) continue;
    const segment = path.split('/')[3];
    const url = path.replace('{code}', SAMPLES[segment]).replace('{key}', SAMPLES[segment]) + (QUERIES[path] ?? (path.includes('{') ? '' : '?limit=1000'));
    if (url.includes('undefined')) {
      t.fail(`${path}: no sample code for this route`);
      continue;
    }
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    const body = res.json();
    const { ok, errors } = check(body);
    t.ok(ok, `${url} answers its documented schema`, { errors });
    if (Array.isArray(body.items) && !MAY_BE_EMPTY.has(path)) t.ok(body.items.length > 0, `${url} has items to check`);
    checked++;
  }
  t.ok(checked >= 40, `${checked} routes checked`);
});
