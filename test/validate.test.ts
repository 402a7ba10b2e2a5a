// `catalogue validate` passes on the project as it is, and catches each contributor mistake
// before any import, naming the file, the field and the fix; the CLI exits non-zero on each.
import t from 'tap';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateProject } from '../core/validate.ts';
import { scaffoldDataset } from '../core/scaffold.ts';
import { runImport } from '../core/imports/run.ts';
import { ROOT, dataDir, testPlatform } from './helpers/platform.ts';

const tmp = mkdtempSync(join(tmpdir(), 'validate-test-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A catalogue of one copy of greenspace's declaration with `edits` applied to its files. Its
 * services.ts is left behind: it imports the contract by a path that only resolves in the checkout,
 * and the mistakes tried here are all in the declaration.
 */
function greenspaceVariant(name: string, edits: [file: string, from: string, to: string][]): string {
  const dir = join(tmp, name, 'datasets', 'greenspace');
  cpSync(join(ROOT, 'datasets/greenspace'), dir, { recursive: true, filter: (src) => !src.endsWith('services.ts') });
  for (const [file, from, to] of edits) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    writeFileSync(join(dir, file), text.replace(from, to));
  }
  const catalogue = join(tmp, name, 'catalogue.yaml');
  writeFileSync(catalogue, 'datasets:\n  - id: greenspace\n');
  return catalogue;
}

const cli = async (catalogue: string, ...args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'core/bin/catalogue.ts'), 'validate', ...args], {
      cwd: ROOT,
      env: { ...process.env, CATALOGUE_FILE: catalogue, CATALOGUE_DATA_DIR: dataDir() },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  }
};

t.test('the project as it is: valid, exit status 0', async (t) => {
  const report = await validateProject(join(ROOT, 'catalogue.yaml'), { dataDir: dataDir() });
  t.same(report.problems, []);
  const [all, one] = await Promise.all([cli(join(ROOT, 'catalogue.yaml')), cli(join(ROOT, 'catalogue.yaml'), 'lsoa-ward-2019')]);
  t.equal(all.code, 0, all.out);
  t.match(all.out, 'catalogue.yaml and every plug-in are valid');
  t.equal(one.code, 0, one.out);
  t.match(one.out, 'lsoa-ward-2019 is valid');
  const unknown = await validateProject(join(ROOT, 'catalogue.yaml'), { only: 'lsoa-ward' });
  t.match(unknown.problems, [{ file: 'catalogue.yaml', field: '/datasets', reason: /no dataset "lsoa-ward" is registered .*add the line "  - id: lsoa-ward"/ }]);
});

// Each mistake of a contributor, what validate must say (file, field, reason), all before any import.
const MISTAKES: { name: string; edits: [string, string, string][]; expect: { file: RegExp; field: string; reason: RegExp }[] }[] = [
  {
    name: 'a column map naming an undeclared source',
    edits: [['dataset.yaml', 'source: green_space', 'source: green_spaces']],
    expect: [{ file: /greenspace\/dataset\.yaml$/, field: '/tables/0/source', reason: /"green_spaces" is not a source declared in \/sources \(did you mean "green_space"\?\)/ }],
  },
  {
    name: 'a mapped column absent from the header (fixture and real file)',
    edits: [['dataset.yaml', 'lad_name: LAD name', 'lad_name: LAD nme']],
    expect: [
      { file: /dataset\.yaml$/, field: '/tables/0/columns/lad_name', reason: /column "LAD nme" is not in the header of .*fixtures\/access_to_green_space\.synthetic\.csv \(did you mean "lad name"\?\)/ },
      { file: /dataset\.yaml$/, field: '/tables/0/columns/lad_name', reason: /column "LAD nme" is not in the header of .*greenspace\/access_to_green_space\.csv \(did you mean "lad name"\?\) \(its columns: country code, /s },
    ],
  },
  {
    name: 'a misspelt source path',
    edits: [['dataset.yaml', 'files: [greenspace/access_to_green_space.csv]', 'files: [greenspace/acess_to_green_space.csv]']],
    expect: [{ file: /dataset\.yaml$/, field: '/sources/0/files/0', reason: /greenspace\/acess_to_green_space\.csv is not in CATALOGUE_DATA_DIR .*: did you mean greenspace\/access_to_green_space\.csv\?/ }],
  },
  {
    name: 'a key and an index the schema lacks',
    edits: [
      ['dataset.yaml', 'primary_key: [lad_code]', 'primary_key: [lad_cod]'],
      ['dataset.yaml', 'indexes: [[country_code], [region_code]]', 'indexes: [[country_code], [regoin_code]]'],
    ],
    expect: [
      { file: /dataset\.yaml$/, field: '/tables/0/primary_key/0', reason: /"lad_cod" is not a property of .*schemas\/areas\.json \(did you mean "lad_code"\?\)/ },
      { file: /dataset\.yaml$/, field: '/tables/0/indexes/1/0', reason: /"regoin_code" is not a property of .*\(did you mean "region_code"\?\)/ },
    ],
  },
  {
    name: 'a bad type in the JSON Schema, named with its value',
    edits: [['schemas/areas.json', '"type": "string",\n      "description": "Country name"', '"type": "strng",\n      "description": "Country name"']],
    expect: [{ file: /greenspace\/schemas\/areas\.json$/, field: '/properties/country_name/type', reason: /^"strng" is not one of: array, boolean, integer, null, number, object, string \(did you mean "string"\?\)$/ }],
  },
  {
    name: 'a column map and checks that do not fit the schema',
    edits: [
      ['dataset.yaml', '      lad_name: LAD name\n', '      lad_title: LAD name\n'],
      ['dataset.yaml', '      - { each: region_code, has_one: region_name }', '      - { each: region_code, has_one: region_nme }\n      - { field: lad_code, pattern: "^[EWS", values: [x] }'],
    ],
    expect: [
      { file: /dataset\.yaml$/, field: '/tables/0/columns/lad_title', reason: /"lad_title" is not a property of schemas\/areas\.json/ },
      { file: /dataset\.yaml$/, field: '/tables/0/columns', reason: /has no entry for "lad_name" of schemas\/areas\.json: map it to a column, or give it a fixed value/ },
      { file: /dataset\.yaml$/, field: '/tables/0/checks/2', reason: /"region_nme" is not a property of schemas\/areas\.json \(did you mean "region_name"\?\)/ },
      { file: /dataset\.yaml$/, field: '/tables/0/checks/3', reason: /one check per item: this one has pattern and values \(split it into 2 items\)/ },
      { file: /dataset\.yaml$/, field: '/tables/0/checks/3/pattern', reason: /not a regular expression: .*Unterminated character class/ },
    ],
  },
  {
    name: 'a manifest value of the wrong kind',
    edits: [['dataset.yaml', 'format: csv', 'format: tsv']],
    expect: [{ file: /dataset\.yaml$/, field: '/sources/0/format', reason: /"tsv" is not one of: csv, json, xlsx, shapefile, zip \(did you mean "csv"\?\)/ }],
  },
];

t.test('each mistake is caught before any import, named with the fix; the CLI exits non-zero', async (t) => {
  const catalogues = MISTAKES.map((m, i) => greenspaceVariant(`mistake-${i}`, m.edits));
  const runs = await Promise.all(catalogues.map((c) => cli(c, 'greenspace')));
  for (const [i, m] of MISTAKES.entries()) {
    const { problems } = await validateProject(catalogues[i], { dataDir: dataDir() });
    t.match(problems, m.expect, m.name);
    t.equal(problems.length, m.expect.length, `${m.name}: nothing else reported`);
    t.not(runs[i].code, 0, `${m.name}: exit status non-zero`);
    for (const p of problems) t.ok(runs[i].out.includes(`${p.file}: ${p.field}: ${p.reason}`), `${m.name}: the CLI prints file: field: reason`);
  }
});

t.test('a source or table that importer.ts names but the manifest does not declare', async (t) => {
  const catalogueFile = join(tmp, 'code', 'catalogue.yaml');
  const dir = join(tmp, 'code', 'zz-code');
  mkdirSync(dir, { recursive: true });
  rmSync(dir, { recursive: true });
  writeFileSync(catalogueFile, 'datasets:\n  - id: greenspace\n    path: ' + join(ROOT, 'datasets/greenspace') + '\n');
  await scaffoldDataset({ id: 'zz-code', catalogueFile, dir });
  t.same((await validateProject(catalogueFile, { only: 'zz-code' })).problems, []);
  const importer = join(dir, 'importer.ts');
  const code = readFileSync(importer, 'utf8');
  writeFileSync(importer, code.replace("ctx.readCsv('records'", "ctx.readCsv('recods'").replace("ctx.table('records')", "ctx.table('record')"));
  t.match((await validateProject(catalogueFile, { only: 'zz-code' })).problems, [
    { file: 'zz-code/importer.ts', field: 'line 5', reason: /source "recods" is not declared in dataset\.yaml sources \(did you mean "records"\?\) \(declared: records\)/ },
    { file: 'zz-code/importer.ts', field: 'line 4', reason: /table "record" is not declared in dataset\.yaml tables \(did you mean "records"\?\)/ },
  ]);

  // At import (no validate run first), the name is what the error says, not "undefined is not iterable".
  // (A copy: this process has loaded the first importer.ts already, and ES modules are cached by path.)
  const copy = join(tmp, 'code', 'zz-code-2');
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, 'importer.ts'), code.replace("for await (const row of ctx.readCsv('records'", "const [first] = ctx.sources.recods;\n  void first;\n  for await (const row of ctx.readCsv('records'"));
  const { platform } = await testPlatform(t, { datasets: [], extraDatasets: [{ id: 'zz-code', path: copy }] });
  await t.rejects(runImport(platform, { datasetId: 'zz-code', trigger: 'test', allowFixtures: true }), /import of zz-code failed: zz-code importer failed: source "recods" is not declared in dataset\.yaml \(sources: records\)/);
});
