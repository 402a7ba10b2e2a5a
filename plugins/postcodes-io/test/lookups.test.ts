// postcodes.io's single-postcode routes against the real ONSPD sample and supplement, called as
// the audit applications call them (with and without the trailing slash, %20 or no space, any
// case, their API-gateway headers), compared with real postcodes.io answers key for key.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testPlatform } from '../../../test/helpers/platform.ts';
import { documentedAnswer } from '../../../test/helpers/openapi.ts';
import { CLIENT_HEADERS, EXAMPLES, byPostcode, expectedPostcode, nameOf, rows, sample, spellings, type Example } from './sources.ts';

const P = '/postcodes-io';

/** Equal, or the same name spelled with its accents (the ONS name tables now write "Steòrnabhagh", postcodes.io's answer was older). */
const plain = (v: unknown) => (typeof v === 'string' ? v.normalize('NFD').replace(/\p{Diacritic}/gu, '') : v);
const sameName = (a: unknown, b: unknown) => a === b || plain(a) === plain(b);

t.test('postcodes.io: one postcode', async (t) => {
  const { app, url: database } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'], plugins: ['postcodes-io'] });
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ url, headers });
    return { code: res.statusCode, type: String(res.headers['content-type']), body: res.json() };
  };
  const checkPostcode = await documentedAnswer(app, 'GET', `${P}/postcodes/{postcode}`);

  t.test('every answer of the real postcodes.io for a Welsh, Scottish or NI postcode: the same keys and values, null where this data has none', async (t) => {
    for (const [nation, examples] of Object.entries(EXAMPLES)) {
      let compared = 0;
      for (const ex of examples as Example[]) {
        const res = await get(`${P}/postcodes/${encodeURIComponent(ex.query)}`, { 'Ocp-Apim-Subscription-Key': 'key' });
        if (ex.result === null) {
          t.same([res.code, res.body], [404, { status: 404, error: 'Postcode not found' }], `${ex.query}: postcodes.io had no result, neither has this`);
          continue;
        }
        t.equal(res.code, 200, `${ex.query} found`);
        const ours = res.body.result;
        t.same(checkPostcode(res.body), [], 'the answer is as documented');
        const row = byPostcode.get(ex.result.postcode as string)!;
        const expected = expectedPostcode(row);
        const wrong: string[] = [];
        const compare = (key: string, theirs: unknown, mine: unknown, fromFiles: unknown) => {
          if (!(key.replace(/^codes\./, '') in (key.startsWith('codes.') ? ours.codes : ours))) wrong.push(`${key} missing`);
          // this data's value (from the files) is the real one wherever the files have it; null otherwise
          else if (fromFiles === null ? mine !== null : mine !== fromFiles || !sameName(mine, theirs)) wrong.push(`${key}: ${JSON.stringify(mine)}, postcodes.io ${JSON.stringify(theirs)}, files ${JSON.stringify(fromFiles)}`);
        };
        for (const [key, theirs] of Object.entries(ex.result)) if (key !== 'codes') compare(key, theirs, ours[key], expected[key]);
        for (const [key, theirs] of Object.entries(ex.result.codes)) compare(`codes.${key}`, theirs, ours.codes[key], (expected.codes as Record<string, unknown>)[key]);
        t.same(wrong, [], `${nation} ${ex.query}: every key of postcodes.io's answer, with its value`);
        compared++;
      }
      t.ok(compared >= 9, `${nation}: ${compared} postcodes compared`);
    }
  });

  t.test('the values the audits read are there for each nation (country name, 2011 small-area code, coordinates)', async (t) => {
    for (const [pc, country] of [['CF10 1AA', 'Wales'], ['KW1 4AA', 'Scotland'], ['BT30 9QG', 'Northern Ireland'], ['M1 1AD', 'England']]) {
      const { body } = await get(`${P}/postcodes/${pc.replace(' ', '')}`);
      const row = byPostcode.get(pc)!;
      t.equal(body.result.country, country, `${pc} country`);
      t.equal(body.result.codes.lsoa11, row.lsoa11, `${pc} codes.lsoa11`);
      t.equal(body.result.longitude, Number(row.long));
      t.equal(body.result.latitude, Number(row.lat));
    }
    const english = (await get(`${P}/postcodes/M1%201AD`)).body.result;
    t.equal(english.codes.lsoa21, byPostcode.get('M1 1AD')!.lsoa21, 'an English postcode has its lsoa21');
    t.equal(english.lsoa21, nameOf('lsoa21', english.codes.lsoa21), 'and its name');
  });

  t.test('sample postcodes: every key from the files, in every spelling, with and without the slash, with any gateway header', async (t) => {
    const live = sample.filter((r) => !r.doterm);
    const picks = [live[0], live[500], live.find((r) => r.ctry === 'E92000001')!, live.find((r) => r.ctry === 'L93000001') ?? live[1], live.at(-1)!];
    for (const row of picks) {
      const expected = expectedPostcode(row);
      for (const spelling of spellings(row.pcds))
        for (const slash of ['', '/'])
          for (const headers of CLIENT_HEADERS) {
            const res = await get(`${P}/postcodes/${spelling}${slash}`, headers);
            t.equal(res.code, 200, `${spelling}${slash} ${JSON.stringify(headers)}`);
            t.match(res.type, /^application\/json/);
            t.same(res.body, { status: 200, result: expected });
          }
      t.same(Object.keys((await get(`${P}/postcodes/${row.pcds.replace(' ', '')}`)).body.result).slice(0, 6), ['postcode', 'quality', 'eastings', 'northings', 'country', 'nhs_ha'], "postcodes.io's key order");
    }
  });

  t.test('lookups are bound to the directory edition: an ETag, 304 for a current copy, the same bytes again; random draws are not', async (t) => {
    const pc = sample.find((r) => !r.doterm)!.pcds.replace(' ', '%20');
    for (const url of [`${P}/postcodes/${pc}`, `${P}/postcodes/${pc}/validate`, `${P}/outcodes/${pc.split('%20')[0]}`]) {
      const first = await app.inject(url);
      const etag = String(first.headers.etag ?? '');
      t.match(etag, /^W\/"e\d+-/, `${url}: an ETag`);
      t.equal((await app.inject(url)).body, first.body, `${url}: the same answer again (kept in memory)`);
      t.equal((await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode, 304, `${url}: 304 for a current copy`);
    }
    t.equal((await app.inject(`${P}/random/postcodes`)).headers.etag, undefined, 'a random postcode has no ETag');
  });

  t.test("not postcodes and unknown postcodes: postcodes.io's 404s", async (t) => {
    for (const bad of ['not-a-postcode', 'zz', '%20', 'SW1A%201AA%20X', 'A'.repeat(200)])
      t.same((await get(`${P}/postcodes/${bad}`)).body, { status: 404, error: 'Invalid postcode' }, bad.slice(0, 20));
    const unknown = ['ZZ99 9ZZ', 'SW1A 1AA'].filter((p) => !byPostcode.has(p));
    for (const pc of unknown) {
      const res = await get(`${P}/postcodes/${encodeURIComponent(pc)}/`);
      t.same([res.code, res.body], [404, { status: 404, error: 'Postcode not found' }], pc);
      t.match(res.type, /^application\/json/);
    }
    t.same((await get(`${P}/no/such/route`)).body, { status: 404, error: 'Resource not found' });
  });

  t.test('validate: true for a live postcode, false for anything else', async (t) => {
    const live = sample.find((r) => !r.doterm)!;
    const terminated = sample.find((r) => r.doterm)!;
    for (const [input, expected] of [
      [live.pcds.toLowerCase().replace(' ', '%20'), true],
      [live.pcds.replace(' ', ''), true],
      [encodeURIComponent(terminated.pcds), false],
      ['ZZ999ZZ', false],
      ['nonsense', false],
    ] as const)
      for (const slash of ['', '/']) {
        const res = await get(`${P}/postcodes/${input}/validate${slash}`, { 'Subscription-Key': 'k' });
        t.same([res.code, res.body], [200, { status: 200, result: expected }], `${input}/validate${slash}`);
      }
  });

  t.test('terminated postcodes of the sample: /terminated_postcodes answers each, /postcodes names it in its 404', async (t) => {
    const terminated = rows.filter((r) => r.doterm);
    t.ok(terminated.length > 3000, `${terminated.length} terminated postcodes`);
    const wrong: string[] = [];
    for (let i = 0; i < terminated.length; i += 100) {
      await Promise.all(
        terminated.slice(i, i + 100).map(async (row) => {
          const noGrid = row.lat === '99.999999';
          const expected = { postcode: row.pcds, year_terminated: Number(row.doterm.slice(0, 4)), month_terminated: Number(row.doterm.slice(4)), longitude: noGrid ? null : Number(row.long), latitude: noGrid ? null : Number(row.lat) };
          const spelling = i % 200 === 0 ? row.pcds.replace(' ', '').toLowerCase() : encodeURIComponent(row.pcds);
          const a = await get(`${P}/terminated_postcodes/${spelling}`);
          if (a.code !== 200 || JSON.stringify(a.body) !== JSON.stringify({ status: 200, result: expected })) wrong.push(`${row.pcds}: ${JSON.stringify(a.body)}`);
          const b = await get(`${P}/postcodes/${spelling}/`);
          if (b.code !== 404 || JSON.stringify(b.body) !== JSON.stringify({ status: 404, error: 'Postcode not found', terminated: expected })) wrong.push(`${row.pcds} lookup: ${JSON.stringify(b.body)}`);
        }),
      );
    }
    t.same(wrong.slice(0, 5), [], 'each terminated postcode with its year, month and position');
    const live = sample.find((r) => !r.doterm)!;
    t.same((await get(`${P}/terminated_postcodes/${live.pcds.replace(' ', '')}/`)).body, { status: 404, error: 'Terminated postcode not found' }, 'a live postcode');
    t.same((await get(`${P}/terminated_postcodes/ZZ999ZZ`)).body, { status: 404, error: 'Terminated postcode not found' }, 'an unknown postcode');
    t.same((await get(`${P}/terminated_postcodes/nonsense`)).body, { status: 404, error: 'Invalid postcode' });
  });

  t.test('random postcodes: live ones, from the outward code asked for', async (t) => {
    const live = new Set(sample.filter((r) => !r.doterm).map((r) => r.pcds));
    const drawn = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const { code, body } = await get(`${P}/random/postcodes${i % 2 ? '/' : ''}?outcode=ab10`);
      t.equal(code, 200);
      if (body.result?.outcode !== 'AB10' || !live.has(body.result.postcode)) t.fail(`not a live AB10 postcode: ${body.result?.postcode}`);
      drawn.add(body.result.postcode);
      t.same(body.result, expectedPostcode(byPostcode.get(body.result.postcode)!));
    }
    t.ok(drawn.size > 20, `${drawn.size} different postcodes in 60 draws`);
    const anywhere = new Set<string>();
    for (let i = 0; i < 60; i++) anywhere.add((await get(`${P}/random/postcodes`)).body.result.postcode);
    const liveAnywhere = new Set(rows.filter((r) => !r.doterm).map((r) => r.pcds));
    t.same([...anywhere].filter((p) => !liveAnywhere.has(p)), [], 'live postcodes of the whole directory');
    t.ok(new Set([...anywhere].map((p) => p.split(' ')[0])).size > 2, 'of several outward codes');
    t.same((await get(`${P}/random/postcodes?outcode=ZZ99`)).body, { status: 200, result: null }, 'an outward code without postcodes');
    t.same((await get(`${P}/random/postcodes?outcode=%21%21`)).body, { status: 200, result: null }, 'not an outward code');
  });

  t.test('outward codes: mean position and grid reference of the live postcodes, the names of their areas', async (t) => {
    for (const outcode of ['AB10', 'AB16', 'GL16']) {
      const live = sample.concat(rows.filter((r) => !sample.includes(r))).filter((r) => !r.doterm && r.pcds.split(' ')[0] === outcode);
      const located = live.filter((r) => r.lat !== '99.999999');
      const mean = (f: string, of: typeof live) => of.reduce((s, r) => s + Number(r[f]), 0) / of.length;
      const names = (field: string) => [...new Set(live.map((r) => nameOf(field, r[field] && !/99999999$/.test(r[field]) ? r[field] : null)).filter((n): n is string => n !== null))].sort();
      for (const path of [outcode, outcode.toLowerCase(), `${outcode}/`]) {
        const { code, body } = await get(`${P}/outcodes/${path}`);
        t.equal(code, 200, path);
        const r = body.result;
        t.equal(r.outcode, outcode);
        t.ok(Math.abs(r.latitude - mean('lat', located)) < 1e-6 && Math.abs(r.longitude - mean('long', located)) < 1e-6, `${outcode} centroid`);
        t.equal(r.eastings, Math.round(mean('oseast1m', located)));
        t.equal(r.northings, Math.round(mean('osnrth1m', located)));
        t.same(r.admin_district, names('oslaua'));
        t.same(r.admin_ward, names('osward'));
        t.same(r.parliamentary_constituency, names('pcon'));
        t.same(r.parish, names('parish'));
        t.same(r.admin_county, names('oscty'));
        t.same(r.country, names('ctry'));
      }
    }
    t.same((await get(`${P}/outcodes/ZZ99`)).body, { status: 404, error: 'Outcode not found' });
    t.same((await get(`${P}/outcodes/nonsense/`)).body, { status: 404, error: 'Outcode not found' });
  });

  t.test('registered by one line of catalogue.yaml; without it, its routes are gone and the directory answers as before', async (t) => {
    const lines = readFileSync(join(ROOT, 'catalogue.yaml'), 'utf8').split('\n').filter((l) => l.includes('postcodes-io'));
    t.same(lines, ['  - id: postcodes-io']);
    const without = await testPlatform(t, { database, datasets: ['postcodes'] });
    t.equal((await without.app.inject(`${P}/postcodes/AB101AB`)).statusCode, 404);
    t.equal((await without.app.inject('/v1/postcodes/postcodes/AB101AB')).statusCode, 200);
    t.notOk(Object.keys((await without.app.inject('/openapi.json')).json().paths).some((p) => p.startsWith(P)), 'nor documented');
  });

  t.test('every route is documented under the plug-in tag, with its errors', async (t) => {
    const spec = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, { tags: string[]; responses: Record<string, unknown> }>> };
    const ours = Object.entries(spec.paths).filter(([path]) => path.startsWith(`${P}/`));
    t.same(ours.map(([path]) => path).sort(), [
      '/postcodes-io/outcodes/{outcode}',
      '/postcodes-io/postcodes',
      '/postcodes-io/postcodes/lat/{latitude}/lon/{longitude}',
      '/postcodes-io/postcodes/lon/{longitude}/lat/{latitude}',
      '/postcodes-io/postcodes/{postcode}',
      '/postcodes-io/postcodes/{postcode}/autocomplete',
      '/postcodes-io/postcodes/{postcode}/nearest',
      '/postcodes-io/postcodes/{postcode}/validate',
      '/postcodes-io/random/postcodes',
      '/postcodes-io/terminated_postcodes/{postcode}',
    ]);
    for (const [path, methods] of ours)
      for (const [method, op] of Object.entries(methods)) {
        t.same(op.tags, ['postcodes.io compatible'], `${method} ${path} tag`);
        t.match(op.responses, { 200: {}, '4XX': { content: { 'application/json': {} } }, 503: {} }, `${method} ${path} answers and errors`);
      }
  });
});
