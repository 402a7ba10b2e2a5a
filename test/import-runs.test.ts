// Import runs always end: a missing source fails at once, naming the file, with a non-zero exit; a
// run whose process was killed is shown failed once its heartbeat stops, is marked failed by the
// next import, and never names an edition that did not commit; a CSV row that lost a field fails.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runImport, ImportFailed } from '../core/imports/run.ts';
import { testPlatform, dataDir, ROOT } from './helpers/platform.ts';

const tmp = mkdtempSync(join(tmpdir(), 'import-runs-'));
const catalogueFile = join(tmp, 'catalogue.yaml');
writeFileSync(catalogueFile, `datasets:\n  - id: greenspace\n    path: ${join(ROOT, 'datasets/greenspace')}\n`);

/** `npm run catalogue -- import greenspace …` as a child process. */
function cli(url: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'core/bin/catalogue.ts'), 'import', 'greenspace', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CATALOGUE_FILE: catalogueFile, CATALOGUE_DATA_DIR: dataDir(), CATALOGUE_DOWNLOADS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exit, output: () => out };
}

t.test('a missing or misspelt source fails at once, naming the file, with a non-zero exit', async (t) => {
  const { platform, url } = await testPlatform(t, { datasets: ['greenspace'] });
  const misspelt = join(tmp, 'acess_to_green_space.csv');
  const byPath = cli(url, ['--source', misspelt]);
  t.equal(await byPath.exit, 1, '--source to a file that does not exist: exit 1');
  t.match(byPath.output(), /acess_to_green_space\.csv/, 'the file is named');
  const empty = mkdtempSync(join(tmpdir(), 'empty-data-'));
  const byDataDir = cli(url, [], { CATALOGUE_DATA_DIR: empty });
  t.equal(await byDataDir.exit, 1, 'a data folder without the source: exit 1');
  t.match(byDataDir.output(), /access_to_green_space\.csv/, 'the expected file is named');
  const runs = await platform.knex('catalogue.import_runs').orderBy('id');
  t.same(runs.map((r) => r.status), ['failed', 'failed'], 'both runs ended as failed, none left running');
  t.match(runs[0].error.file, /acess_to_green_space\.csv/);
});

t.test('a killed import is shown failed when its heartbeat stops, swept by the next import, and names no edition', async (t) => {
  const heartbeat = { IMPORT_HEARTBEAT_MS: '200' };
  const { platform, app, url } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'], env: heartbeat });
  const [h1, h2] = readFileSync(join(dataDir(), 'greenspace/access_to_green_space.csv'), 'utf8').split('\r\n');
  const big = join(tmp, 'big.synthetic.csv');
  const rows = Array.from({ length: 400_000 }, (_, i) => `E92000001,England,E12999999,Synthetic Region,E${String(60000000 + i)},Synthetic ${i},10,9,900,0.9,100,90,5,2,50,1,0.4,25,2,15,11,950,0.73,86.4`);
  writeFileSync(big, [h1, h2, ...rows].join('\r\n'));
  const { child, exit } = cli(url, ['--source', big], heartbeat);
  let running = false;
  for (let i = 0; i < 600 && !running; i++) {
    const run = await platform.knex('catalogue.import_runs').where({ trigger: 'cli' }).first();
    running = Boolean(run && run.rows > 0);
    if (!running) await sleep(50);
  }
  t.ok(running, 'the import was writing rows');
  t.equal((await app.inject('/catalogue/greenspace')).json().status.state, 'importing', 'shown importing while it runs');
  child.kill('SIGKILL');
  await exit;
  await sleep(2000); // more than 6 heartbeats of 200 ms
  const entry = (await app.inject('/catalogue/greenspace')).json();
  t.equal(entry.status.state, 'ready', 'no longer shown importing');
  t.match(entry.status.last_import_failed.error.reason, /stopped/, 'but as a failed import');
  const [killed] = (await app.inject('/catalogue/greenspace/imports')).json().imports.filter((r: { trigger: string }) => r.trigger === 'cli');
  t.equal(killed.status, 'failed', 'the run is listed failed');

  await runImport(platform, { datasetId: 'greenspace', trigger: 'test' });
  const row = await platform.knex('catalogue.import_runs').where({ id: killed.id }).first();
  t.equal(row.status, 'failed', 'the next import marked it failed in the database');
  t.equal(row.edition_id, null, 'it names no edition');
  const orphans = await platform.knex('catalogue.import_runs as r').leftJoin('catalogue.editions as e', 'e.id', 'r.edition_id').whereNotNull('r.edition_id').whereNull('e.id');
  t.same(orphans, [], 'no run points at an edition that does not exist');
  t.same(await platform.knex('catalogue.import_runs').where({ status: 'running' }), [], 'no run left running');
});

t.test('a CSV row that lost a field fails the import, naming the line', async (t) => {
  const { platform } = await testPlatform(t, { datasets: ['greenspace'] });
  const lines = readFileSync(join(dataDir(), 'greenspace/access_to_green_space.csv'), 'utf8').split('\r\n');
  lines[29] = lines[29].split(',').slice(0, -1).join(','); // line 30 loses its last field
  const short = join(tmp, 'short-row.csv');
  writeFileSync(short, lines.join('\r\n'));
  const err = await runImport(platform, { datasetId: 'greenspace', trigger: 'test', sources: [short] }).catch((e) => e);
  t.type(err, ImportFailed);
  t.equal(err.detail.line, 30, 'names the line');
  t.match(err.message, /field is missing/);
});
