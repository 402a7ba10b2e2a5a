// Imports never serve half a dataset: a bad row, a missing column or a killed process leaves the
// edition served before untouched; a good import switches over atomically; old editions retire.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runImport, ImportFailed } from '../core/imports/run.ts';
import { failStaleRuns } from '../core/catalogue/status.ts';
import { migrateDataset } from '../core/db/migrate.ts';
import { testPlatform, dataDir, ROOT } from './helpers/platform.ts';

const source = join(dataDir(), 'greenspace/access_to_green_space.csv');
const lines = readFileSync(source, 'utf8').split('\r\n');
const tmp = mkdtempSync(join(tmpdir(), 'imports-test-'));
const variant = (name: string, edit: (ls: string[]) => string[]) => {
  const path = join(tmp, name);
  writeFileSync(path, edit([...lines]).join('\r\n'));
  return path;
};

t.test('a failed import leaves the served edition complete', async (t) => {
  const { platform, app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  const before = (await app.inject('/v1/greenspace/areas?limit=1')).json();
  t.equal(before.total, lines.length - 2);

  // Line 40 of the file: a count that is not a number.
  const broken = variant('broken-row.csv', (ls) => {
    const cells = ls[39].split(',');
    cells[7] = 'many';
    ls[39] = cells.join(',');
    return ls;
  });
  const err = await runImport(platform, { datasetId: 'greenspace', trigger: 'test', sources: [broken] }).catch((e) => e);
  t.type(err, ImportFailed);
  t.equal(err.detail.line, 40, 'names the line');
  t.equal(err.detail.field, 'houses_with_outdoor_space_count', 'names the field');
  t.match(err.detail.file, /broken-row\.csv$/, 'names the file');
  t.match(err.message, /"many" is not a number/);

  const negative = variant('negative.csv', (ls) => {
    const cells = ls[10].split(',');
    cells[6] = '-5';
    ls[10] = cells.join(',');
    return ls;
  });
  const schemaErr = await runImport(platform, { datasetId: 'greenspace', trigger: 'test', sources: [negative] }).catch((e) => e);
  t.match(schemaErr.message, /line 11.*houses_address_count must be >= 0/, 'schema validation names line, field and reason');

  const missing = variant('missing-column.csv', (ls) => ls.map((l) => l.split(',').slice(1).join(',')));
  const colErr = await runImport(platform, { datasetId: 'greenspace', trigger: 'test', sources: [missing] }).catch((e) => e);
  t.match(colErr.message, /required column\(s\) missing: country code/);

  const after = (await app.inject('/v1/greenspace/areas?limit=1')).json();
  t.equal(after.total, before.total, 'still every row');
  t.equal(after.edition.id, before.edition.id, 'still the same edition');
  const runs = (await app.inject('/catalogue/greenspace/imports')).json().imports;
  t.same(runs.slice(0, 3).map((r: { status: string }) => r.status), ['failed', 'failed', 'failed']);
  t.equal(runs[2].error.line, 40);
  const entry = (await app.inject('/catalogue/greenspace')).json();
  t.equal(entry.status.state, 'ready');
  t.ok(entry.status.last_import_failed, 'the catalogue says the last import failed');
});

t.test('two rows with one key fail the import clearly; the edition stays served', async (t) => {
  const { platform, app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  const before = (await app.inject('/v1/greenspace/areas?limit=1')).json();
  const twice = variant('duplicate-row.csv', (ls) => [...ls.slice(0, 41), ls[40], ...ls.slice(41)]);
  const err = await runImport(platform, { datasetId: 'greenspace', trigger: 'test', sources: [twice] }).catch((e) => e);
  t.type(err, ImportFailed);
  t.match(err.message, /more than one row has the key lad_code E\d{8}/);
  t.equal(err.detail.field, 'lad_code');
  const after = (await app.inject('/v1/greenspace/areas?limit=1')).json();
  t.same([after.edition.id, after.total], [before.edition.id, before.total], 'the previous edition is still served, complete');
});

t.test('a new edition switches over and old editions retire', async (t) => {
  const { platform, app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  const renamed = variant('renamed.csv', (ls) => ls.map((l) => l.replace(',York,', ',City of York,')));
  const second = await runImport(platform, { datasetId: 'greenspace', trigger: 'test', sources: [renamed] });
  const york = (await app.inject('/v1/greenspace/areas?lad_code=E06000014')).json();
  t.equal(york.edition.id, second.editionId, 'serves the new edition');
  t.same(york.items.map((i: { lad_name: string }) => i.lad_name), ['City of York']);
  const third = await runImport(platform, { datasetId: 'greenspace', trigger: 'test' });
  const first = third.editionId - 2;
  t.equal((await app.inject(`/v1/greenspace/areas?edition=${first}`)).statusCode, 404, 'edition beyond keep_editions retired');
  const prev = (await app.inject(`/v1/greenspace/areas?edition=${second.editionId}&lad_code=E06000014`)).json();
  t.same(prev.items.map((i: { lad_name: string }) => i.lad_name), ['City of York'], 'the previous edition stays readable with edition=');
  const { count } = (await platform.knex('greenspace_areas').where({ edition_id: first }).count({ count: '*' }))[0];
  t.equal(Number(count), 0, 'retired rows deleted');
  t.same(await partitions(platform), [`greenspace_areas_e${second.editionId}`, `greenspace_areas_e${third.editionId}`].sort(), 'one partition per kept edition; the retired one dropped');
});

const partitions = async (platform: Awaited<ReturnType<typeof testPlatform>>['platform']) =>
  (
    await platform.knex.raw(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'greenspace_areas'::regclass ORDER BY 1`)
  ).rows.map((r: { relname: string }) => r.relname);

t.test('a table from before partitioning is partitioned in place, its editions kept and later retired', async (t) => {
  const { platform, app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  const served = (await app.inject('/v1/greenspace/areas?limit=1000')).json();
  // Rebuild the table as an ordinary one, as migrations made it before partitioning.
  await platform.knex.raw(`CREATE TABLE greenspace_areas_old AS SELECT * FROM greenspace_areas`);
  await platform.knex.raw(`DROP TABLE greenspace_areas`);
  await platform.knex.raw(`ALTER TABLE greenspace_areas_old RENAME TO greenspace_areas`);
  await platform.knex.raw(`ALTER TABLE greenspace_areas ADD CONSTRAINT greenspace_areas_pkey PRIMARY KEY (edition_id, lad_code)`);
  await platform.knex.raw(`CREATE INDEX greenspace_areas_edition_id_lad_name_index ON greenspace_areas (edition_id, lad_name)`);
  const dataset = platform.dataset('greenspace')!;
  await migrateDataset(platform.knex, dataset.id, dataset.dir, ['areas']);
  const kind = (await platform.knex.raw(`SELECT relkind FROM pg_class WHERE oid = 'greenspace_areas'::regclass`)).rows[0].relkind;
  t.equal(kind, 'p', 'the table is partitioned by edition');
  t.same(await partitions(platform), ['greenspace_areas_legacy'], 'the old rows became one partition, not copied');
  const indexes = (await platform.knex.raw(`SELECT indexname FROM pg_indexes WHERE tablename = 'greenspace_areas' ORDER BY 1`)).rows.map((r: { indexname: string }) => r.indexname);
  t.same(indexes, ['greenspace_areas_edition_id_lad_name_index', 'greenspace_areas_pkey'], 'indexes keep their names');
  t.same((await app.inject('/v1/greenspace/areas?limit=1000')).json().items, served.items, 'the same rows are served');
  t.equal(await migrateDataset(platform.knex, dataset.id, dataset.dir, ['areas']).then(() => 'again'), 'again', 'converting again is a no-op');

  const second = await runImport(platform, { datasetId: 'greenspace', trigger: 'test' });
  const third = await runImport(platform, { datasetId: 'greenspace', trigger: 'test' });
  t.same(await partitions(platform), [`greenspace_areas_e${second.editionId}`, `greenspace_areas_e${third.editionId}`].sort(), 'the legacy partition went with its retired edition');
  t.equal((await app.inject('/v1/greenspace/areas?limit=1')).json().total, served.total, 'the current edition is complete');
});

t.test('a killed import process leaves the served edition untouched', async (t) => {
  const { platform, app, url } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  // A large synthetic file in the same layout, so the import is still running when it is killed.
  const [h1, h2] = lines;
  const big = join(tmp, 'big.synthetic.csv');
  const rows = Array.from({ length: 400_000 }, (_, i) => `E92000001,England,E12999999,Synthetic Region,E${String(60000000 + i)},Synthetic ${i},10,9,900,0.9,100,90,5,2,50,1,0.4,25,2,15,11,950,0.73,86.4`);
  writeFileSync(big, [h1, h2, ...rows].join('\r\n'));
  const catalogueFile = join(tmp, 'catalogue.yaml');
  writeFileSync(catalogueFile, `datasets:\n  - id: greenspace\n    path: ${join(ROOT, 'datasets/greenspace')}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'core/bin/catalogue.ts'), 'import', 'greenspace', '--source', big], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CATALOGUE_FILE: catalogueFile, CATALOGUE_DATA_DIR: dataDir() },
    stdio: 'ignore',
  });
  let run: { status: string; rows: number } | undefined;
  for (let i = 0; i < 600; i++) {
    run = await platform.knex('catalogue.import_runs').where({ trigger: 'cli' }).first();
    if (run && run.rows > 0) break;
    await sleep(50);
  }
  t.ok(run && run.rows > 0, 'the import was writing rows');
  child.kill('SIGKILL');
  await new Promise((done) => child.on('exit', done));
  await sleep(500);
  const served = (await app.inject('/v1/greenspace/areas?limit=1')).json();
  t.equal(served.total, lines.length - 2, 'the served edition is complete and unchanged');
  const { n } = (await platform.knex('greenspace_areas').count({ n: '*' }))[0];
  t.equal(Number(n), lines.length - 2, 'no rows of the killed import remain');
  t.equal(await failStaleRuns(platform.knex, 0), 1, 'the interrupted run is marked failed');
  const entry = (await app.inject('/catalogue/greenspace')).json();
  t.equal(entry.status.state, 'ready');
  t.match(entry.status.last_import_failed.error.reason, /stopped/);
});
