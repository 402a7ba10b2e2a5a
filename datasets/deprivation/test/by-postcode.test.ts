// Deprivation by postcode against the real files: for sample postcodes of every nation in the data
// folder, the answer equals the published rank and decile of the postcode's small area, computed here
// from the official index files and the ONSPD rows (nothing copied into the test).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { ajv } from '../../../core/schema.ts';
import { bulkResponse, resultSchema } from '../lib/response-schemas.ts';

const D = dataDir();
const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(D, f)), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true });
const onspd = [...csv('onspd/ONSPD_sample.csv'), ...csv('onspd/ONSPD_supplement_from_postcodes_io_examples.csv')];

// Official ranks and deciles by small area, read by column position/name from each publisher's file.
const england = new Map(csv('imd/england-2019/File_2_-_IoD2019_Domains_of_Deprivation.csv').map((r) => { const v = Object.values(r); return [v[0], { rank: Number(v[4]), decile: Number(v[5]), areas: 32844 }]; }));
const walesRows = csv('imd/wales-2019/wimd-2019-index-and-domain-ranks-by-small-area.csv');
const wales = new Map(walesRows.map((r) => { const v = Object.values(r); return [v[0], { rank: Number(v[3]), decile: 0, areas: walesRows.length }]; }));
const scotland = new Map(csv('imd/scotland-2020/SIMD_2020v2.csv').map((r) => [r.DZ, { rank: Number(r.SIMD2020v2_Rank), decile: Number(r.SIMD2020v2_Decile), quintile: Number(r.SIMD2020v2_Quintile), vigintile: Number(r.SIMD2020v2_Vigintile), areas: 6976 }]));
const niRows = csv('imd/northern-ireland-2017/NIMDM17_SOAresults.csv').filter((r) => Object.values(r).some((v) => v.trim()));
const ni = new Map(niRows.map((r) => { const v = Object.values(r); return [v[2], { rank: Number(v[4]), decile: 0, areas: niRows.length }]; }));
const composite = new Map(csv('imd/uk-composite-mysociety/UK_IMD_E.csv').map((r) => [r.lsoa, r]));
// WIMD decile: the Welsh Government's bands (decile k = ranks up to ceil(k × n / 10)); NIMDM: ceil(rank × 10 / n).
for (const w of wales.values()) { let k = 1; while (w.rank > Math.ceil((k * w.areas) / 10)) k++; w.decile = k; }
for (const x of ni.values()) x.decile = Math.ceil((x.rank * 10) / x.areas);
const INDEX: Record<string, Map<string, { rank: number; decile: number; areas: number }>> = { E92000001: england, W92000004: wales, S92000003: scotland, N92000002: ni };
const NATION: Record<string, string> = { E92000001: 'England', W92000004: 'Wales', S92000003: 'Scotland', N92000002: 'Northern Ireland' };

const live = (ctry: string) => onspd.filter((r) => r.ctry === ctry && !r.doterm && r.lsoa11);
const samples = [...live('E92000001'), ...live('W92000004'), ...live('S92000003').filter((_, i) => i % 200 === 0), ...live('N92000002')];

t.test('deprivation by postcode', async (t) => {
  const deps = ['postcodes', 'imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite'];
  const { app } = await testPlatform(t, { datasets: [...deps, 'deprivation'], imports: [...deps, 'deprivation'] });

  t.test('sample postcodes of every nation: the published rank and decile of their area', async (t) => {
    t.ok(new Set(samples.map((s) => s.ctry)).size === 4, 'samples from all four nations');
    for (const s of samples) {
      const res = await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(s.pcds.toLowerCase().replace(' ', ''))}`);
      t.equal(res.statusCode, 200, s.pcds);
      const r = res.json().result;
      const expected = INDEX[s.ctry].get(s.lsoa11)!;
      t.equal(r.status, 'found');
      t.equal(r.nation, NATION[s.ctry]);
      t.equal(r.deprivation.area.code, s.lsoa11, 'joined on the index\'s own vintage (lsoa11)');
      t.same([r.deprivation.rank, r.deprivation.decile.value, r.deprivation.areas], [expected.rank, expected.decile, expected.areas], `${s.pcds}: rank, decile, areas`);
      if (s.imd && s.ctry !== 'N92000002' && s.ctry !== 'W92000004') t.equal(r.deprivation.rank, Number(s.imd), 'and equal to the ONSPD imd column');
      t.match(r.deprivation.caveat, new RegExp(`within ${NATION[s.ctry]} only`));
      const c = composite.get(s.lsoa11);
      if (c) t.same([r.uk_composite.rank, r.uk_composite.decile.value], [Number(c.UK_IMD_E_rank), Number(c.UK_IMD_E_pop_decile)], 'composite rank and decile');
    }
  });

  t.test('bulk answers (written by hand) are the documented ones, and equal the single answers (written by the schema serialiser)', async (t) => {
    const inputs = samples.map((s) => s.pcds);
    const body = (await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes?quantile=7', payload: inputs })).json();
    t.equal(body.count, inputs.length);
    const validBulk = ajv.compile(bulkResponse);
    t.ok(validBulk(body), `${inputs.length} answers validate against the documented response schema`);
    t.same(validBulk.errors?.slice(0, 3) ?? null, null);
    const plain = (await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: [...inputs, 'not a postcode', 'ZZ1 1ZZ'] })).json();
    t.ok(validBulk(plain), 'so do answers without quantile= and with invalid and unknown postcodes');
    t.ok(!validBulk({ ...plain, extra: 1 }) && !validBulk({ ...plain, results: [{ ...plain.results[0], deprivation: { ...plain.results[0].deprivation, rank: undefined } }] }), 'and the schema is strict enough to fail');
    const validate = ajv.compile(resultSchema);
    let differ = 0;
    for (let i = 0; i < inputs.length; i++) {
      const single = (await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(inputs[i])}?quantile=7`)).json().result;
      if (JSON.stringify(single) !== JSON.stringify(body.results[i]) || !validate(body.results[i])) {
        if (differ++ === 0) t.same(body.results[i], single, `first difference: ${inputs[i]}`);
      }
    }
    t.equal(differ, 0, 'same fields, same order, same values, valid against the schema');
    t.same(Object.keys(body).slice(0, 2), ['dataset', 'edition'], 'bulk answers carry the dataset block');
    const csvIn = await app.inject({
      method: 'POST',
      url: '/v1/deprivation/postcodes?quantile=7',
      headers: { 'content-type': 'text/csv' },
      payload: `patient,postcode\n${inputs.map((p, i) => `${i},${p}`).join('\n')}\n`,
    });
    t.same(csvIn.json().results, body.results, 'a CSV column of postcodes gives the same answers');
  });

  t.test('Scotland: published vigintile, decile, quintile; computed quartile', async (t) => {
    const s = live('S92000003')[0];
    const e = scotland.get(s.lsoa11)!;
    const r = (await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(s.pcds)}?quantile=20`)).json().result.deprivation;
    t.same([r.quantile.value, r.quantile.method], [e.vigintile, 'published']);
    t.same([r.quintile.value, r.quintile.method], [e.quintile, 'published']);
    t.same([r.quartile.value, r.quartile.method], [Math.ceil((e.rank * 4) / 6976), 'computed']);
    t.equal(r.domains.length, 7);
    const q7 = (await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(s.pcds)}?quantile=7`)).json().result.deprivation.quantile;
    t.same(q7, { n: 7, value: Math.ceil((e.rank * 7) / 6976), method: 'computed', rule: 'ceil(rank × N / areas)' });
  });

  t.test('statuses: invalid, unknown, terminated, outside the four nations, no small area', async (t) => {
    const terminatedEn = onspd.find((r) => r.ctry === 'E92000001' && r.doterm && r.lsoa11)!;
    const terminatedNoArea = onspd.find((r) => r.doterm && !r.lsoa11)!;
    const outside = onspd.find((r) => r.ctry === 'L93000001')!;
    const inputs = ['not a postcode', 'ZZ1 1ZZ', terminatedEn.pcds, outside.pcds, terminatedNoArea.pcds, samples[0].pcds];
    const res = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: { postcodes: inputs } });
    t.equal(res.statusCode, 200);
    const body = res.json();
    t.equal(body.count, inputs.length);
    t.same(body.results.map((r: { input: string }) => r.input), inputs, 'one result per input, in order');
    t.same(body.results.map((r: { status: string }) => r.status), ['invalid', 'not_found', 'terminated', 'outside_indices', 'no_small_area', 'found']);
    t.equal(body.results[2].deprivation.rank, england.get(terminatedEn.lsoa11)!.rank, 'terminated: the area it was last assigned to');
    t.equal(body.results[2].doterm, terminatedEn.doterm);
    t.equal(body.results[3].deprivation, null);
    t.ok(body.postcodes_edition.id, 'names the postcode directory edition');

    const csvRes = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes?format=csv&quantile=3', payload: inputs });
    t.equal(csvRes.statusCode, 200);
    t.match(csvRes.headers['content-type'], /text\/csv/);
    const table: Record<string, string>[] = parse(csvRes.body, { columns: true });
    t.same(table.map((r) => r.status), ['invalid', 'not_found', 'terminated', 'outside_indices', 'no_small_area', 'found'], 'CSV: one row per input');
    t.equal(Number(table[5].rank), body.results[5].deprivation.rank);
    t.equal(Number(table[5].quantile), Math.ceil((body.results[5].deprivation.rank * 3) / body.results[5].deprivation.areas));

    const bad = await app.inject('/v1/deprivation/postcodes/not-a-postcode');
    t.equal(bad.statusCode, 400);
    t.match(bad.headers['content-type'], /problem\+json/);
    const unknown = await app.inject('/v1/deprivation/postcodes/ZZ11ZZ');
    t.equal(unknown.statusCode, 404);
    t.equal(unknown.json().lookup_status, 'not_found');
    const out = (await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(outside.pcds)}`)).json();
    t.equal(out.result.status, 'outside_indices');
  });

  t.test('quantile and edition parameters', async (t) => {
    const pc = encodeURIComponent(live('E92000001')[0].pcds);
    for (const q of ['1', '21', 'x', '2.5']) {
      const res = await app.inject(`/v1/deprivation/postcodes/${pc}?quantile=${q}`);
      t.equal(res.statusCode, 400, `quantile=${q}`);
      t.match(res.headers['content-type'], /problem\+json/);
    }
    t.equal((await app.inject(`/v1/deprivation/postcodes/${pc}?colour=red`)).statusCode, 400, 'unknown parameter');
    t.equal((await app.inject(`/v1/deprivation/postcodes/${pc}?edition=IoD2099`)).statusCode, 400, 'unknown edition');
    t.equal((await app.inject(`/v1/deprivation/postcodes/${pc}?edition=IoD2019,IoD2025`)).statusCode, 400, 'two editions for one nation');
    const r2025 = (await app.inject(`/v1/deprivation/postcodes/${pc}?edition=IoD2025`)).json().result;
    t.same([r2025.status, r2025.index_edition], ['index_edition_unavailable', 'IoD2025'], 'IoD2025 is named, and said to lack small-area values');
    t.ok(r2025.uk_composite, 'the composite still answers');
    const r2019 = (await app.inject(`/v1/deprivation/postcodes/${pc}?edition=iod2019`)).json().result;
    t.equal(r2019.deprivation.edition.label, 'IoD2019');
    const big = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: { postcodes: Array(1001).fill('M1 1AD') } });
    t.equal(big.statusCode, 400, 'more than 1,000 postcodes');
    const etag = (await app.inject(`/v1/deprivation/postcodes/${pc}`)).headers.etag as string;
    t.equal((await app.inject({ url: `/v1/deprivation/postcodes/${pc}`, headers: { 'if-none-match': etag } })).statusCode, 304);
  });

  t.test('registry of index editions', async (t) => {
    const body = (await app.inject('/v1/deprivation/indices?limit=100')).json();
    t.equal(body.total, 6);
    const by = new Map(body.items.map((i: { index_edition: string }) => [i.index_edition, i]));
    t.match(by.get('IoD2025'), { postcode_field: 'lsoa21', small_areas_loaded: false });
    t.match(by.get('WIMD2019'), { areas: walesRows.length, quantile_rule: 'smallest k with rank ≤ ceil(k × areas / N)' });
  });
});
