// Importing the ONSPD: the published layouts (per-area CSVs, the zip) and files that must be refused,
// each leaving the edition served before untouched. Test files are cut from the real sample.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runImport, ImportFailed } from '../../../core/imports/run.ts';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const text = readFileSync(join(dataDir(), 'onspd/ONSPD_sample.csv'), 'utf8');
const [header, ...rows] = text.trim().split('\n');
const columns = header.split(',');
const pcdsOf = (row: string) => row.split(',')[columns.indexOf('pcds')];
const areaOf = (row: string) => /^[A-Z]+/.exec(pcdsOf(row))![0];

t.test('postcodes: published layouts and refused files', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'] });
  const dir = mkdtempSync(join(tmpdir(), 'onspd-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const probe = rows.find((r) => !r.split(',')[columns.indexOf('doterm')])!;
  const served = async () => {
    const res = await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(pcdsOf(probe))}`);
    t.equal(res.statusCode, 200, 'still served');
    return res.json().edition.id as number;
  };
  const before = await served();

  t.test('a broken row fails the import naming file, line and field; the edition stays served', async (t) => {
    const lines = [header, ...rows.slice(0, 500)];
    const cells = lines[300].split(',');
    cells[columns.indexOf('lat')] = 'north';
    lines[300] = cells.join(',');
    const file = join(dir, 'broken.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const err = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] }).catch((e) => e);
    t.type(err, ImportFailed);
    t.equal(err.detail.line, 301, 'names the line');
    t.equal(err.detail.field, 'lat', 'names the field');
    t.match(err.detail.reason, /lat must be number.*"north"/);
    t.match(err.detail.file, /broken\.csv/);
    t.equal(await served(), before, 'the previous edition is still the current one');
  });

  t.test('a row with missing fields fails clearly', async (t) => {
    const file = join(dir, 'short.csv');
    writeFileSync(file, [header, ...rows.slice(0, 20), rows[20].split(',').slice(0, 10).join(',')].join('\n') + '\n');
    const err = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] }).catch((e) => e);
    t.type(err, ImportFailed);
    t.equal(err.detail.line, 22);
    t.match(err.detail.reason, /row has 10 fields, the header 52/);
    t.equal(await served(), before);
  });

  t.test('a file lacking a required column is refused', async (t) => {
    const drop = columns.indexOf('lsoa11');
    const cut = (line: string) => line.split(',').filter((_, i) => i !== drop).join(',');
    const file = join(dir, 'no-lsoa11.csv');
    writeFileSync(file, [cut(header), ...rows.slice(0, 20).map(cut)].join('\n') + '\n');
    const err = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] }).catch((e) => e);
    t.type(err, ImportFailed);
    t.match(err.detail.reason, /required column\(s\) missing: lsoa11/);
    t.equal(await served(), before);
  });

  t.test('a schema violation (pattern) is refused with the row named', async (t) => {
    const cells = rows[5].split(',');
    cells[columns.indexOf('ctry')] = 'Scotland';
    const file = join(dir, 'bad-code.csv');
    writeFileSync(file, [header, ...rows.slice(0, 5), cells.join(','), ...rows.slice(6, 10)].join('\n') + '\n');
    const err = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] }).catch((e) => e);
    t.type(err, ImportFailed);
    t.equal(err.detail.line, 7);
    t.equal(err.detail.field, 'ctry');
    t.equal(await served(), before);
  });

  t.test('older column names (pcd, pcd2) and absent optional columns are accepted', async (t) => {
    const keep = ['pcd', 'pcd2', 'pcds', 'dointr', 'doterm', 'oslaua', 'ctry', 'lsoa11', 'lat', 'long'];
    const renamed = columns.map((c) => (c === 'pcd7' ? 'pcd' : c === 'pcd8' ? 'pcd2' : c));
    const idx = keep.map((k) => renamed.indexOf(k));
    const cut = (line: string) => idx.map((i) => line.split(',')[i]).join(',');
    const file = join(dir, 'old-layout.csv');
    writeFileSync(file, [keep.map((k) => ` ${k.toUpperCase()} `).join(','), ...rows.slice(0, 50).map(cut)].join('\r\n') + '\r\n');
    const result = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] });
    t.equal(result.rowCounts.postcodes, 50);
    const body = (await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(pcdsOf(rows[0]))}`)).json();
    t.equal(body.edition.id, result.editionId);
    t.equal(body.record.pcd7, rows[0].split(',')[columns.indexOf('pcd7')]);
    t.equal(body.record.lsoa21, null, 'absent column: null');
    t.equal(body.record.imd, null);
  });

  t.test('quoted fields (as in the published ONSPD) are read', async (t) => {
    const quote = (line: string) => line.split(',').map((v) => `"${v}"`).join(',');
    const file = join(dir, 'quoted.csv');
    const some = rows.slice(0, 200);
    writeFileSync(file, [quote(header), ...some.map(quote)].join('\r\n') + '\r\n');
    const result = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] });
    t.equal(result.rowCounts.postcodes, some.length);
    const row = some[150].split(',');
    const body = (await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(row[columns.indexOf('pcds')])}`)).json();
    t.equal(body.record.pcd8, row[columns.indexOf('pcd8')]);
    t.equal(body.record.lat, Number(row[columns.indexOf('lat')]));
    t.equal(body.record.lsoa11, row[columns.indexOf('lsoa11')] || null);
  });

  t.test('per-area CSVs (Data/multi_csv) make one edition', async (t) => {
    const areas = [...new Set(rows.map(areaOf))];
    const files: string[] = [];
    mkdirSync(join(dir, 'multi_csv'), { recursive: true });
    for (const a of areas) {
      const file = join(dir, 'multi_csv', `ONSPD_NOV_2099_UK_${a}.csv`);
      writeFileSync(file, [header, ...rows.filter((r) => areaOf(r) === a)].join('\n') + '\n');
      files.push(`onspd=${file}`);
    }
    const result = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: files });
    t.equal(result.rowCounts.postcodes, rows.length, 'every row of every area file');
    const cat = (await app.inject('/catalogue/postcodes')).json();
    t.match(JSON.stringify(cat), /ONSPD Nov 2099/, 'edition label taken from the file name');
  });

  t.test('the published zip: the UK-wide CSV is read, not also the per-area copies', async (t) => {
    const zip = new JSZip();
    zip.file('Documents/readme.txt', 'synthetic test archive');
    zip.file('Data/ONSPD_DEC_2099_UK.csv', [header, ...rows].join('\n') + '\n');
    for (const a of [...new Set(rows.map(areaOf))]) zip.file(`Data/multi_csv/ONSPD_DEC_2099_UK_${a}.csv`, [header, ...rows.filter((r) => areaOf(r) === a)].join('\n') + '\n');
    const file = join(dir, 'ONSPD_DEC_2099.zip');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const result = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] });
    t.equal(result.rowCounts.postcodes, rows.length);
    const res = await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(pcdsOf(probe))}`);
    t.equal(res.json().edition.id, result.editionId, 'the new edition is served');
    t.equal(res.json().edition.label, 'ONSPD Dec 2099');

    const onlyAreas = new JSZip();
    for (const a of [...new Set(rows.map(areaOf))]) onlyAreas.file(`Data/multi_csv/ONSPD_DEC_2099_UK_${a}.csv`, [header, ...rows.filter((r) => areaOf(r) === a)].join('\n') + '\n');
    const file2 = join(dir, 'areas.zip');
    writeFileSync(file2, await onlyAreas.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const result2 = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file2}`] });
    t.equal(result2.rowCounts.postcodes, rows.length, 'a zip of per-area files: all of them');

    const empty = new JSZip();
    empty.file('Documents/readme.txt', 'no data');
    const file3 = join(dir, 'empty.zip');
    writeFileSync(file3, await empty.generateAsync({ type: 'nodebuffer' }));
    const err = await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file3}`] }).catch((e) => e);
    t.type(err, ImportFailed);
    t.match(err.detail.reason, /no ONSPD data CSV/);
  });
});
