// What a researcher reads about the data: /catalogue, one entry, Data Package, DCAT, OpenAPI, /docs.
import t from 'tap';
import { testPlatform } from './helpers/platform.ts';
import { runImport } from '../core/imports/run.ts';

t.test('catalogue describes each dataset and its state', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['greenspace'] });

  const empty = (await app.inject('/catalogue')).json();
  t.equal(empty.datasets[0].status.state, 'not imported');
  const early = await app.inject('/v1/greenspace/areas');
  t.equal(early.statusCode, 503, 'data routes say the dataset is not imported yet');
  t.match(early.headers['content-type'], /problem\+json/);

  await runImport(platform, { datasetId: 'greenspace', trigger: 'test' });
  const list = (await app.inject('/catalogue')).json();
  t.equal(list.count, 1);
  const g = list.datasets[0];
  t.match(g, {
    id: 'greenspace',
    title: String,
    description: String,
    publisher: { name: /Office for National Statistics/ },
    licence: { id: 'OGL-UK-3.0' },
    keywords: Array,
    spatial: /Great Britain/,
    temporal: '2020',
    status: { state: 'ready' },
    current_edition: { id: Number, label: 'April 2020', row_counts: { areas: 371 }, sources: [{ file: 'greenspace/access_to_green_space.csv', sha256: /^[0-9a-f]{64}$/ }] },
  });
  t.ok(g.endpoints.some((e: string) => e.endsWith('/v1/greenspace/areas')), 'lists the URLs of its endpoints');

  const full = (await app.inject('/catalogue/greenspace')).json();
  t.equal(full.tables[0].schema.properties.lad_code.type, 'string', 'carries the JSON Schema of its records');
  t.same(full.editions.map((e: { label: string }) => e.label), ['April 2020']);
  t.ok(full.caveats.length > 0);

  const dp = (await app.inject('/catalogue/greenspace/datapackage.json')).json();
  t.equal(dp.profile, 'tabular-data-package');
  t.equal(dp.resources[0].schema.primaryKey[0], 'lad_code');
  t.ok(dp.resources[0].schema.fields.find((f: { name: string; type: string }) => f.name === 'total_address_count' && f.type === 'integer'));
  t.match(dp.resources[0].path, /\/v1\/greenspace\/areas\.csv$/);

  const dcat = await app.inject('/catalogue.jsonld');
  t.match(dcat.headers['content-type'], /application\/ld\+json/);
  t.equal(dcat.json()['@type'], 'dcat:Catalog');
  t.equal(dcat.json()['dcat:dataset'][0]['dct:identifier'], 'greenspace');

  const imports = (await app.inject('/catalogue/greenspace/imports')).json();
  t.equal(imports.imports[0].status, 'succeeded');
  t.equal(imports.imports[0].percent, 100);

  for (const url of ['/catalogue/nope', '/catalogue/nope/datapackage.json', '/catalogue/nope/imports']) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 404, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
  }
});

t.test('OpenAPI document and documentation page', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace'] });
  const spec = (await app.inject('/openapi.json')).json();
  t.equal(spec.openapi, '3.0.3');
  for (const path of ['/catalogue', '/catalogue/{id}', '/catalogue/{id}/datapackage.json', '/catalogue.jsonld', '/v1/greenspace/areas', '/v1/greenspace/areas/{key}'])
    t.ok(spec.paths[path], `${path} documented`);
  const params = spec.paths['/v1/greenspace/areas'].get.parameters.map((p: { name: string }) => p.name);
  for (const p of ['limit', 'cursor', 'fields', 'sort', 'edition', 'country_code', 'total_address_count__gte', 'lad_name__contains']) t.ok(params.includes(p), `parameter ${p}`);
  const docs = await app.inject('/docs/');
  t.equal(docs.statusCode, 200);
  t.match(docs.headers['content-type'], /text\/html/);
});
