// The boundaries answers against what /openapi.json documents (the /locate answer is written by
// hand: every kind of it is checked on the real boundaries and the real ONSPD sample), large
// answers compressed when the client accepts it, paging of every list, and hostile input.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { documentedAnswer } from '../../../test/helpers/openapi.ts';
import { csvRecords } from '../../../test/helpers/conformance.ts';
import { encodeCursor } from '../../../core/contract.ts';

const COLLECTIONS = ['countries', 'nhs_regions', 'icbs', 'health_boards', 'london_boroughs'];

t.test('boundaries answers', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['postcodes', 'boundaries'], imports: ['postcodes', 'boundaries'] });
  const get = async (url: string) => {
    const res = await app.inject(url);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const rows = ['ONSPD_sample.csv', 'ONSPD_supplement_from_postcodes_io_examples.csv'].flatMap(
    (f) => parse(readFileSync(join(dataDir(), 'onspd', f)), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[],
  );

  t.test('every answer validates against its documented schema', async (t) => {
    const collections = await documentedAnswer(app, 'GET', '/v1/boundaries/collections');
    const collection = await documentedAnswer(app, 'GET', '/v1/boundaries/collections/{collection}');
    const items = await documentedAnswer(app, 'GET', '/v1/boundaries/collections/{collection}/items');
    const item = await documentedAnswer(app, 'GET', '/v1/boundaries/collections/{collection}/items/{code}');
    const locate = await documentedAnswer(app, 'GET', '/v1/boundaries/locate');
    const invalid: string[] = [];
    const check = (what: string, errors: unknown[]) => errors.length && invalid.push(`${what}: ${JSON.stringify(errors.slice(0, 2))}`);

    check('/collections', collections(await get('/v1/boundaries/collections')));
    let features = 0;
    for (const c of COLLECTIONS) {
      check(c, collection(await get(`/v1/boundaries/collections/${c}`)));
      for (const light of ['', '&precision=4&simplify=200']) {
        let url: string | null = `/v1/boundaries/collections/${c}/items?limit=10${light}`;
        while (url) {
          const page = await get(url);
          check(url, items(page));
          for (const f of page.features as { id: string }[]) {
            check(`${c}/${f.id}`, item(await get(`/v1/boundaries/collections/${c}/items/${f.id}?${light.slice(1)}`)));
            features++;
          }
          url = page.next;
        }
      }
    }
    t.equal(features, 2 * 93, 'every feature of every collection, full and light');

    // The hand-written /locate answer, of every kind: points on a grid over the UK and around it
    // (in several areas, in one, at sea), and postcodes of the sample with coordinates
    // (a sample of them, found and terminated), through the postcode directory.
    let points = 0;
    const seen = { found: 0, nowhere: 0, london: 0, wales: 0 };
    for (let lat = 49.5; lat <= 61; lat += 0.25)
      for (let lon = -8.5; lon <= 2; lon += 0.25) {
        const answer = await get(`/v1/boundaries/locate?lat=${lat}&lon=${lon}`);
        check(`locate ${lat},${lon}`, locate(answer));
        seen[answer.found ? 'found' : 'nowhere']++;
        points++;
      }
    for (const [lat, lon] of [[51.5226, -0.1207], [51.48, -3.18], [-33.9, 151.2]]) {
      const answer = await get(`/v1/boundaries/locate?lat=${lat}&lon=${lon}`);
      check(`locate ${lat},${lon}`, locate(answer));
      if (answer.by_level.london_borough) seen.london++;
      if (answer.by_level.health_board) seen.wales++;
    }
    const placed = rows.filter((r, i) => r.lat && r.lat !== '99.999999' && i % 10 === 0);
    const statuses = new Set<string>();
    for (const r of placed) {
      const answer = await get(`/v1/boundaries/locate?postcode=${encodeURIComponent(r.pcds)}`);
      check(`locate ${r.pcds}`, locate(answer));
      statuses.add(answer.postcode.status);
    }
    t.same(invalid.slice(0, 5), [], `${points + 3} points and ${placed.length} postcodes: each answer as documented`);
    t.ok(seen.found > 100 && seen.nowhere > 100 && seen.london && seen.wales, `answers of every kind (${JSON.stringify(seen)})`);
    t.same([...statuses].sort(), ['found', 'terminated'], 'found and terminated postcodes');
  });

  t.test('large answers come compressed when the client accepts it', async (t) => {
    for (const url of [
      '/v1/boundaries/collections/icbs/items?limit=1000',
      '/v1/boundaries/collections/icbs/items.geojson?limit=1000&precision=4&simplify=200',
      '/v1/boundaries/collections/countries/items/E92000001',
      '/v1/boundaries/collections/london_boroughs/items?bbox=-0.2,51.45,-0.05,51.55',
      '/v1/boundaries/areas?fields=code,geometry&limit=1000',
    ]) {
      const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      t.equal(plain.statusCode, 200, url);
      t.notOk(plain.headers['content-encoding'], `${url}: identity when asked for`);
      t.ok(plain.rawPayload.length > 4096, `${url}: ${plain.rawPayload.length} bytes`);
      for (const [coding, inflate] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
        for (const accept of [coding, `${coding === 'br' ? 'gzip;q=0' : 'br;q=0'}, ${coding}`]) {
          const res = await app.inject({ url, headers: { 'accept-encoding': accept } });
          t.equal(res.headers['content-encoding'], coding, `${url}, Accept-Encoding: ${accept}`);
          t.match(String(res.headers.vary), /accept-encoding/i);
          t.ok(res.rawPayload.length < plain.rawPayload.length / 2, `${coding}: ${res.rawPayload.length} of ${plain.rawPayload.length} bytes`);
          t.equal(inflate(res.rawPayload).toString('utf8'), plain.body, `${coding} inflates to the plain answer`);
        }
      }
    }
    const none = await app.inject('/v1/boundaries/collections/icbs/items?limit=1000');
    t.notOk(none.headers['content-encoding'], 'no Accept-Encoding: plain');
    t.match(none.headers['content-type'], /^application\/geo\+json/);
  });

  t.test('lists without limit= give their documented default page, and page on', async (t) => {
    for (const c of COLLECTIONS) {
      const [page, download] = await Promise.all([get(`/v1/boundaries/collections/${c}/items`), get(`/v1/boundaries/collections/${c}/items.geojson`)]);
      const { feature_count } = await get(`/v1/boundaries/collections/${c}`);
      t.equal(page.numberReturned, Math.min(100, feature_count), `${c}: the default page (100) holds all ${feature_count}`);
      t.equal(page.next, null);
      t.same(download.features, page.features, `${c}: items.geojson is the same answer`);
    }
    // The one list longer than a default page: the hospital cross-check (one row per hospital).
    const first = await get('/v1/boundaries/hospital_checks');
    t.equal(first.limit, 100);
    t.equal(first.items.length, 100);
    t.ok(first.total > 300, `${first.total} hospital checks`);
    const codes: string[] = [];
    let url: string | null = '/v1/boundaries/hospital_checks';
    while (url) {
      const page = await get(url);
      codes.push(...page.items.map((r: { ods_code: string }) => r.ods_code));
      url = page.next;
    }
    t.equal(codes.length, first.total, 'the next links reach every row');
    t.equal(new Set(codes).size, codes.length, 'each once');
    t.same(codes, [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'in key order');
    const csv = await app.inject('/v1/boundaries/hospital_checks.csv');
    t.equal(csvRecords(csv.body), first.total, 'the CSV without limit= is the whole table');
    t.equal(csvRecords((await app.inject('/v1/boundaries/hospital_checks.csv?limit=150')).body), 150, 'with limit=, that many');
    const areas = await app.inject('/v1/boundaries/areas.csv');
    t.equal(csvRecords(areas.body), 93, 'every area');
  });

  t.test('cursors: only those of next links', async (t) => {
    const base = '/v1/boundaries/collections/icbs/items?limit=5';
    const first = await get(base);
    t.same((await get(`${base}&cursor=${encodeCursor([null])}`)).features, first.features, 'a null cursor starts at the beginning');
    const past = await get(`${base}&cursor=${encodeCursor(['ZZZ'])}`);
    t.same([past.numberReturned, past.next], [0, null], 'a cursor past the end: an empty last page');
    for (const cursor of ['zzz', '%00', encodeCursor([5]), encodeCursor(['a', 'b']), encodeCursor(['\u0000']), encodeCursor([{}]), Buffer.from('{"a":1}').toString('base64url'), 'x'.repeat(5000)]) {
      const res = await app.inject(`${base}&cursor=${cursor}`);
      t.equal(res.statusCode, 400, `cursor ${cursor.slice(0, 30)}`);
      t.match(res.headers['content-type'], /^application\/problem\+json/);
    }
  });

  t.test('hostile parameters are 400 problems', async (t) => {
    for (const url of [
      '/v1/boundaries/locate?lat=1e309&lon=0',
      '/v1/boundaries/locate?lat=51&lon=-Infinity',
      '/v1/boundaries/locate?postcode=%00',
      '/v1/boundaries/locate?postcode=SW1A%001AA',
      '/v1/boundaries/collections/icbs/items?limit=1e309',
      '/v1/boundaries/collections/icbs/items?limit=9007199254740993',
      '/v1/boundaries/collections/icbs/items?simplify=Infinity',
      '/v1/boundaries/collections/icbs/items?bbox=NaN,50,1,52',
      '/v1/boundaries/collections/icbs/items?bbox=-1e400,50,1,52',
      '/v1/boundaries/collections/icbs/items?bbox=%00',
      '/v1/boundaries/collections/icbs%00/items',
      '/v1/boundaries/collections/icbs/items/E54%00',
      '/v1/boundaries/collections/icbs/items?edition=%00',
    ]) {
      const res = await app.inject(url);
      t.equal(res.statusCode, 400, url);
      t.match(res.headers['content-type'], /^application\/problem\+json/, url);
    }
  });
});
