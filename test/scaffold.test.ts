// `catalogue new` writes where it is told (here a temporary folder, never the checkout's datasets/)
// and registers the plug-in by one added line. Without --from it makes a plug-in with importer.ts
// that passes the conformance suite; with --from the ONS LSOA→ward lookup it makes a declarative
// plug-in that validates, imports every row and serves them, with no edit (the walk of CONTRIBUTING.md).
import t from 'tap';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { scaffoldDataset } from '../core/scaffold.ts';
import { validateProject } from '../core/validate.ts';
import { runImport } from '../core/imports/run.ts';
import { conformance, csvRecords } from './helpers/conformance.ts';
import { ROOT, dataDir, testPlatform } from './helpers/platform.ts';

const tmp = mkdtempSync(join(tmpdir(), 'scaffold-test-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));
const LOOKUP = 'lookups/LSOA_2011_to_Ward_2019_Lookup_in_England_and_Wales.csv';
const CATALOGUE = `# A catalogue with a comment, a long line that a YAML writer would re-wrap, and settings after the list.
title: Scaffold test catalogue
description: A description long enough that re-serialising the file with a YAML library would fold it onto two lines, which the scaffold must not do.
datasets:
  - id: greenspace
    path: ${join(ROOT, 'datasets/greenspace')}
settings:
  max_limit: 1000
`;

function catalogueFile(name: string): string {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, CATALOGUE);
  return file;
}

/** Every file under a folder, relative to it. */
const filesOf = (dir: string, sub = ''): string[] =>
  readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(dir, join(sub, e.name)) : [join(sub, e.name)]));

const cli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'core/bin/catalogue.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

t.test('new <id>: a plug-in with importer.ts, in the folder given, registered by one line', async (t) => {
  const file = catalogueFile('code');
  const dir = join(tmp, 'plugins', 'zz-code');
  const made = await scaffoldDataset({ id: 'zz-code', catalogueFile: file, dir });
  t.equal(made.dir, dir);
  t.ok(existsSync(join(dir, 'importer.ts')) && existsSync(join(dir, 'dataset.yaml')) && existsSync(join(dir, 'types.ts')), 'written in the folder given');
  t.notOk(existsSync(join(ROOT, 'datasets', 'zz-code')), 'nothing in the checkout');
  t.equal(readFileSync(file, 'utf8'), CATALOGUE.replace('settings:', '  - { id: zz-code, path: "plugins/zz-code" }\nsettings:'), 'one line added, nothing else touched');
  await t.rejects(scaffoldDataset({ id: 'zz-code', catalogueFile: file, dir }), /already exists/);
  await t.rejects(scaffoldDataset({ id: 'zz-code', catalogueFile: file, dir: join(tmp, 'elsewhere') }), /already registers "zz-code"/);
  await t.rejects(scaffoldDataset({ id: 'Bad Id', catalogueFile: file, dir: join(tmp, 'bad') }), /not a valid id/);
  t.notOk(existsSync(join(tmp, 'elsewhere')) || existsSync(join(tmp, 'bad')), 'a refused scaffold writes nothing');

  t.test('it passes the conformance suite', (t) => conformance(t, 'zz-code', file));

  t.test('validate names what is wrong, and the CLI exits non-zero', async (t) => {
    t.same((await validateProject(file)).problems, [], 'valid as created');
    const manifest = join(dir, 'dataset.yaml');
    const original = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, original.replace('keywords: [', 'keywords: 5 #['));
    t.match((await validateProject(file)).problems, [{ file: 'plugins/zz-code/dataset.yaml', field: '/keywords', reason: 'must be array, not 5' }]);
    const run = cli(['validate', 'zz-code'], { CATALOGUE_FILE: file });
    t.not(run.status, 0, 'exit status non-zero');
    t.match(run.stderr, 'plugins/zz-code/dataset.yaml: /keywords: must be array, not 5', 'file: field: why');
    writeFileSync(manifest, original);
    const ok = cli(['validate', 'zz-code'], { CATALOGUE_FILE: file });
    t.equal(ok.status, 0, ok.stderr);
  });
});

t.test('new <id> --from the LSOA→ward lookup: validated, imported and served with no edit', async (t) => {
  const file = catalogueFile('lookup');
  const dir = join(tmp, 'contrib', 'lsoa-ward-2019');
  const run = cli(['new', 'lsoa-ward-2019', '--from', join(dataDir(), LOOKUP), '--dir', dir], { CATALOGUE_FILE: file, CATALOGUE_DATA_DIR: dataDir() });
  t.equal(run.status, 0, run.stderr);
  t.match(run.stdout, /registered lsoa-ward-2019/);
  t.equal(readFileSync(file, 'utf8'), CATALOGUE.replace('settings:', '  - { id: lsoa-ward-2019, path: "contrib/lsoa-ward-2019" }\nsettings:'), 'one line added');
  t.same(
    filesOf(dir).filter((f) => f.endsWith('.ts')),
    ['types.ts'],
    'no TypeScript but the generated types',
  );
  const manifest = parseYaml(readFileSync(join(dir, 'dataset.yaml'), 'utf8'));
  t.same(manifest.sources[0].files, [LOOKUP], 'the file named relative to CATALOGUE_DATA_DIR');
  const [table] = manifest.tables;
  t.same(table.primary_key, ['lsoa11_code'], 'the key: the LSOA code, unique on every row');
  t.same(Object.values(table.columns), ['LSOA11CD', 'LSOA11NM', 'WD19CD', 'WD19NM', 'LAD19CD', 'LAD19NM'], 'FID (row numbers) left out');
  const schema = JSON.parse(readFileSync(join(dir, 'schemas/areas.json'), 'utf8'));
  t.equal(schema.properties.lsoa11_code.pattern, '^[EW]01[0-9]{6}$', 'a GSS pattern from the codes seen');
  t.equal(schema.properties.wd19_code.pattern, '^[EW]05[0-9]{6}$');
  t.same(schema.required, Object.keys(table.columns));

  const report = await validateProject(file, { only: 'lsoa-ward-2019', dataDir: dataDir() });
  t.same(report.problems, [], 'validate passes (the headers checked against the real file)');
  t.ok(report.notes.some((n) => n.field === '/publisher/name'), 'and notes what a reviewer will ask for');
  t.equal(cli(['validate', 'lsoa-ward-2019'], { CATALOGUE_FILE: file, CATALOGUE_DATA_DIR: dataDir() }).status, 0);

  const source: string[][] = parse(readFileSync(join(dataDir(), LOOKUP)), { bom: true }).slice(1);
  const { platform, app } = await testPlatform(t, { extraDatasets: [{ id: 'lsoa-ward-2019', path: dir }] });
  const result = await runImport(platform, { datasetId: 'lsoa-ward-2019', trigger: 'test' });
  t.same(result.rowCounts, { areas: source.length }, `all ${source.length} rows imported`);
  t.equal(source.length, 34753);
  t.same(result.warnings, [], 'the proposed checks hold on the file');
  const csv = await app.inject('/v1/lsoa-ward-2019/areas.csv');
  t.equal(csvRecords(csv.body), 34753, 'a full CSV download has every row');
  const [fid, lsoa, lsoaName, ward, wardName, lad, ladName] = source.find((r) => r[4].includes(','))!;
  const one = (await app.inject(`/v1/lsoa-ward-2019/areas/${lsoa}`)).json();
  t.same(one.item, { lsoa11_code: lsoa, lsoa11_name: lsoaName, wd19_code: ward, wd19_name: wardName, lad19_code: lad, lad19_name: ladName }, `row ${fid}, a quoted name with a comma, as in the file`);
  const inLad = (await app.inject(`/v1/lsoa-ward-2019/areas?lad19_code=${lad}&limit=1000`)).json();
  t.equal(inLad.total, source.filter((r) => r[5] === lad).length, 'filters on the mapped fields');

  t.test('npm test -- --dataset runs the conformance suite on it', async (t) => {
    // A tap run of its own: the parent's TAP_* settings would make it report as a child.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^_?TAP/.test(k)));
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/run.ts'), '--dataset', 'lsoa-ward-2019'], {
      cwd: ROOT,
      env: { ...env, CATALOGUE_FILE: file, CATALOGUE_DATA_DIR: dataDir() },
      encoding: 'utf8',
    });
    t.match(out, /Testing lsoa-ward-2019: test\/conformance\.test\.ts/);
    t.match(out, /areas\.csv has all 34753 rows/);
    t.match(out.trim().split('\n').pop(), /^[1-9]\d* passed, 0 failed$/, 'the one line CI reads');
    t.notOk(out.includes('Type check'), 'no TypeScript of its own: no type check');
  });
});

t.test('new --from a file outside CATALOGUE_DATA_DIR says where to put it', async (t) => {
  const csv = join(tmp, 'outside.csv');
  writeFileSync(csv, 'Code,Count\nE06999901,"1,234"\nE06999902,5\n');
  const made = await scaffoldDataset({ id: 'zz-outside', catalogueFile: catalogueFile('outside'), dir: join(tmp, 'outside'), from: csv, dataDir: dataDir() });
  t.match(made.notes, [/not under CATALOGUE_DATA_DIR .*: put it there as outside\.csv, or import it with --source/]);
  t.same(parseYaml(readFileSync(join(made.dir, 'dataset.yaml'), 'utf8')).sources[0].files, ['outside.csv']);
  t.equal(relative(tmp, made.dir), 'outside');
});
