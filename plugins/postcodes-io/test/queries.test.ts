// postcodes.io's searches against the real ONSPD sample and supplement: nearest postcodes (query,
// path and by-postcode forms, radius, limit, wide search), postcode search and autocomplete, bulk
// lookups of 1,000 in input order and bulk reverse geocoding, and hostile input (never a 5xx,
// always postcodes.io's error shape).
import t from 'tap';
import { Writable } from 'node:stream';
import { testPlatform } from '../../../test/helpers/platform.ts';
import { documentedAnswer } from '../../../test/helpers/openapi.ts';
import { CLIENT_HEADERS, byPostcode, expectedPostcode, metres, rows } from './sources.ts';

const P = '/postcodes-io';
const live = rows.filter((r) => !r.doterm);
const located = live.filter((r) => r.lat !== '99.999999' && r.lat !== '');

/** The live postcodes within `radius` metres of a point, nearest first, from the files. */
function nearestFromFiles(lat: number, long: number, radius: number, limit: number): string[] {
  return located
    .map((r) => ({ pcds: r.pcds, d: metres(lat, long, Number(r.lat), Number(r.long)) }))
    .filter((x) => x.d <= radius)
    .sort((a, b) => a.d - b.d || (a.pcds < b.pcds ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.pcds);
}

t.test('postcodes.io: searches and bulk', async (t) => {
  const logged: string[] = [];
  const logDestination = new Writable({
    write(chunk, _enc, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  const { app } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'], plugins: ['postcodes-io'], env: { LOG_LEVEL: 'info' }, logDestination });
  const request = async (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as string } : {}) });
    return { code: res.statusCode, type: String(res.headers['content-type']), text: res.body, body: /json/.test(String(res.headers['content-type'])) ? res.json() : undefined };
  };
  const get = (url: string, headers?: Record<string, string>) => request('GET', url, undefined, headers);
  const post = (url: string, payload: unknown, headers?: Record<string, string>) => request('POST', url, payload, headers);
  const centre = byPostcode.get('AB10 1AB')!;
  const [lat, long] = [Number(centre.lat), Number(centre.long)];

  t.test('nearest to a point: live postcodes within the radius, nearest first, with their distance', async (t) => {
    const checkAnswer = await documentedAnswer(app, 'GET', `${P}/postcodes`);
    for (const [query, radius, limit] of [
      ['', 100, 10],
      ['&radius=500&limit=30', 500, 30],
      ['&radius=5000&limit=500', 2000, 100],
    ] as const) {
      const expected = nearestFromFiles(lat, long, radius, limit);
      t.ok(expected.length > 0);
      for (const url of [`${P}/postcodes?lon=${long}&lat=${lat}${query}`, `${P}/postcodes/?longitude=${long}&latitude=${lat}${query}`, `${P}/postcodes/lon/${long}/lat/${lat}?${query}`, `${P}/postcodes/lat/${lat}/lon/${long}/?${query}`]) {
        const { code, body } = await get(url, { 'Ocp-Apim-Subscription-Key': 'k' });
        t.equal(code, 200, url);
        t.same(checkAnswer(body), [], 'as documented');
        t.same(body.result.map((p: { postcode: string }) => p.postcode), expected, `${url}: ${expected.length} postcodes`);
        const first = body.result[0];
        t.same({ ...first, distance: undefined }, { ...expectedPostcode(byPostcode.get(first.postcode)!), distance: undefined }, 'each a full postcode');
        t.ok(Math.abs(first.distance - metres(lat, long, first.latitude, first.longitude)) < 0.1, 'distance in metres');
      }
    }
    t.same((await get(`${P}/postcodes?lon=0&lat=0`)).body, { status: 200, result: null }, 'none within reach: null');
  });

  t.test('wide search: the 10 nearest within 20 km', async (t) => {
    const { body } = await get(`${P}/postcodes?lon=${long}&lat=${lat}&widesearch=true&limit=50`);
    t.same(body.result.map((p: { postcode: string }) => p.postcode), nearestFromFiles(lat, long, 20_000, 10));
    const lewis = { lat: 58.1, long: -6.45 }; // about 13 km from Stornoway (HS1 2AD), nothing else near
    t.same((await get(`${P}/postcodes?lon=${lewis.long}&lat=${lewis.lat}`)).body.result, null, 'nothing within 100 m');
    const wide = (await get(`${P}/postcodes?lon=${lewis.long}&lat=${lewis.lat}&wideSearch=1`)).body.result;
    t.same(wide.map((p: { postcode: string }) => p.postcode), nearestFromFiles(lewis.lat, lewis.long, 20_000, 10));
    t.ok(wide.length >= 1 && wide[0].distance > 10_000);
  });

  t.test('nearest to a postcode: itself first', async (t) => {
    for (const [spelling, slash] of [['AB101AB', ''], ['ab10%201ab', '/'], ['AB10%201AB', '']]) {
      const { code, body } = await get(`${P}/postcodes/${spelling}/nearest${slash}?limit=5`);
      t.equal(code, 200, spelling);
      t.same(body.result.map((p: { postcode: string }) => p.postcode), nearestFromFiles(lat, long, 100, 5));
      t.equal(body.result[0].postcode, 'AB10 1AB');
      t.equal(body.result[0].distance, 0);
    }
    t.same((await get(`${P}/postcodes/ZZ999ZZ/nearest`)).body, { status: 404, error: 'Postcode not found' });
  });

  t.test("bad points, limits and radii: postcodes.io's 400s", async (t) => {
    for (const [query, error] of [
      ['lon=abc&lat=57', 'Invalid longitude/latitude submitted'],
      ['lon=-2&lat=Infinity', 'Invalid longitude/latitude submitted'],
      ['lon=1e309&lat=57', 'Invalid longitude/latitude submitted'],
      ['lon=-2&lat=95', 'Invalid longitude/latitude submitted'],
      [`lon=${long}&lat=${lat}&limit=abc`, 'Invalid result limit submitted'],
      [`lon=${long}&lat=${lat}&limit=0`, 'Invalid result limit submitted'],
      [`lon=${long}&lat=${lat}&radius=abc`, 'Invalid lookup radius submitted'],
      [`lon=${long}&lat=${lat}&radius=-5`, 'Invalid lookup radius submitted'],
      ['', 'No postcode query submitted. Remember to include query parameter'],
      ['lon=-2', 'No postcode query submitted. Remember to include query parameter'],
      ['q=%20%20', 'No postcode query submitted. Remember to include query parameter'],
    ])
      t.same(await get(`${P}/postcodes?${query}`).then((r) => [r.code, r.body]), [400, { status: 400, error }], query);
    const huge = await get(`${P}/postcodes?lon=${long}&lat=${lat}&limit=99999999999999999999&radius=1e308`);
    t.equal(huge.body.result.length, 100, 'a huge limit and radius are lowered to the maxima (100, 2,000 m)');
  });

  t.test('search and autocomplete: live postcodes starting with the text, in postcode order', async (t) => {
    const fromFiles = (text: string, limit: number) =>
      live
        .filter((r) => r.pcds.replace(' ', '').startsWith(text.replace(/\s/g, '').toUpperCase()))
        .map((r) => r.pcds)
        .sort()
        .slice(0, limit);
    for (const [text, limit, query] of [
      ['AB10 1', 10, ''],
      ['ab101a', 10, ''],
      ['AB1', 3, '&limit=3'],
      ['AB1', 100, '&limit=1000'],
      ['AB101AB', 10, ''],
      ['gl16', 10, '&limit=x'],
    ] as const) {
      const expected = fromFiles(text, limit);
      t.ok(expected.length > 0, text);
      const search = await get(`${P}/postcodes?q=${encodeURIComponent(text)}${query}`);
      t.same(search.body.result.map((p: { postcode: string }) => p.postcode), expected, `search ${text}${query}`);
      t.same(search.body.result[0], expectedPostcode(byPostcode.get(expected[0])!));
      t.same((await get(`${P}/postcodes/?query=${encodeURIComponent(text)}${query}`)).body.result.length, expected.length, 'query= is q=');
      const auto = await get(`${P}/postcodes/${encodeURIComponent(text)}/autocomplete/?${query.slice(1)}`);
      t.same(auto.body, { status: 200, result: expected }, `autocomplete ${text}${query}`);
    }
    t.same((await get(`${P}/postcodes?q=ZZ99`)).body, { status: 200, result: null });
    t.same((await get(`${P}/postcodes/%25%25/autocomplete`)).body, { status: 200, result: null });
  });

  t.test('bulk lookup of 1,000: every entry answered in input order, null for invalid, unknown and terminated ones', async (t) => {
    const terminated = rows.filter((r) => r.doterm);
    const unknown = ['SW1A 1AA', 'ZZ9 9ZZ', 'EC1A 1BB'].filter((p) => !byPostcode.has(p));
    const inputs: string[] = [];
    for (let i = 0; inputs.length < 1000; i++) {
      const r = live[(i * 37) % live.length];
      const kind = i % 8;
      if (kind === 0) inputs.push(r.pcds);
      else if (kind === 1) inputs.push(r.pcds.replace(' ', '').toLowerCase());
      else if (kind === 2) inputs.push(` ${r.pcds.toLowerCase()} `);
      else if (kind === 3) inputs.push(terminated[i % terminated.length].pcds);
      else if (kind === 4) inputs.push(['not a postcode', '', 'A'.repeat(60), '12345'][i % 4]);
      else if (kind === 5) inputs.push(unknown[i % unknown.length]);
      else inputs.push(live[(i * 53) % live.length].pcds);
    }
    const expected = inputs.map((q) => {
      const row = byPostcode.get(q.trim().toUpperCase().replace(/^(\S+?)\s*(\d[A-Z]{2})$/, '$1 $2'));
      return { query: q, result: row && !row.doterm ? expectedPostcode(row) : null };
    });
    t.ok(expected.filter((e) => e.result).length > 600 && expected.filter((e) => !e.result).length > 250, 'a mix of found and not');
    for (const [url, headers] of [[`${P}/postcodes`, CLIENT_HEADERS[1]], [`${P}/postcodes/`, CLIENT_HEADERS[3]]] as const) {
      const { code, body, text } = await post(url, { postcodes: inputs }, headers);
      t.equal(code, 200, `${url} ${text.slice(0, 200)}`);
      t.equal(body.result.length, 1000);
      const wrong = body.result.map((r: unknown, i: number) => [i, r]).filter(([i, r]: [number, unknown]) => JSON.stringify(r) !== JSON.stringify(expected[i]));
      t.same(wrong.slice(0, 3), [], 'each entry: its query as sent, its postcode or null');
      // the entries' JSON is written without building their objects: the very bytes of the objects' JSON
      t.equal(text, JSON.stringify({ status: 200, result: expected }), 'byte for byte the JSON of the expected answer (keys in order, numbers as JavaScript writes them)');
    }
    const checkBulk = await documentedAnswer(app, 'POST', `${P}/postcodes`);
    t.same(checkBulk((await post(`${P}/postcodes`, { postcodes: inputs })).body), [], 'as documented');
    const mixed = await post(`${P}/postcodes`, { postcodes: [1, null, 'AB10 1AB', {}, ['x'], 'ab101ab'] });
    t.same(mixed.body.result.map((r: { query: string }) => r.query), ['AB10 1AB', 'ab101ab'], 'entries that are not strings are left out (as postcodes.io)');
    const filtered = await post(`${P}/postcodes?filter=postcode,longitude,latitude,nonsense`, { postcodes: ['AB10 1AB', 'nope'] });
    t.same(filtered.body.result, [{ query: 'AB10 1AB', result: { postcode: 'AB10 1AB', longitude: long, latitude: lat } }, { query: 'nope', result: null }], 'filter keeps the keys asked for');
  });

  t.test('bulk reverse geocoding: each location its nearest postcodes, in order', async (t) => {
    const { code, body } = await post(`${P}/postcodes?limit=3`, {
      geolocations: [{ longitude: long, latitude: lat }, { longitude: 0, latitude: 0 }, { longitude: String(long), latitude: String(lat), limit: 5, radius: 1000 }],
    });
    t.equal(code, 200);
    t.same(body.result.map((r: { query: unknown }) => r.query), [
      { limit: '3', longitude: long, latitude: lat },
      { limit: '3', longitude: 0, latitude: 0 },
      { limit: 5, longitude: String(long), latitude: String(lat), radius: 1000 },
    ]);
    t.same(body.result[0].result.map((p: { postcode: string }) => p.postcode), nearestFromFiles(lat, long, 100, 3));
    t.equal(body.result[1].result, null);
    t.same(body.result[2].result.map((p: { postcode: string }) => p.postcode), nearestFromFiles(lat, long, 1000, 5));
    t.same((await post(`${P}/postcodes`, { geolocations: Array(101).fill({ longitude: long, latitude: lat }) })).body, { status: 400, error: 'Too many locations submitted. Up to 100 locations can be bulk requested at a time' });
    t.same((await post(`${P}/postcodes`, { geolocations: [{ longitude: 'x', latitude: lat }] })).body, { status: 400, error: 'Invalid longitude/latitude submitted' });
  });

  t.test("bodies of another shape: postcodes.io's 400s with its messages", async (t) => {
    const help = 'You need to submit a JSON object with an array of postcodes or geolocation objects.\nAlso ensure that Content-Type is set to application/json\n';
    const cases: [unknown, Record<string, string>, string][] = [
      [{ postcodes: Array(1001).fill('AB10 1AB') }, {}, 'Too many postcodes submitted. Up to 1000 postcodes can be bulk requested at a time'],
      [{ postcodes: 'AB10 1AB' }, {}, 'Invalid data submitted. You need to provide a JSON array'],
      [{ geolocations: { longitude: 1 } }, {}, 'Invalid data submitted. You need to provide a JSON array'],
      [{}, {}, `Invalid JSON query submitted. \n${help}`],
      [['AB10 1AB'], {}, `Invalid JSON query submitted. \n${help}`],
      [{ postcodes: '' }, {}, `Invalid JSON query submitted. \n${help}`],
      ['{"postcodes": [', { 'content-type': 'application/json' }, `Invalid JSON submitted.\n${help}`],
      ['', { 'content-type': 'application/json' }, `Invalid JSON submitted.\n${help}`],
      ['postcodes=AB10+1AB', { 'content-type': 'text/plain' }, `Invalid JSON query submitted. \n${help}`],
    ];
    for (const [payload, headers, error] of cases) {
      const res = await post(`${P}/postcodes`, payload, headers);
      t.same([res.code, res.body], [400, { status: 400, error }], JSON.stringify(payload).slice(0, 40));
      t.match(res.type, /^application\/json/);
    }
  });

  t.test('hostile input: never a 5xx, always an error in postcodes.io shape (problem+json only for a path the router cannot read)', async (t) => {
    const urls = [
      '/postcodes/%00', '/postcodes/a%00b/validate', '/terminated_postcodes/%00', '/outcodes/%00', '/random/postcodes?outcode=%00',
      '/postcodes?lon=%00&lat=1', '/postcodes?q=%00', '/postcodes?lon=Infinity&lat=-Infinity', '/postcodes?lon=1&lat=1&limit=-1e309',
      '/postcodes/lon/NaN/lat/NaN', '/postcodes/lat/1e400/lon/1', `/postcodes/${'x'.repeat(3000)}`, '/postcodes/%ZZ', '/postcodes?lon=1&lon=2&lat=3',
      '/postcodes?q=AB10&limit=9007199254740993', '/random/postcodes?outcode=a&outcode=b', `/postcodes/${'%E2%80%AE'.repeat(20)}`,
    ];
    for (const url of urls) {
      const res = await get(`${P}${url}`);
      t.ok(res.code < 500, `${url.slice(0, 60)}: ${res.code}`);
      if (res.code >= 400) {
        if (/problem\+json/.test(res.type)) t.ok([400, 414].includes(res.code), 'the router refused the path');
        else t.match(res.body, { status: res.code, error: String }, `${url.slice(0, 60)}: {status, error}`);
      }
    }
    const bodies = ['[[[[[[[[[[' + ']'.repeat(10), '['.repeat(3000) + ']'.repeat(3000), '{"postcodes": [1e309]}', '{"postcodes": ["\\u0000"]}', '{"geolocations": [{"longitude": 1e309, "latitude": 1}]}', '{"__proto__": {"postcodes": ["AB10 1AB"]}}', 'null', '12', '"x"'];
    for (const body of bodies) {
      const res = await post(`${P}/postcodes`, body, { 'content-type': 'application/json' });
      t.ok(res.code >= 400 && res.code < 500, `${body.slice(0, 30)}: ${res.code}`);
      t.match(res.body, { status: res.code, error: String });
    }
  });

  t.test('the postcodes asked for never reach the logs', async (t) => {
    await get(`${P}/postcodes/ZZ99%209ZZ?lon=1`);
    await get(`${P}/no/such/ZZ999ZZ`);
    await post(`${P}/postcodes`, { postcodes: ['ZZ99 9ZZ'] });
    const log = logged.join('');
    t.ok(logged.length > 50, `${logged.length} log lines`);
    t.match(log, /"route":"\/postcodes-io\/postcodes\/:postcode"/, 'the route pattern is logged');
    t.notMatch(log, /ZZ99|ZZ999ZZ|AB10 ?1AB/i, 'no postcode');
  });
});
