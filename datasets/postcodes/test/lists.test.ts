// The postcode lists at the real sizes of the sample (8,088 postcodes, 126,575 names): default
// pages and next links to the end, CSV without limit= the whole list, the outcode and nearest
// lists against the source rows, compressed bulk answers, and hostile cursors and parameters.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { testPlatform, dataDir, ROOT } from '../../../test/helpers/platform.ts';
import { csvRecords } from '../../../test/helpers/conformance.ts';
import { encodeCursor, haversineKm } from '../../../core/contract.ts';
import { documentedAnswer } from '../../../test/helpers/openapi.ts';
import { RECORD_FIELDS } from '../lookup.ts';
import { NAMED_FIELDS } from '../names.ts';

type Row = Record<string, string>;
const read = (f: string): Row[] => parse(readFileSync(join(dataDir(), 'onspd', f)), { bom: true, columns: true, skip_empty_lines: true });
const all = [...read('ONSPD_sample.csv'), ...read('ONSPD_supplement_from_postcodes_io_examples.csv')];
const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The names the import keeps: every non-empty name of the name tables the manifest declares. */
function sourceNames(): number {
  const manifest = parseYaml(readFileSync(join(ROOT, 'datasets/postcodes/dataset.yaml'), 'utf8')) as { sources: { name: string; files: string[] }[] };
  const files = manifest.sources.find((s) => s.name === 'geography_names')!.files;
  let n = 0;
  for (const f of files) {
    const table = JSON.parse(readFileSync(join(dataDir(), f), 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
    for (const v of Object.values(table)) {
      const name = typeof v === 'string' ? v : (v as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name.trim() !== '') n++;
    }
  }
  return n;
}

t.test('postcode lists', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'] });
  const get = async (url: string) => {
    const res = await app.inject(url);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  /** Every item of a list, following its next links from `url`; and how many pages that took. */
  const walk = async (url: string, key: (item: Record<string, unknown>) => string) => {
    const keys: string[] = [];
    let pages = 0;
    for (let next: string | null = url; next; pages++) {
      const page = await get(next);
      keys.push(...(page.items as Record<string, unknown>[]).map(key));
      next = page.next;
    }
    return { keys, pages };
  };

  t.test('the directory: default pages of 100 reach every postcode; the CSV without limit= is all of it', async (t) => {
    const expected = all.map((r) => r.pcds).sort(bytewise);
    const first = await get('/v1/postcodes/postcodes');
    t.same([first.total, first.limit, first.items.length], [expected.length, 100, 100], `${expected.length} postcodes, 100 a page by default`);
    const { keys, pages } = await walk('/v1/postcodes/postcodes', (i) => i.pcds as string);
    t.same(keys, expected, `${pages} pages: every postcode once, in order`);
    const csv = await app.inject('/v1/postcodes/postcodes.csv?fields=pcds');
    t.same((parse(csv.body, { columns: true }) as Row[]).map((r) => r.pcds), expected, 'the CSV: every postcode');
    t.equal(csvRecords((await app.inject('/v1/postcodes/postcodes.csv?limit=250')).body), 250, 'with limit=, that many');
    const scots = all.filter((r) => r.ctry === 'S92000003').length;
    t.equal(csvRecords((await app.inject('/v1/postcodes/postcodes.csv?ctry=S92000003')).body), scots, `filtered: all ${scots} Scottish postcodes`);
  });

  t.test('names: JSON pages to the end, and the whole table as CSV', async (t) => {
    const expected = sourceNames();
    const first = await get('/v1/postcodes/names');
    t.same([first.total, first.items.length], [expected, 100], `${expected} names, 100 a page by default`);
    const second = await get(first.next);
    t.ok(bytewise(`${second.items[0].field} ${second.items[0].code}`, `${first.items[99].field} ${first.items[99].code}`) > 0, 'the next page goes on after the first');
    const { keys, pages } = await walk('/v1/postcodes/names?limit=1000', (i) => `${i.field} ${i.code}`);
    t.equal(keys.length, expected, `${pages} pages of 1,000: every name`);
    t.equal(new Set(keys).size, expected, 'each once');
    t.equal(csvRecords((await app.inject('/v1/postcodes/names.csv')).body), expected, 'the CSV without limit=: every name');
  });

  t.test('an outcode past its default page', async (t) => {
    const ab1 = all.filter((r) => r.pcds.split(' ')[0] === 'AB1').map((r) => r.pcds).sort(bytewise);
    t.ok(ab1.length > 1000, `AB1 has ${ab1.length} postcodes`);
    const first = await get('/v1/postcodes/outcodes/AB1');
    t.same([first.limit, first.items.length, first.total], [100, 100, ab1.length], 'the default page: 100');
    const { keys, pages } = await walk('/v1/postcodes/outcodes/AB1', (i) => i.pcds as string);
    t.same(keys, ab1, `${pages} pages: every postcode of AB1 once, in order`);
    const live = all.filter((r) => r.pcds.split(' ')[0] === 'AB10' && !r.doterm).map((r) => r.pcds).sort(bytewise);
    t.same((await walk('/v1/postcodes/outcodes/AB10?include_terminated=false&limit=50', (i) => i.pcds as string)).keys, live, 'live postcodes only');
  });

  t.test('nearest: the default count, and the distances of the contract', async (t) => {
    const live = all.filter((r) => !r.doterm && r.lat && r.lat !== '99.999999');
    const origin = live.find((r) => r.pcds.startsWith('AB10'))!;
    const [lat, long] = [Number(origin.lat), Number(origin.long)];
    const byDefault = await get(`/v1/postcodes/nearest?lat=${lat}&long=${long}`);
    t.same([byDefault.radius, byDefault.count], [1000, 10], 'radius 1,000 m and 10 postcodes by default');
    const near = await get(`/v1/postcodes/nearest?lat=${lat}&long=${long}&radius=10000&limit=100`);
    const expected = live
      .map((r) => ({ pcds: r.pcds, d: haversineKm(lat, long, Number(r.lat), Number(r.long)) * 1000 }))
      .filter((x) => x.d <= 10000)
      .sort((a, b) => a.d - b.d || bytewise(a.pcds, b.pcds))
      .slice(0, 100);
    t.equal(near.count, 100);
    t.same(new Set(near.items.map((i: { pcds: string }) => i.pcds)), new Set(expected.map((x) => x.pcds)), 'the 100 nearest of the source rows');
    const off = near.items.filter((i: { pcds: string; distance_m: number }) => Math.abs(i.distance_m - expected.find((x) => x.pcds === i.pcds)!.d) > 0.051);
    t.same(off, [], 'each distance is haversineKm × 1,000, to 0.1 m');
  });

  t.test('bulk answers come compressed when the client accepts it', async (t) => {
    const payload = { postcodes: all.slice(0, 1000).map((r) => r.pcds) };
    const plain = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload, headers: { 'accept-encoding': 'identity' } });
    t.notOk(plain.headers['content-encoding']);
    t.ok(plain.rawPayload.length > 100_000, `1,000 results: ${plain.rawPayload.length} bytes`);
    for (const [coding, inflate] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const res = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload, headers: { 'accept-encoding': coding } });
      t.equal(res.headers['content-encoding'], coding);
      t.ok(res.rawPayload.length < plain.rawPayload.length / 5, `${coding}: ${res.rawPayload.length} bytes`);
      t.equal(inflate(res.rawPayload).toString('utf8'), plain.body, `${coding} inflates to the plain answer`);
    }
  });

  t.test('bulk answers are streamed, and what is streamed is the documented answer (JSON and CSV)', async (t) => {
    const inputs = [...all.slice(0, 997).map((r) => r.pcds), 'not a postcode', 'ZZ1 1ZZ', all[1].pcds.toLowerCase().replace(' ', '')];
    const check = await documentedAnswer(app, 'POST', '/v1/postcodes/lookup');
    const res = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload: { postcodes: inputs } });
    t.equal(res.statusCode, 200);
    t.notOk(res.headers['content-length'], 'streamed: no length before the end');
    const body = res.json();
    t.same([body.count, body.results.length], [1000, 1000]);
    t.same(check(body).slice(0, 3), [], '1,000 results validate against the documented schema');
    t.same(body.results.slice(-3).map((r: { status: string }) => r.status), ['invalid', 'not_found', all[1].doterm ? 'terminated' : 'found']);
    const csv = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup?format=csv', payload: { postcodes: inputs } });
    const rows: Row[] = parse(csv.body, { columns: true });
    t.same(Object.keys(rows[0]), ['input', 'postcode', 'status', ...RECORD_FIELDS, ...NAMED_FIELDS.map((f) => `${f}_name`)], 'the documented columns');
    t.equal(rows.length, 1000, 'one row per input');
    const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    type Result = { input: string; postcode: string | null; status: string; record: Record<string, unknown> | null; names: Record<string, string> };
    const flat = (r: Result): Row => ({
      input: r.input,
      postcode: cell(r.postcode),
      status: r.status,
      ...Object.fromEntries(RECORD_FIELDS.map((f) => [f, cell(r.record?.[f])])),
      ...Object.fromEntries(NAMED_FIELDS.map((f) => [`${f}_name`, cell(r.names[f])])),
    });
    const differ = rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(flat(body.results[i])));
    t.equal(differ, -1, 'each CSV row is its JSON result, flattened');
  });

  t.test('cursors and hostile parameters are 400 problems', async (t) => {
    const cursors = ['zzz', '%00', encodeCursor([1]), encodeCursor(['AB1 0AA', 'x']), encodeCursor(['\u0000']), encodeCursor([true]), 'x'.repeat(5000)];
    const urls = [
      ...cursors.map((c) => `/v1/postcodes/outcodes/AB1?cursor=${c}`),
      ...cursors.map((c) => `/v1/postcodes/postcodes?cursor=${c}`),
      '/v1/postcodes/outcodes/AB1?limit=0',
      '/v1/postcodes/outcodes/AB1?limit=1001',
      '/v1/postcodes/outcodes/AB1?limit=1e309',
      '/v1/postcodes/outcodes/AB%001',
      '/v1/postcodes/nearest?lat=Infinity&long=-2',
      '/v1/postcodes/nearest?lat=57&long=1e309',
      '/v1/postcodes/nearest?lat=57&long=-2&radius=10001',
      '/v1/postcodes/nearest?lat=57&long=-2&limit=101',
      '/v1/postcodes/nearest?lat=48.9&long=-2',
      '/v1/postcodes/nearest?lat=57&long=3.1',
      '/v1/postcodes/postcodes/SW1A%001AA',
      '/v1/postcodes/postcodes?limit=9007199254740993',
    ];
    for (const url of urls) {
      const res = await app.inject(url);
      t.equal(res.statusCode, 400, url);
      t.match(res.headers['content-type'], /^application\/problem\+json/, url);
    }
    const start = await get(`/v1/postcodes/outcodes/AB1?cursor=${encodeCursor([null])}`);
    t.equal(start.items[0].pcds, all.map((r) => r.pcds).filter((p) => p.startsWith('AB1 ')).sort(bytewise)[0], 'a null cursor starts at the beginning');
    const past = await get(`/v1/postcodes/outcodes/AB1?cursor=${encodeCursor(['AB1 9ZZ'])}`);
    t.same([past.items.length, past.next], [0, null], 'a cursor past the end: an empty last page');
    for (const payload of [{ postcodes: ['AB1 0AA\u0000'] }, '{"postcodes": [', { postcodes: { a: 1 } }, { postcodes: [], extra: 1 }]) {
      const res = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload, headers: { 'content-type': 'application/json' } });
      t.equal(res.statusCode, 400, JSON.stringify(payload));
      t.match(res.headers['content-type'], /^application\/problem\+json/);
    }
  });
});
