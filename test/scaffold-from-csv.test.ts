// What `catalogue new --from` proposes for the shapes contributed CSVs take (synthetic files:
// another delimiter and encoding, thousands separators, null tokens, leading zeros, a row-number
// column, a key of two columns, a two-row header), and that each proposal validates and imports
// its file with no edit.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { scaffoldDataset } from '../core/scaffold.ts';
import { validateProject } from '../core/validate.ts';
import { runImport } from '../core/imports/run.ts';
import { testPlatform } from './helpers/platform.ts';

const data = mkdtempSync(join(tmpdir(), 'scaffold-csv-'));
t.teardown(() => rmSync(data, { recursive: true, force: true }));
const catalogueFile = join(data, 'catalogue.yaml');
writeFileSync(catalogueFile, 'datasets: []\nsettings: { max_limit: 1000 }\n');

async function scaffold(id: string, file: string, content: string | Buffer, extra: { headerRows?: number } = {}) {
  writeFileSync(join(data, file), content);
  const made = await scaffoldDataset({ id, catalogueFile, from: join(data, file), dataDir: data, ...extra });
  const read = (f: string) => readFileSync(join(made.dir, f), 'utf8');
  const manifest = parseYaml(read('dataset.yaml'));
  const schema = JSON.parse(read(`schemas/${manifest.tables[0].name}.json`));
  return { made, manifest, schema, table: manifest.tables[0] };
}

t.test('proposals for several shapes of CSV', async (t) => {
  const wide = await scaffold(
    'zz-wide',
    'wide.csv',
    Buffer.from(
      'ObjectId;Area code;Area name;Population;Rate;Flag;Region code\r\n' +
        '1;W06000001;Ynys Môn;"69,961";0.5;Y;01\r\n' +
        '2;W06000002;Gwynedd;124178;n/a;N;01\r\n' +
        '3;W06000003;Conwy;117,181;0.25;Y;02\r\n',
      'latin1',
    ),
  );
  t.match(wide.manifest.sources[0], { files: ['wide.csv'], csv: { encoding: 'windows-1252', delimiter: ';' } }, 'encoding and delimiter detected');
  t.same(wide.table.primary_key, ['area_code'], 'the GSS code column is the key (ObjectId only numbers the rows)');
  t.notOk('objectid' in wide.schema.properties, 'the row-number column is left out');
  t.same(wide.table.name, 'areas');
  t.match(wide.schema.properties, {
    area_code: { type: 'string', pattern: '^W06[0-9]{6}$' },
    population: { type: 'integer' },
    rate: { type: ['number', 'null'] },
    flag: { type: 'boolean' },
    region_code: { type: 'string' },
  });
  t.same(wide.table.columns.rate, { column: 'Rate', nulls: ['', 'n/a'] }, 'the null token of a numeric column');

  const long = await scaffold(
    'zz-long',
    'long.csv',
    'area_code,index_domain,rank\nE06999901,imd,1\nE06999901,income,2\nE06999902,imd,3\nE06999902,income,4\n',
  );
  t.same(long.table.primary_key, ['area_code', 'index_domain'], 'a key of two columns when no column is unique');
  t.equal(long.table.name, 'records');

  const grouped = await scaffold(
    'zz-grouped',
    'grouped.csv',
    'Code,Houses,,Flats,\n,Count,Share,Count,Share\nE06999901,10,0.5,20,0.25\nE06999902,30,0.75,40,1\n',
    { headerRows: 2 },
  );
  t.same(grouped.manifest.sources[0].csv, { header_rows: 2 });
  t.same(Object.values(grouped.table.columns), ['code', 'houses / count', 'houses / share', 'flats / count', 'flats / share'], 'grouped names');
  t.same(Object.keys(grouped.table.columns), ['code', 'houses_count', 'houses_share', 'flats_count', 'flats_share']);

  await t.rejects(scaffold('zz-nokey', 'nokey.csv', 'a,b\nx,y\nx,y\n'), /no column, and no pair of columns, is unique and filled on every row/);
  await t.rejects(scaffold('zz-empty', 'empty.csv', 'a,b\n'), /has a header but no rows/);

  t.test('each validates and imports its file as proposed', async (t) => {
    const ids = ['zz-wide', 'zz-long', 'zz-grouped'];
    t.equal(readFileSync(catalogueFile, 'utf8'), 'datasets:\n  - id: zz-wide\n  - id: zz-long\n  - id: zz-grouped\nsettings: { max_limit: 1000 }\n', 'an empty list, then one line each');
    const report = await validateProject(catalogueFile, { dataDir: data });
    t.same(report.problems, []);
    const { platform, app } = await testPlatform(t, {
      datasets: [],
      extraDatasets: ids.map((id) => ({ id, path: join(data, 'datasets', id) })),
      env: { CATALOGUE_DATA_DIR: data },
    });
    for (const id of ids) {
      const result = await runImport(platform, { datasetId: id, trigger: 'test' });
      t.same(result.warnings, [], `${id}: the proposed checks hold`);
    }
    const [anglesey] = (await app.inject('/v1/zz-wide/areas?area_code=W06000001')).json().items;
    t.same(anglesey, { area_code: 'W06000001', area_name: 'Ynys Môn', population: 69961, rate: 0.5, flag: true, region_code: '01' }, 'decoded, parsed, zeros kept');
    t.equal((await app.inject('/v1/zz-wide/areas/W06000002')).json().item.rate, null);
    t.equal((await app.inject('/v1/zz-long/records?index_domain=income')).json().total, 2);
    t.same((await app.inject('/v1/zz-grouped/areas/E06999902')).json().item, { code: 'E06999902', houses_count: 30, houses_share: 0.75, flats_count: 40, flats_share: 1 });
  });
});
