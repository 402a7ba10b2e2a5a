// `catalogue new <id>` scaffolds a plug-in that passes the conformance suite as it stands, and
// `catalogue validate` tells a contributor exactly what is wrong.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffoldDataset } from '../core/scaffold.ts';
import { validateProject } from '../core/validate.ts';
import { conformance } from './helpers/conformance.ts';
import { ROOT } from './helpers/platform.ts';

const id = `zz-scaffold-${process.pid}`;
const tmp = mkdtempSync(join(tmpdir(), 'scaffold-test-'));
const catalogueFile = join(tmp, 'catalogue.yaml');
writeFileSync(catalogueFile, 'datasets:\n  - id: greenspace\n    path: ' + join(ROOT, 'datasets/greenspace') + '\nsettings:\n  max_limit: 1000\n');
t.teardown(() => rmSync(join(ROOT, 'datasets', id), { recursive: true, force: true }));

t.test('scaffold', async (t) => {
  const created = await scaffoldDataset(ROOT, id, catalogueFile);
  t.ok(created.includes(`datasets/${id}/dataset.yaml`));
  t.ok(created.includes(`datasets/${id}/importer.ts`));
  t.match(readFileSync(catalogueFile, 'utf8'), new RegExp(`  - id: ${id}\\n`), 'registered in the catalogue file');
  writeFileSync(catalogueFile, readFileSync(catalogueFile, 'utf8').replace(`  - id: ${id}\n`, `  - id: ${id}\n    path: ${join(ROOT, 'datasets', id)}\n`));
  await t.rejects(scaffoldDataset(ROOT, id, catalogueFile), /already exists/);
  await t.rejects(scaffoldDataset(ROOT, 'Bad Id', catalogueFile), /not a valid id/);
});

t.test('the scaffold passes the conformance suite', (t) => conformance(t, id, catalogueFile));

t.test('validate names what is wrong', async (t) => {
  t.same(await validateProject(catalogueFile, ROOT), [], 'the scaffold is valid as created');
  const manifest = join(ROOT, 'datasets', id, 'dataset.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('    url: https://example.org/records.csv\n', '').replace('keywords: [', 'keywords: 5 #['));
  const problems = await validateProject(catalogueFile, ROOT);
  t.match(problems, [{ file: `datasets/${id}/dataset.yaml`, field: '/keywords', reason: 'must be array' }]);
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('keywords: 5 #[', 'keywords: ['));
  t.match(await validateProject(catalogueFile, ROOT), [{ file: `datasets/${id}/dataset.yaml`, field: '/sources/0/url', reason: /publisher's download address/ }]);
  const out = (() => {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'core/bin/catalogue.ts'), 'validate'], { cwd: ROOT, env: { ...process.env, CATALOGUE_FILE: catalogueFile }, stdio: 'pipe' });
      return '';
    } catch (err) {
      return String((err as { stderr: Buffer }).stderr);
    }
  })();
  t.match(out, new RegExp(`datasets/${id}/dataset.yaml: /sources/0/url: missing`), 'the CLI prints file: field: why and fails');
});
