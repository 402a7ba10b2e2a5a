// Every JSON route of the plug-in, on the real lists, answers exactly what /openapi.json documents:
// each answer validates against its route's documented 200 schema, with every documented member
// present (an object schema's members are all required here), so a member the handler forgets or
// a shape the schema misdescribes fails.
import t from 'tap';
import { createAjv } from '../../../core/schema.ts';
import { testPlatform } from '../../../test/helpers/platform.ts';

type Schema = Record<string, unknown>;

/** The schema with every object's documented members required, at every depth. */
function everyMemberRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(everyMemberRequired);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' ? v : everyMemberRequired(v)]));
  if (out.properties && typeof out.properties === 'object') out.required = Object.keys(out.properties as object);
  return out;
}

// A real code for each path parameter, and the required query of routes that have one.
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
// With one edition imported nothing has changed since it (history.test.ts has two).
const MAY_BE_EMPTY = new Set(['/v1/organisations/changes/since']);

t.test('every JSON route answers its documented schema', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['postcodes', 'organisations'], imports: ['organisations'] });
  const spec = (await app.inject('/openapi.json')).json() as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }> };
  const ajv = createAjv();
  let checked = 0;
  for (const [path, item] of Object.entries(spec.paths)) {
    const schema = item.get?.responses['200']?.content?.['application/json']?.schema;
    if (!path.startsWith('/v1/organisations/') || !schema) continue;
    const segment = path.split('/')[3];
    const url = path.replace('{code}', SAMPLES[segment]).replace('{key}', SAMPLES[segment.replace(/\.json$/, '')]) + (QUERIES[path] ?? (path.includes('{') ? '' : '?limit=1000'));
    if (url.includes('undefined')) {
      t.fail(`${path}: no sample code for this route`);
      continue;
    }
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    const validate = ajv.compile(everyMemberRequired(schema) as Schema);
    const body = res.json();
    t.ok(validate(body), `${url} answers its documented schema`, { errors: validate.errors?.slice(0, 3) });
    if (Array.isArray(body.items) && !MAY_BE_EMPTY.has(path)) t.ok(body.items.length > 0, `${url} has items to check`);
    checked++;
  }
  t.ok(checked >= 40, `${checked} routes checked`);
});
