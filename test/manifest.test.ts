// A bad manifest stops startup naming file, field and reason; a broken plug-in does not take the
// others down; `catalogue validate` says what a contributor's plug-in lacks.
import t from 'tap';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalogue, ManifestError, inspectCatalogue } from '../core/manifest.ts';
import { testPlatform, ROOT } from './helpers/platform.ts';

const tmp = mkdtempSync(join(tmpdir(), 'manifest-test-'));
const greenspaceYaml = readFileSync(join(ROOT, 'datasets/greenspace/dataset.yaml'), 'utf8');

function pluginDir(name: string, yaml: string, files: Record<string, string> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'schemas'), { recursive: true });
  writeFileSync(join(dir, 'dataset.yaml'), yaml);
  writeFileSync(join(dir, 'schemas/areas.json'), readFileSync(join(ROOT, 'datasets/greenspace/schemas/areas.json')));
  for (const [f, content] of Object.entries(files)) writeFileSync(join(dir, f), content);
  return dir;
}

function catalogue(entries: { id: string; path: string }[], extra = ''): string {
  const file = join(tmp, `catalogue-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `datasets:\n${entries.map((e) => `  - id: ${e.id}\n    path: ${e.path}\n`).join('')}${extra}`);
  return file;
}

t.test('invalid catalogue.yaml names the field', async (t) => {
  const file = catalogue([], 'colour: blue\n');
  const err = (() => {
    try {
      readCatalogue(file);
    } catch (e) {
      return e as ManifestError;
    }
  })();
  t.type(err, ManifestError);
  t.match(err!.problems[0], { file: /catalogue-.*\.yaml/, field: '/colour', reason: 'is not a known field' });
  writeFileSync(file, 'datasets: [unclosed\n');
  t.throws(() => readCatalogue(file), /not valid YAML/);
});

t.test('invalid dataset.yaml names file, field and reason', async (t) => {
  const noLicence = pluginDir('no-licence', greenspaceYaml.replace('id: greenspace', 'id: no-licence').replace(/^licence:\n(  .*\n)+/m, ''));
  const badSource = pluginDir('bad-source', greenspaceYaml.replace('id: greenspace', 'id: bad-source').replace('format: csv', 'format: parquet'));
  const badField = pluginDir('bad-field', greenspaceYaml.replace('id: greenspace', 'id: bad-field').replace('primary_key: [lad_code]', 'primary_key: [la_code]'));
  const { problems } = inspectCatalogue(catalogue([{ id: 'no-licence', path: noLicence }, { id: 'bad-source', path: badSource }, { id: 'bad-field', path: badField }]));
  t.match(problems, [
    { file: /no-licence\/dataset\.yaml$/, field: '/licence', reason: 'is required' },
    { file: /bad-source\/dataset\.yaml$/, field: '/sources/0/format', reason: '"parquet" is not one of: csv, json, xlsx, shapefile, zip' },
    { file: /bad-field\/dataset\.yaml$/, field: '/tables/0/primary_key/0', reason: /"la_code" is not a property of .*areas\.json \(did you mean "lad_code"\?\)/ },
  ]);
});

t.test('a plug-in that throws is listed as failed; the others are served', async (t) => {
  const broken = pluginDir('broken', greenspaceYaml.replace('id: greenspace', 'id: broken'), {
    'routes.ts': "export default () => { throw new Error('synthetic failure while registering routes'); };\n",
    'importer.ts': "throw new Error('synthetic failure while loading');\n",
  });
  const { app } = await testPlatform(t, { datasets: ['greenspace'], extraDatasets: [{ id: 'broken', path: broken }], imports: ['greenspace'] });
  const list = (await app.inject('/catalogue')).json();
  const state = Object.fromEntries(list.datasets.map((d: { id: string; status: { state: string; reason?: string } }) => [d.id, d.status]));
  t.equal(state.greenspace.state, 'ready');
  t.equal(state.broken.state, 'failed');
  t.match(state.broken.reason, /synthetic failure while loading/);
  t.equal((await app.inject('/v1/greenspace/areas?limit=1')).statusCode, 200);
});
