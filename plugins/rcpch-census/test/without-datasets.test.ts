// Every dataset the plug-in uses is optional: registered with only one index (no deprivation, no
// other index, no greenspace), it loads, serves that index's list, and says what it lacks.
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, testPlatform } from '../../../test/helpers/platform.ts';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { runImport } from '../../../core/imports/run.ts';
import { get } from './client.ts';
import { simd } from './official.ts';

t.test('the plug-in with one index dataset only', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'census-catalogue-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'catalogue.yaml');
  writeFileSync(
    file,
    ['datasets:', ...['postcodes', 'imd-scotland-2020'].map((id) => `  - id: ${id}\n    path: ${join(ROOT, 'datasets', id)}`), 'plugins:', `  - id: rcpch-census\n    path: ${join(ROOT, 'plugins', 'rcpch-census')}`, ''].join('\n'),
  );
  const database = await createTestDatabase(t, 'census_alone');
  const { app, platform } = await testPlatform(t, { database, env: { CATALOGUE_FILE: file } });
  await runImport(platform, { datasetId: 'imd-scotland-2020', trigger: 'test' });

  const listed = (await app.inject('/catalogue')).json() as { plugins: { id: string; status: { state: string } }[] };
  t.same(listed.plugins.map((p) => [p.id, p.status.state]), [['rcpch-census', 'ready']], 'it loads');
  const scottish = await get(app, '/scottish_indices_of_multiple_deprivation/');
  t.same([scottish.statusCode, scottish.json().count], [200, simd.size], 'the index it has is listed');
  for (const [path, status, detail] of [
    ['/index_of_multiple_deprivation_quantile?postcode=AB10%201AA&quantile=5', 503, /needs the deprivation dataset, which is not registered in this catalogue/],
    ['/indices_of_multiple_deprivation?postcode=AB10%201AA', 503, /needs the deprivation dataset/],
    ['/english_indices_of_multiple_deprivation/', 404, /no England index is registered in this catalogue/],
    ['/welsh_indices_of_multiple_deprivation/', 404, /no Wales index is registered/],
    ['/northern_ireland_indices_of_multiple_deprivation/', 404, /no Northern Ireland index is registered/],
    ['/local_authority_districts/', 404, /green space dataset \(greenspace\) is not registered/],
    ['/green_space/', 404, /greenspace/],
  ] as const) {
    const res = await get(app, path);
    t.equal(res.statusCode, status, `${path}: ${status}`);
    t.match(res.json().detail, detail, 'and says what it lacks');
  }
});
