// Dependencies point one way: removing any one index dataset from catalogue.yaml leaves every other
// dataset loading, with its routes, and `deprivation` answering the other nations as before, the
// removed index's nation with index_absent, and listing the index as absent. The sources are
// imported once into one database; each catalogue without one index is then opened on it (the
// removed index's rows are still in the database: only the contract can hide them).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { indices, type IndexDescriptor } from '../core/contract.ts';
import { readCatalogue } from '../core/manifest.ts';
import { runImport } from '../core/imports/run.ts';
import { ajv } from '../core/schema.ts';
import { createTestDatabase } from './helpers/database.ts';
import { dataDir, ROOT, testPlatform } from './helpers/platform.ts';
import indicesSchema from '../datasets/deprivation/schemas/indices.json' with { type: 'json' };

const all = readCatalogue(join(ROOT, 'catalogue.yaml')).datasets.map((d) => d.id);
const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(dataDir(), 'onspd', f)), { bom: true, columns: true, skip_empty_lines: true });
const onspd = [...csv('ONSPD_sample.csv'), ...csv('ONSPD_supplement_from_postcodes_io_examples.csv')];
/** One live postcode with a small area in each nation. */
const samples = new Map(
  Object.entries(indices.COUNTRY_CODES).map(([nation, ctry]) => [nation, onspd.find((r) => r.ctry === ctry && !r.doterm && r.lsoa11)!.pcds]),
);

interface Answer {
  status: string;
  nation: string;
  index_edition: string | null;
  message: string;
  uk_composite: unknown;
}

t.test('removing any one index dataset from the catalogue', async (t) => {
  t.equal(samples.size, 4, 'a sample postcode of each nation');
  const database = await createTestDatabase(t, 'removal');
  // Everything registered, once: the index datasets are those whose services carry a descriptor.
  const descriptors: IndexDescriptor[] = [];
  await t.test('the whole catalogue', async (t) => {
    const { platform } = await testPlatform(t, { database, datasets: all });
    for (const [, s] of platform.services) if (indices.isIndexServices(s)) descriptors.push(s.descriptor);
    for (const id of ['postcodes', ...descriptors.map((d) => d.dataset)]) await runImport(platform, { datasetId: id, trigger: 'test' });
  });
  t.same(descriptors.map((d) => d.dataset).sort(), all.filter((id) => id.startsWith('imd-')).sort(), 'every imd-* dataset is an index');

  for (const removed of descriptors) {
    t.test(`without ${removed.dataset}`, async (t) => {
      const registered = all.filter((id) => id !== removed.dataset);
      const { platform, app } = await testPlatform(t, { database, datasets: registered, imports: ['deprivation'] });
      t.same(platform.datasets.filter((d) => d.loadError).map((d) => `${d.id}: ${d.loadError}`), [], 'every other dataset loads');
      const catalogue = (await app.inject('/catalogue')).json() as { datasets: { id: string; status: { state: string }; endpoints: string[] }[] };
      const listed = new Map(catalogue.datasets.map((d) => [d.id, d]));
      t.same([...listed.keys()].sort(), [...registered].sort(), '/catalogue lists every other dataset, and not the removed one');
      const documented = Object.keys(((await app.inject('/openapi.json')).json() as { paths: object }).paths);
      for (const id of registered) {
        t.not(listed.get(id)!.status.state, 'failed', `${id} is not failed`);
        t.ok(listed.get(id)!.endpoints.length > 0 && documented.some((p) => p.startsWith(`/v1/${id}/`)), `${id} has its routes`);
      }
      t.equal((await app.inject(`/v1/${removed.dataset}/areas`)).statusCode, 404, 'the removed index has no routes');

      // deprivation: the remaining indices as before, the removed one's nation absent
      const remaining = descriptors.filter((d) => d !== removed);
      const inputs = [...samples.values()];
      const res = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: inputs });
      t.equal(res.statusCode, 200);
      const results = (res.json() as { results: Answer[] }).results;
      for (const r of results) {
        const answered = remaining.some((d) => d.nation === r.nation && d.table);
        t.equal(r.status, answered ? 'found' : 'index_absent', `${r.nation}: ${answered ? 'answered' : 'absent'}`);
        if (!answered) t.match(r.message, new RegExp(`no index of ${r.nation} .*declared but absent: ${removed.dataset} \\(not registered\\)`), 'and says why');
        t.equal(r.uk_composite === null, Boolean(removed.composite), removed.composite ? 'no composite' : 'the composite still answers');
      }
      if (!removed.composite) {
        const named = await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(samples.get(removed.nation)!)}?edition=${removed.label}`);
        t.equal(named.statusCode, 400, `edition=${removed.label} is no longer known`);
        t.match(named.json().detail, new RegExp(`declared but absent: ${removed.dataset}`));
      }

      // …and lists it as absent, with every remaining index as it was
      const listing = (await app.inject('/v1/deprivation/indices?limit=100')).json() as { items: Record<string, unknown>[] };
      const validate = ajv.compile(indicesSchema);
      t.same(listing.items.filter((i) => !validate(i)), [], 'the listing validates against schemas/indices.json');
      t.match(listing.items.find((i) => i.dataset === removed.dataset), { status: 'absent', nation: null, message: /not registered in this catalogue/ });
      t.same(
        listing.items.filter((i) => i.status === 'imported').map((i) => i.index_edition).sort(),
        remaining.map((d) => d.label).sort(),
        'the other indices are listed as imported',
      );
      const warnings = ((await app.inject('/catalogue/deprivation')).json() as { warnings: { code: string; message: string }[] }).warnings;
      t.ok(warnings.some((w) => w.code === 'index_absent' && w.message.startsWith(removed.dataset)), 'the edition warns that it is absent');
    });
  }
});
