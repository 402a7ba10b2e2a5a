// The importer's byte way (fast-row.ts → writeFields) stores exactly what its record way
// (toRecord → write) would: every stored row of the real sample and supplement is compared with
// toRecord of its source line, and unusual rows are shown to take the record way.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { mapHeader, toRecord } from '../onspd.ts';
import { compileRowPlan } from '../fast-row.ts';
import { RECORD_FIELDS } from '../lookup.ts';
import type { CsvRow } from '../../../core/imports/csv-bytes.ts';

const files = ['ONSPD_sample.csv', 'ONSPD_supplement_from_postcodes_io_examples.csv'];

t.test('every stored row equals the record way of its source line', async (t) => {
  const { platform } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'] });
  const edition = await platform.editions.get('postcodes');
  const stored = new Map<string, Record<string, unknown>>();
  for (const r of await platform.knex('postcodes_postcodes').where({ edition_id: edition!.id }).select(RECORD_FIELDS as unknown as string[])) stored.set(r.pcds, r);
  let compared = 0;
  const differ: string[] = [];
  for (const f of files) {
    const [header, ...rows] = parse(readFileSync(join(dataDir(), 'onspd', f)), { bom: true, skip_empty_lines: true }) as string[][];
    const map = mapHeader(header, f);
    rows.forEach((values, i) => {
      const expected = toRecord(values, map, f, i + 2) as unknown as Record<string, unknown>;
      const got = stored.get(expected.pcds as string);
      compared++;
      if (!got || RECORD_FIELDS.some((k) => (got[k] ?? null) !== (expected[k] ?? null))) differ.push(`${f}:${i + 2} ${expected.pcds}`);
    });
  }
  t.equal(compared, stored.size, 'one stored row per source row');
  t.same(differ.slice(0, 5), [], `${compared} rows compared field by field`);
});

/** A row as scanCsv gives it (synthetic values). */
function rowOf(values: string[]): CsvRow {
  const buf = Buffer.from(values.join(','));
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let at = 0;
  values.forEach((v, k) => {
    starts[k] = at;
    ends[k] = at += Buffer.byteLength(v);
    at++;
  });
  return { buf, starts, ends, count: values.length, line: 2 };
}

t.test('the byte way: conversions, and rows left to the record way', async (t) => {
  const header = ['pcd7', 'pcds', 'dointr', 'doterm', 'ctry', 'oslaua', 'lsoa11', 'osgrdind', 'lat', 'long', 'oseast1m', 'imd'];
  const columns = ['pcds', 'pcd7', 'outcode', 'dointr', 'doterm', 'ctry', 'oslaua', 'lsoa11', 'osgrdind', 'lat', 'long', 'oseast1m', 'imd'];
  const plan = compileRowPlan(mapHeader(header, 'synthetic.csv'), columns);
  const starts = new Int32Array(columns.length);
  const ends = new Int32Array(columns.length);
  const read = (values: string[]) => {
    const row = rowOf(values);
    if (!plan(row, starts, ends)) return undefined;
    return Object.fromEntries(columns.map((c, k) => [c, starts[k] < 0 || starts[k] === ends[k] ? null : row.buf.toString('utf8', starts[k], ends[k])]));
  };
  const plain = read(['ZZ9 9ZZ', ' ZZ9 9ZZ ', '202001', '', 'E92000001', 'E99999999', 'E01000001', '1', '51.5', '-0.1', '530000', '0']);
  t.same(plain, {
    pcds: 'ZZ9 9ZZ', pcd7: 'ZZ9 9ZZ', outcode: 'ZZ9', dointr: '202001', doterm: null, ctry: 'E92000001', oslaua: null, lsoa11: 'E01000001',
    osgrdind: '1', lat: '51.5', long: '-0.1', oseast1m: '530000', imd: null,
  }, 'blanks trimmed, pseudo-code and imd 0 null, outcode from pcds');
  const noGrid = read(['ZZ9 9ZY', 'ZZ9 9ZY', '202001', '', 'E92000001', 'E06000001', 'E01000001', '9', '99.999999', '0', '', '12']);
  t.same([noGrid?.lat, noGrid?.long, noGrid?.oseast1m, noGrid?.imd], [null, null, null, '12'], 'no grid reference: coordinates null');
  t.equal(read(['zz9 9zz', 'zz9 9zz', '202001', '', 'E92000001', 'E06000001', 'E01000001', '1', '51.5', '-0.1', '1', '1']), undefined, 'lower case: record way');
  t.equal(read(['ZZ99ZZ', 'ZZ99ZZ', '202001', '', 'E92000001', 'E06000001', 'E01000001', '1', '51.5', '-0.1', '1', '1']), undefined, 'no space: record way');
  t.equal(read(['', 'ZZ9 9ZZ', '202001', '', 'E92000001', 'E06000001', 'E01000001', '1', '51.5', '-0.1', '1', '1']), undefined, 'no pcd7: record way');
  const withoutPcd7 = compileRowPlan(mapHeader(header.slice(1), 'synthetic.csv'), columns);
  t.notOk(withoutPcd7(rowOf(['ZZ9 9ZZ', '202001', '', 'E92000001', 'E06000001', 'E01000001', '1', '51.5', '-0.1', '1', '1']), starts, ends), 'a layout without pcd7: record way (it derives pcd7)');
});
