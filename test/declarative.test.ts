// A declarative plug-in (dataset.yaml, schemas/, README, no TypeScript) is as strict as a coded
// one: the column map's transforms, every row validated against the schema, failures naming file,
// line and field, the declared checks (errors stop the import, warnings are recorded), progress,
// atomic switch; its migrations are generated (greenspace's keep their recorded name and layout);
// TypeScript can be added beside it for what a declaration cannot say.
import t from 'tap';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnex } from '../core/db/connection.ts';
import { migrateCore, migrateDataset, rollbackDataset } from '../core/db/migrate.ts';
import { runImport } from '../core/imports/run.ts';
import { createTestDatabase } from './helpers/database.ts';
import { ROOT, testPlatform } from './helpers/platform.ts';

const tmp = mkdtempSync(join(tmpdir(), 'declarative-test-'));
t.teardown(() => rmSync(tmp, { recursive: true, force: true }));

const SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['area_code', 'area_name', 'region', 'region_code', 'count', 'share', 'flag', 'country'],
  properties: {
    area_code: { type: 'string', pattern: '^E06[0-9]{6}$', description: 'GSS code' },
    area_name: { type: 'string', description: 'Name' },
    region: { type: ['string', 'null'], description: 'Region name' },
    region_code: { type: ['string', 'null'], description: 'Region code' },
    count: { type: 'integer', minimum: 0, description: 'A count' },
    share: { type: ['number', 'null'], description: 'A proportion' },
    flag: { type: 'boolean', description: 'A flag' },
    country: { type: 'string', description: 'Fixed' },
  },
};

const manifest = (id: string, checks: string, more = '') => `id: ${id}
title: Synthetic declarative dataset
description: Invented rows for the tests of declarative imports.
publisher: { name: Test }
licence: { id: CC0-1.0, title: CC0 }
keywords: [test]
spatial: England
temporal: "2025"
edition: "2025"
sources:
  - name: counts
    files: [${id}/counts.csv]
    format: csv
tables:
  - name: records
    primary_key: [area_code]
    filterable: [area_code, region, count]
    source: counts
    columns:
      area_code: { column: Area Code, case: upper }
      area_name: " area  NAME "
      region: Region
      region_code: Region code
      count: Count
      share: { column: Share, nulls: ["", "n/a", ".."] }
      flag: Flag
      country: { value: England }
    checks:
${checks}${more}`;

const CHECKS = `      - not_null: [region_code]
      - { field: region, values: [North, South], level: warning, why: the two synthetic regions }
      - rows: { min: 3, max: 5 }
      - { each: region, has_one: region_code }
`;

function plugin(id: string, yaml: string, files: Record<string, string> = {}): string {
  const dir = join(tmp, id);
  mkdirSync(join(dir, 'schemas'), { recursive: true });
  writeFileSync(join(dir, 'dataset.yaml'), yaml);
  writeFileSync(join(dir, 'schemas/records.json'), JSON.stringify(SCHEMA));
  writeFileSync(join(dir, 'README.md'), '# test\n');
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), content);
  }
  return dir;
}

let n = 0;
/** A source file of these rows (header first), with the quirks of published CSVs: BOM, CRLF, quotes. */
function csv(rows: string[]): string {
  const file = join(tmp, `counts-${++n}.csv`);
  writeFileSync(file, '\uFEFF' + ['Area Code, Area Name ,Region,Region code,Count,Share,Flag', ...rows].join('\r\n') + '\r\n');
  return file;
}

const GOOD = [
  ' e06999901 ,"Town, with a comma",North,R1,"1,234",0.5,Yes',
  'E06999902,Town B,North,R1,29199.00,n/a,no',
  'E06999903,Town C,South,R2,7,..,TRUE',
  'E06999904,Town D,East,R3,0,0.25,false',
];

t.test('a declarative table: transforms, types, checks, progress, atomic failures', async (t) => {
  const dir = plugin('zz-decl', manifest('zz-decl', CHECKS));
  const { platform, app } = await testPlatform(t, { datasets: [], extraDatasets: [{ id: 'zz-decl', path: dir }] });
  const progress: number[] = [];
  const good = csv(GOOD);
  const result = await runImport(platform, { datasetId: 'zz-decl', trigger: 'test', sources: [`counts=${good}`], onProgress: (p) => progress.push(p.percent) });
  t.same(result.rowCounts, { records: 4 });
  t.ok(progress.length > 0 && progress.every((p, i) => i === 0 || p >= progress[i - 1]), 'progress reported as the file is read');
  const run = await platform.knex('catalogue.import_runs').where({ id: result.runId }).first();
  t.match(run, { status: 'succeeded', percent: 100, rows: 4 });

  const { items } = (await app.inject('/v1/zz-decl/records')).json();
  t.same(items, [
    { area_code: 'E06999901', area_name: 'Town, with a comma', region: 'North', region_code: 'R1', count: 1234, share: 0.5, flag: true, country: 'England' },
    { area_code: 'E06999902', area_name: 'Town B', region: 'North', region_code: 'R1', count: 29199, share: null, flag: false, country: 'England' },
    { area_code: 'E06999903', area_name: 'Town C', region: 'South', region_code: 'R2', count: 7, share: null, flag: true, country: 'England' },
    { area_code: 'E06999904', area_name: 'Town D', region: 'East', region_code: 'R3', count: 0, share: 0.25, flag: false, country: 'England' },
  ], 'trimmed, upper-cased, "1,234" and "29199.00" read as integers, null tokens, booleans, a fixed value');
  t.match(result.warnings, [
    { code: 'check_values', message: /records: 1 row\(s\) fail "region must be one of North, South", first region "East" at .*counts-\d+\.csv line 5 \(the two synthetic regions\)/, details: { check: 'dataset.yaml tables[0].checks[1]', rows: 1 } },
  ]);
  t.equal(result.warnings.length, 1, 'the consistency check holds: no warning');
  const warned = (await app.inject('/catalogue/zz-decl')).json();
  t.match(JSON.stringify(warned), /check_values/, 'the warning is in the catalogue');

  const failures: [string[], RegExp][] = [
    [['E06999901,A,North,R1,many,0.5,yes'], /failed at .*counts-\d+\.csv, line 2, field count: "many" is not a number \(column "Count"\)/],
    [['E06999901,A,North,R1,1,0.5,maybe'], /line 2, field flag: "maybe" is not true or false/],
    [['X01,A,North,R1,1,0.5,yes', 'E06999902,B,North,R1,1,0.5,yes', 'E06999903,C,North,R1,1,0.5,yes'], /line 2, field area_code: area_code must match pattern "\^E06\[0-9\]\{6\}\$" \(value: "X01"\)/],
    [['E06999901,A,North,R1,1,0.5,yes', 'E06999902,B,North,,1,0.5,yes'], /line 3, field region_code: region_code null fails the check "region_code must have a value" of dataset\.yaml tables\[0\]\.checks\[0\]/],
    [['E06999901,A,North,R1,1,0.5,yes'], /records: 1 rows, expected between 3 and 5 \(dataset\.yaml tables\[0\]\.checks\[2\]\)/],
    [['E06999901,A,North,R1,-1,0.5,yes'], /line 2, field count: count must be >= 0 \(value: -1\)/],
  ];
  for (const [rows, message] of failures) await t.rejects(runImport(platform, { datasetId: 'zz-decl', trigger: 'test', sources: [`counts=${csv(rows)}`] }), message);
  const missing = join(tmp, 'missing-column.csv');
  writeFileSync(missing, 'Area Code,Area Name,Region,Region code,Count,Flag\nE06999901,A,North,R1,1,yes\n');
  await t.rejects(runImport(platform, { datasetId: 'zz-decl', trigger: 'test', sources: [`counts=${missing}`] }), /required column\(s\) missing: share/);
  const after = (await app.inject('/v1/zz-decl/records')).json();
  t.equal(after.edition.id, result.editionId, 'every failed import left the good edition served');
  t.equal(after.total, 4);
});

t.test('consistency: a warning with examples, or an error where the manifest says so', async (t) => {
  const broken = ['E06999901,A,North,R1,1,0.5,yes', 'E06999902,B,North,R9,1,0.5,yes', 'E06999903,C,South,R2,1,0.5,yes'];
  const warnDir = plugin('zz-consistent', manifest('zz-consistent', CHECKS));
  const strictDir = plugin('zz-strict', manifest('zz-strict', CHECKS.replace('{ each: region, has_one: region_code }', '{ each: region, has_one: region_code, level: error }')));
  const { platform } = await testPlatform(t, { datasets: [], extraDatasets: [{ id: 'zz-consistent', path: warnDir }, { id: 'zz-strict', path: strictDir }] });
  const file = csv(broken);
  const result = await runImport(platform, { datasetId: 'zz-consistent', trigger: 'test', sources: [`counts=${file}`] });
  t.match(result.warnings, [
    {
      code: 'check_each_has_one',
      message: /records: 1 region value\(s\) have more than one region_code, e\.g\. North: R1 \(.*line 2\), R9 \(.*line 3\)/,
      details: { values: 1, examples: [{ region: 'North', region_code: [{ value: 'R1', line: 2 }, { value: 'R9', line: 3 }] }] },
    },
  ]);
  await t.rejects(runImport(platform, { datasetId: 'zz-strict', trigger: 'test', sources: [`counts=${file}`] }), /failed at .*counts-\d+\.csv, line 3, field region_code: records: 1 region value\(s\) have more than one region_code/);
});

t.test('TypeScript beside a declaration: importer.ts for another table, routes.ts for a route of its own', async (t) => {
  const yaml = manifest('zz-mixed', CHECKS).replace('tables:\n', 'tables:\n  - name: totals\n    primary_key: [region]\n');
  const dir = plugin('zz-mixed', yaml, {
    'schemas/totals.json': JSON.stringify({ type: 'object', additionalProperties: false, required: ['region', 'count'], properties: { region: { type: 'string' }, count: { type: 'integer' } } }),
    // Runs after the core's import of `records`, and reads what it wrote.
    'importer.ts': `import type { DatasetImporter } from '${join(ROOT, 'core/contract.ts')}';
const importer: DatasetImporter = async (ctx) => {
  const rows = await ctx.query<{ region: string; count: string }>(\`SELECT region, sum(count) AS count FROM \${ctx.tableName('records')} WHERE edition_id = $1 GROUP BY region\`, [ctx.editionId]);
  for (const r of rows) await ctx.table('totals').write({ region: r.region, count: Number(r.count) });
};
export default importer;
`,
    'routes.ts': `import type { DatasetRoutes } from '${join(ROOT, 'core/contract.ts')}';
const routes: DatasetRoutes = (app, ds) => {
  ds.serveTable('records');
  app.get('/regions', { schema: { response: { 200: { type: 'object', properties: { regions: { type: 'array', items: { type: 'string' } } } } } } }, async (req) => {
    const edition = await ds.edition(req);
    return { regions: (await ds.db(ds.tableName('totals')).where({ edition_id: edition.id }).orderBy('region')).map((r) => r.region) };
  });
};
export default routes;
`,
  });
  const { platform, app } = await testPlatform(t, { datasets: [], extraDatasets: [{ id: 'zz-mixed', path: dir }] });
  const result = await runImport(platform, { datasetId: 'zz-mixed', trigger: 'test', sources: [`counts=${csv(GOOD)}`] });
  t.same(result.rowCounts, { totals: 3, records: 4 }, 'the declared table, then the coded one');
  t.same((await app.inject('/v1/zz-mixed/regions')).json(), { regions: ['East', 'North', 'South'] });
  t.equal((await app.inject('/v1/zz-mixed/records?limit=1')).json().total, 4);
  t.equal((await app.inject('/v1/zz-mixed/totals')).statusCode, 404, 'routes.ts decides what is served');
  const migrations = await platform.knex('migrations_dataset_zz_mixed').orderBy('name').pluck('name');
  t.same(migrations, ['20260101000000_records', '20260101000000_totals'], 'one generated migration per table');
});

t.test('greenspace without its migration file: the recorded name and the table layout are unchanged', async (t) => {
  const url = await createTestDatabase(t, 'greenspace_migration');
  const knex = createKnex(url);
  t.teardown(() => knex.destroy());
  await migrateCore(knex, ROOT);
  // A database migrated before the conversion: by the one-line file greenspace had.
  const old = join(tmp, 'greenspace-before');
  mkdirSync(join(old, 'migrations'), { recursive: true });
  for (const f of ['dataset.yaml', 'schemas/areas.json']) {
    mkdirSync(join(old, f, '..'), { recursive: true });
    copyFileSync(join(ROOT, 'datasets/greenspace', f), join(old, f));
  }
  writeFileSync(join(old, 'migrations/20260101000000_areas.ts'), `import { recordTables } from '${join(ROOT, 'core/contract.ts')}';\nexport const { up, down } = recordTables(import.meta.url, ['areas']);\n`);
  await migrateDataset(knex, 'greenspace', old, ['areas']);
  const layout = async () => ({
    migrations: await knex('migrations_dataset_greenspace').pluck('name'),
    columns: (await knex.raw(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'greenspace_areas' ORDER BY ordinal_position`)).rows,
    indexes: (await knex.raw(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'greenspace_areas' ORDER BY indexname`)).rows,
  });
  const before = await layout();
  t.same(before.migrations, ['20260101000000_areas']);
  t.same(before.indexes.map((i: { indexname: string }) => i.indexname), ['greenspace_areas_edition_id_country_code_index', 'greenspace_areas_edition_id_region_code_index', 'greenspace_areas_pkey']);
  await migrateDataset(knex, 'greenspace', join(ROOT, 'datasets/greenspace'), ['areas']);
  t.same(await layout(), before, 'the generated migration is the one recorded: nothing runs again');
  await rollbackDataset(knex, 'greenspace', join(ROOT, 'datasets/greenspace'));
  t.notOk(await knex.schema.hasTable('greenspace_areas'), 'and it rolls back');
  await migrateDataset(knex, 'greenspace', join(ROOT, 'datasets/greenspace'), ['areas']);
  t.same(await layout(), before, 'a fresh database gets the same layout');
});
