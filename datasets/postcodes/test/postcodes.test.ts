// The postcodes plug-in against the real ONSPD sample and supplement.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { haversineKm, type PostcodeServices } from '../../../core/contract.ts';

type Row = Record<string, string>;
const read = (f: string): Row[] => parse(readFileSync(join(dataDir(), 'onspd', f)), { bom: true, columns: true, skip_empty_lines: true });
const sample = read('ONSPD_sample.csv');
const supplement = read('ONSPD_supplement_from_postcodes_io_examples.csv');
const all = [...sample, ...supplement];
const lsoaNames: Record<string, string> = JSON.parse(readFileSync(join(dataDir(), 'geography-names', 'lsoa.json'), 'utf8'));
const pseudo = (v: string) => (v === '' || /^[A-Z]99999999$/.test(v) ? null : v);

/** Spellings of a postcode a client may send. */
const spellings = (pcds: string) => {
  const compact = pcds.replace(' ', '');
  return [pcds, compact, compact.toLowerCase(), ` ${pcds.toLowerCase()} `, pcds.replace(' ', '  ')];
};

t.test('postcodes: lookups against the real sample', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'] });

  t.test('every sample and supplement row is findable, in every spelling (bulk)', async (t) => {
    const inputs = all.flatMap((r) => spellings(r.pcds));
    const results: { input: string; postcode: string; status: string; record: Record<string, unknown> }[] = [];
    for (let i = 0; i < inputs.length; i += 1000) {
      const res = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload: { postcodes: inputs.slice(i, i + 1000) } });
      t.equal(res.statusCode, 200);
      results.push(...res.json().results);
    }
    t.equal(results.length, inputs.length);
    const wrong = results.filter((r, i) => {
      const row = all[Math.floor(i / 5)];
      return r.input !== inputs[i] || r.postcode !== row.pcds || r.status !== (row.doterm ? 'terminated' : 'found') || r.record?.pcds !== row.pcds;
    });
    t.same(wrong.slice(0, 3), [], 'each input answered in order with its own record');
  });

  t.test('single lookup: values equal the source row', async (t) => {
    for (const row of [sample[0], sample.find((r) => !r.doterm && r.ctry === 'S92000003')!, sample.find((r) => r.ctry === 'E92000001' && !r.doterm)!, supplement[0], supplement.at(-1)!]) {
      for (const s of spellings(row.pcds)) {
        const res = await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(s)}`);
        t.equal(res.statusCode, 200, `${s} found`);
        const body = res.json();
        t.equal(body.postcode, row.pcds);
        t.equal(body.dataset, 'postcodes');
        t.ok(body.edition.id);
        t.equal(body.status, row.doterm ? 'terminated' : 'found');
        t.equal(body.terminated, Boolean(row.doterm));
        const r = body.record;
        t.equal(r.doterm, row.doterm || null);
        t.equal(r.lsoa11, pseudo(row.lsoa11));
        t.equal(r.lsoa21, pseudo(row.lsoa21));
        t.equal(r.oslaua, pseudo(row.oslaua));
        t.equal(r.ctry, pseudo(row.ctry));
        t.equal(r.lat, Number(row.lat));
        t.equal(r.long, Number(row.long));
        t.equal(r.oseast1m, row.oseast1m ? Number(row.oseast1m) : null);
        t.equal(r.imd, row.imd && row.imd !== '0' ? Number(row.imd) : null);
        t.notOk('lsoa' in r, 'no bare lsoa field');
        if (r.lsoa11 && lsoaNames[r.lsoa11]) t.equal(body.names.lsoa11, lsoaNames[r.lsoa11], 'lsoa11 comes with its name');
      }
    }
  });

  t.test('no grid reference gives null coordinates; pseudo-codes are null', async (t) => {
    const noGrid = all.filter((r) => r.lat === '99.999999');
    t.ok(noGrid.length > 0);
    for (const row of noGrid) {
      const body = (await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(row.pcds)}`)).json();
      t.equal(body.record.lat, null, `${row.pcds} lat`);
      t.equal(body.record.long, null, `${row.pcds} long`);
    }
    const jersey = all.find((r) => r.ctry === 'L93000001')!;
    const body = (await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(jersey.pcds)}`)).json();
    t.equal(body.record.ctry, 'L93000001');
    t.equal(body.record.oslaua, null, 'L99999999 is served as null');
    t.equal(body.record.imd, null, 'imd 0 is served as null');
  });

  t.test('invalid and unknown postcodes', async (t) => {
    const invalid = await app.inject('/v1/postcodes/postcodes/not-a-postcode');
    t.equal(invalid.statusCode, 400);
    t.match(invalid.headers['content-type'], /application\/problem\+json/);
    t.match(invalid.json().detail, /not a valid UK postcode/);
    const known = new Set(all.map((r) => r.pcds));
    const unknown = ['ZZ99 9ZZ', 'SW1A 1AA', 'AB10 9ZZ'].find((p) => !known.has(p))!;
    const missing = await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(unknown)}`);
    t.equal(missing.statusCode, 404);
    t.match(missing.headers['content-type'], /application\/problem\+json/);
    t.match(missing.json(), { status: 404, postcode: unknown, lookup_status: 'not_found' }, 'problem status is the HTTP status; the lookup status is an extension');
    t.equal((await app.inject('/v1/postcodes/postcodes/AB101AA?colour=red')).statusCode, 400, 'unknown parameter');
  });

  t.test('concurrent single lookups (answered by one shared query) give what one at a time gives', async (t) => {
    const known = new Set(all.map((r) => r.pcds));
    const inputs = [...all.slice(0, 40).map((r) => r.pcds), ...all.slice(0, 10).map((r) => r.pcds.toLowerCase()), 'ZZ99 9ZZ', 'not-a-postcode', ...all.filter((r) => r.doterm).slice(0, 5).map((r) => r.pcds)];
    t.ok(!known.has('ZZ99 9ZZ'));
    const answer = (res: { statusCode: number; body: string }) => [res.statusCode, res.body];
    const together = await Promise.all(inputs.map((p) => app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(p)}`)));
    const alone = [];
    for (const p of inputs) alone.push(await app.inject(`/v1/postcodes/postcodes/${encodeURIComponent(p)}`));
    t.same(together.map(answer), alone.map(answer), `${inputs.length} lookups, same status and body`);
    t.same(new Set(together.map((r) => r.statusCode)), new Set([200, 404, 400]));
  });

  t.test('bulk keeps order, one status per entry', async (t) => {
    const live = sample.find((r) => !r.doterm)!;
    const term = sample.find((r) => r.doterm)!;
    const inputs = ['nonsense', term.pcds.toLowerCase(), 'ZZ99 9ZZ', live.pcds.replace(' ', ''), '', live.pcds];
    const res = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload: inputs });
    t.equal(res.statusCode, 200);
    const body = res.json();
    t.same(body.results.map((r: { status: string }) => r.status), ['invalid', 'terminated', 'not_found', 'found', 'invalid', 'found']);
    t.same(body.results.map((r: { input: string }) => r.input), inputs);
    t.equal(body.results[1].record.doterm, term.doterm);
    const tooMany = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload: { postcodes: Array(1001).fill('AB10 1AA') } });
    t.equal(tooMany.statusCode, 400);
    t.match(tooMany.headers['content-type'], /application\/problem\+json/);
    const odd = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload: { postcodes: [123, null, live.pcds] } });
    t.equal(odd.statusCode, 200, 'entries that are not strings do not fail the batch');
    t.same(odd.json().results.map((r: { status: string }) => r.status), ['invalid', 'invalid', 'found']);
    const wrongShape = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload: { codes: [] } });
    t.equal(wrongShape.statusCode, 400);
  });

  t.test('bulk CSV in and out', async (t) => {
    const live = sample.find((r) => !r.doterm)!;
    const res = await app.inject({
      method: 'POST',
      url: '/v1/postcodes/lookup?format=csv',
      headers: { 'content-type': 'text/csv' },
      payload: `id,postcode\n1,${live.pcds.toLowerCase()}\n2,bad\n3,ZZ99 9ZZ\n`,
    });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /^text\/csv/);
    const rows: Row[] = parse(res.body, { columns: true });
    t.same(rows.map((r) => [r.postcode, r.status]), [[live.pcds, 'found'], ['', 'invalid'], ['ZZ99 9ZZ', 'not_found']]);
    t.equal(rows[0].lsoa11, live.lsoa11);
    if (lsoaNames[live.lsoa11]) t.equal(rows[0].lsoa11_name, lsoaNames[live.lsoa11]);
    const accept = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', headers: { 'content-type': 'text/csv', accept: 'text/csv' }, payload: `${live.pcds}\n` });
    t.equal((parse(accept.body, { columns: true }) as Row[])[0].status, 'found', 'headerless CSV, Accept: text/csv');
  });

  t.test('outcode: every postcode, paginated, with its centroid', async (t) => {
    const inArea = all.filter((r) => r.pcds.split(' ')[0] === 'AB10');
    const seen: string[] = [];
    let url: string | null = '/v1/postcodes/outcodes/ab10?limit=500';
    let body: { items: { pcds: string }[]; next: string | null; total: number; live: number; centroid: { lat: number; long: number } } | undefined;
    while (url) {
      const res: { statusCode: number; json(): typeof body } = await app.inject(url);
      t.equal(res.statusCode, 200);
      body = res.json()!;
      seen.push(...body.items.map((i) => i.pcds));
      url = body.next;
    }
    if (!body) throw new Error('no page');
    t.same(seen, inArea.map((r) => r.pcds).sort(), 'each postcode once, in order');
    const live = inArea.filter((r) => !r.doterm && r.lat !== '99.999999');
    t.equal(body.total, inArea.length);
    t.equal(body.live, inArea.filter((r) => !r.doterm).length);
    t.ok(Math.abs(body.centroid.lat - live.reduce((s, r) => s + Number(r.lat), 0) / live.length) < 1e-5, 'centroid latitude');
    t.ok(Math.abs(body.centroid.long - live.reduce((s, r) => s + Number(r.long), 0) / live.length) < 1e-5, 'centroid longitude');
    t.equal((await app.inject('/v1/postcodes/outcodes/12AB')).statusCode, 400);
    t.equal((await app.inject('/v1/postcodes/outcodes/ZZ99')).statusCode, 404);
  });

  t.test('nearest postcodes to a point', async (t) => {
    const origin = sample.find((r) => !r.doterm && r.pcds.startsWith('AB10'))!;
    const res = await app.inject(`/v1/postcodes/nearest?lat=${origin.lat}&long=${origin.long}&radius=500&limit=5`);
    t.equal(res.statusCode, 200);
    const body = res.json();
    t.equal(body.items[0].pcds, origin.pcds, 'the postcode at the point comes first');
    t.equal(body.items[0].distance_m, 0);
    t.ok(body.items.length <= 5);
    const d = body.items.map((i: { distance_m: number }) => i.distance_m);
    t.same(d, [...d].sort((a, b) => a - b), 'nearest first');
    t.ok(d.every((x: number) => x <= 500));
    t.equal((await app.inject('/v1/postcodes/nearest?lat=40&long=0')).statusCode, 400, 'outside the UK');
    t.equal((await app.inject('/v1/postcodes/nearest?lat=57&long=-2&radius=100000')).statusCode, 400, 'radius bounded');
  });

  t.test('names table and catalogue provenance', async (t) => {
    const code = Object.keys(lsoaNames).find((c) => all.some((r) => r.lsoa11 === c))!;
    const res = await app.inject(`/v1/postcodes/names?field=lsoa11&code=${code}`);
    t.equal(res.statusCode, 200);
    t.same(res.json().items, [{ field: 'lsoa11', code, name: lsoaNames[code] }]);
    const list = (await app.inject('/v1/postcodes/postcodes?ctry=W92000004&limit=100')).json();
    t.equal(list.total, all.filter((r) => r.ctry === 'W92000004').length, 'standard table routes filter by geography');
  });

  t.test('the service other plug-ins use', async (t) => {
    const svc = platform.services.get('postcodes') as unknown as PostcodeServices;
    t.equal(svc.normalise(' sw1a1aa '), 'SW1A 1AA');
    t.equal(svc.normalise('nonsense'), null);
    const term = sample.find((r) => r.doterm)!;
    const out = await svc.lookup(['bad', term.pcds, supplement[0].pcds.toLowerCase()]);
    t.same(out.map((o) => o.status), ['invalid', 'terminated', 'found']);
    t.equal(out[2].record!.lsoa11, supplement[0].lsoa11);
    t.equal(out[2].record!.ctry, supplement[0].ctry);
    t.ok((await svc.currentEdition())?.id);
  });

  t.test('the districts with live postcodes around a point (service)', async (t) => {
    const svc = platform.services.get('postcodes') as unknown as PostcodeServices;
    const districts: Record<string, string> = JSON.parse(readFileSync(join(dataDir(), 'geography-names', 'districts.json'), 'utf8'));
    const [lat, long] = [57.1437, -2.0981];
    for (const metres of [300, 2000, 20000]) {
      const near = all.filter((r) => !r.doterm && r.oslaua && Number(r.lat) < 90 && haversineKm(lat, long, Number(r.lat), Number(r.long)) * 1000 <= metres);
      const expected = [...new Set(near.map((r) => r.oslaua))].sort().map((code) => ({ code, name: districts[code] ?? null }));
      t.same(await svc.districtsWithin(lat, long, metres), expected, `${metres} m: ${expected.map((d) => d.code).join(', ')}`);
    }
    t.same(await svc.districtsWithin(0, 0, 1000), [], 'no postcode there');
    for (const bad of [[Number.NaN, 0, 10], [0, Infinity, 10], [91, 0, 10], [57, -2, -1]])
      t.equal(((await svc.districtsWithin(bad[0], bad[1], bad[2]).catch((e: unknown) => e)) as { status?: number }).status, 400, `${bad.join(', ')}: 400`);
  });
});
