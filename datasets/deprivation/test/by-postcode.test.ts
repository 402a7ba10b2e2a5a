// Deprivation by postcode against the real files: for sample postcodes of every nation in the data
// folder, the answer equals the published rank and decile of the postcode's small area, computed here
// from the official index files and the ONSPD rows (nothing copied into the test).
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { ajv } from '../../../core/schema.ts';
import { bulkResponse, resultSchema } from '../lib/response-schemas.ts';
import { CSV_COLUMNS, csvRow } from '../lib/csv.ts';
import { runImport } from '../../../core/imports/run.ts';

const D = dataDir();
const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(D, f)), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true });
const onspd = [...csv('onspd/ONSPD_sample.csv'), ...csv('onspd/ONSPD_supplement_from_postcodes_io_examples.csv')];

// Official ranks and deciles by small area, read by column position/name from each publisher's file.
const england2019 = new Map(csv('imd/england-2019/File_2_-_IoD2019_Domains_of_Deprivation.csv').map((r) => { const v = Object.values(r); return [v[0], { rank: Number(v[4]), decile: Number(v[5]), areas: 32844 }]; }));
const england = new Map(csv('imd/england-2025/imd2025_england_lsoa21.csv').map((r) => [r.lsoa21_code, { rank: Number(r.IMD_rank), decile: Number(r.IMD_decile), areas: 33755 }]));
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
/** The postcode-directory column each nation's default edition joins on: IoD2025 is on LSOA 2021. */
const JOIN: Record<string, 'lsoa11' | 'lsoa21'> = { E92000001: 'lsoa21', W92000004: 'lsoa11', S92000003: 'lsoa11', N92000002: 'lsoa11' };

const live = (ctry: string) => onspd.filter((r) => r.ctry === ctry && !r.doterm && r.lsoa11);
const samples = [...live('E92000001'), ...live('W92000004'), ...live('S92000003').filter((_, i) => i % 200 === 0), ...live('N92000002')];

t.test('deprivation by postcode', async (t) => {
  const deps = ['postcodes', 'imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite'];
  const { app, platform } = await testPlatform(t, { datasets: [...deps, 'deprivation'], imports: [...deps, 'deprivation'] });

  t.test('sample postcodes of every nation: the published rank and decile of their area', async (t) => {
    t.ok(new Set(samples.map((s) => s.ctry)).size === 4, 'samples from all four nations');
    for (const s of samples) {
      const res = await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(s.pcds.toLowerCase().replace(' ', ''))}`);
      t.equal(res.statusCode, 200, s.pcds);
      const r = res.json().result;
      const join = JOIN[s.ctry];
      const expected = INDEX[s.ctry].get(s[join])!;
      t.equal(r.status, 'found');
      t.equal(r.nation, NATION[s.ctry]);
      t.same([r.deprivation.area.code, r.deprivation.area.postcode_field], [s[join], join], `joined on the index's own vintage (${join})`);
      t.same([r.deprivation.rank, r.deprivation.decile.value, r.deprivation.areas], [expected.rank, expected.decile, expected.areas], `${s.pcds}: rank, decile, areas`);
      if (s.imd && s.ctry === 'S92000003') t.equal(r.deprivation.rank, Number(s.imd), 'and equal to the ONSPD imd column');
      t.match(r.deprivation.caveat, new RegExp(`within ${NATION[s.ctry]} only`));
      const c = composite.get(s.lsoa11);
      if (c) t.same([r.uk_composite.rank, r.uk_composite.decile.value], [Number(c.UK_IMD_E_rank), Number(c.UK_IMD_E_pop_decile)], 'composite rank and decile');
    }
  });

  t.test('England: IoD2025 by default through lsoa21, IoD2019 on request through lsoa11', async (t) => {
    const english = onspd.filter((r) => r.ctry === 'E92000001' && r.lsoa21);
    t.equal(english.length, 5, 'the five English postcodes of the ONSPD sample, one terminated');
    t.ok(english.some((r) => r.lsoa11 !== r.lsoa21), 'one of them is in an LSOA 2021 with a new code');
    for (const s of english) {
      const now = (await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(s.pcds)}`)).json().result;
      const e25 = england.get(s.lsoa21)!;
      t.equal(now.status, s.doterm ? 'terminated' : 'found', s.pcds);
      t.same(
        [now.index_edition, now.deprivation.area.code, now.deprivation.area.type, now.deprivation.area.postcode_field, now.deprivation.rank, now.deprivation.decile.value, now.deprivation.areas],
        ['IoD2025', s.lsoa21, 'LSOA 2021', 'lsoa21', e25.rank, e25.decile, 33755],
        `${s.pcds}: IoD2025 of its LSOA 2021 ${s.lsoa21}`,
      );
      t.match(now.deprivation.area.name, /^(Southwark|Manchester) \d{3}[A-Z]$/, 'named by the ONS name table');
      t.equal(now.deprivation.area.local_authority_code, s.oslaua, 'its 2024 district, as the postcode directory has it');
      t.match(now.deprivation.caveat, /IoD2025 \(LSOA 2021, joined through lsoa21\) and IoD2019 \(LSOA 2011, joined through lsoa11\) are different editions .* not comparable/);
      t.match(now.deprivation.caveat, /uk_composite stays on the inputs of mySociety's release \(IoD2019, WIMD2019, SIMD2020v2, NIMDM2017\), joined through lsoa11: it does not reflect IoD2025/);
      t.equal(now.uk_composite.area_code, s.lsoa11, 'the composite joins through lsoa11');

      const old = (await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(s.pcds)}?edition=IoD2019`)).json().result;
      const e19 = england2019.get(s.lsoa11)!;
      t.same(
        [old.index_edition, old.deprivation.area.code, old.deprivation.area.type, old.deprivation.area.postcode_field, old.deprivation.rank, old.deprivation.decile.value, old.deprivation.areas],
        ['IoD2019', s.lsoa11, 'LSOA 2011', 'lsoa11', e19.rank, e19.decile, 32844],
        `${s.pcds}: IoD2019 of its LSOA 2011 ${s.lsoa11}`,
      );
      t.equal(old.deprivation.rank, Number(s.imd), 'equal to the ONSPD imd column (IoD2019)');
      t.match(old.deprivation.caveat, /not comparable/);
      t.notMatch(old.deprivation.caveat, /does not reflect/, 'the composite is built on IoD2019');
    }
    const inputs = english.map((r) => r.pcds);
    for (const [edition, join, label] of [['', 'lsoa21', 'IoD2025'], ['IoD2019', 'lsoa11', 'IoD2019']] as const) {
      const q = edition ? `?edition=${edition}` : '';
      const bulk = (await app.inject({ method: 'POST', url: `/v1/deprivation/postcodes${q}`, payload: inputs })).json();
      t.same(bulk.results.map((r: { index_edition: string; deprivation: { area: { code: string } } }) => [r.index_edition, r.deprivation.area.code]), english.map((r) => [label, r[join]]), `bulk JSON: ${label} through ${join}`);
      const table: Record<string, string>[] = parse((await app.inject({ method: 'POST', url: `/v1/deprivation/postcodes${q}${q ? '&' : '?'}format=csv`, payload: inputs })).body, { columns: true });
      t.same(table.map((r) => [r.index_edition, r.area_code, r.area_type, r.postcode_field]), english.map((r) => [label, r[join], `LSOA 20${join.slice(4)}`, join]), `bulk CSV: ${label} through ${join}`);
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

  t.test('a bulk answer of 1,000 is streamed, and what is streamed is the documented answer (JSON and CSV)', async (t) => {
    const inputs = [...onspd.slice(0, 996).map((r) => r.pcds), 'not a postcode', 'ZZ1 1ZZ', 'GY1 1AA', samples[0].pcds.toLowerCase()];
    const res = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes?quantile=5', payload: { postcodes: inputs } });
    t.equal(res.statusCode, 200);
    t.notOk(res.headers['content-length'], 'streamed: no length before the end');
    const body = res.json();
    const valid = ajv.compile(bulkResponse);
    t.ok(valid(body), `${body.results.length} results validate against the documented response schema`);
    t.same(valid.errors?.slice(0, 3) ?? null, null);
    t.same([body.count, body.results.length, body.results[999].input], [1000, 1000, inputs[999]]);
    const csv = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes?quantile=5&format=csv', payload: { postcodes: inputs } });
    const rows: Record<string, string>[] = parse(csv.body, { columns: true });
    t.same(Object.keys(rows[0]), CSV_COLUMNS, 'the documented columns');
    t.equal(rows.length, 1000, 'one row per input');
    const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    const differ = rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(Object.fromEntries(Object.entries(csvRow(body.results[i])).map(([k, v]) => [k, cell(v)]))));
    t.equal(differ, -1, 'each CSV row is its JSON result, flattened');
  });

  t.test('single answers kept in memory are replayed byte for byte', async (t) => {
    const urls = samples.slice(0, 20).flatMap((s) => [`/v1/deprivation/postcodes/${encodeURIComponent(s.pcds)}`, `/v1/deprivation/postcodes/${encodeURIComponent(s.pcds.toLowerCase())}?quantile=3`]);
    const first = await Promise.all(urls.map((u) => app.inject(u)));
    const hits = (await app.inject('/health')).json().answers.hits;
    const again = await Promise.all(urls.map((u) => app.inject(u)));
    t.equal((await app.inject('/health')).json().answers.hits, hits + urls.length, 'every second answer came from memory');
    t.same(again.map((r) => [r.statusCode, r.payload, r.headers.etag, r.headers['content-type']]), first.map((r) => [r.statusCode, r.payload, r.headers.etag, r.headers['content-type']]), 'the same bytes and headers');
    t.same(again.map((r) => r.json().result.input), urls.map((u) => decodeURIComponent(u.split('/').pop()!.split('?')[0])), 'each with its own input');
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
    t.equal(body.results[2].deprivation.rank, england.get(terminatedEn.lsoa21)!.rank, 'terminated: the area it was last assigned to');
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
    t.same([r2025.status, r2025.index_edition, r2025.deprivation.edition.label], ['found', 'IoD2025', 'IoD2025'], 'edition=IoD2025 names the default');
    t.ok(r2025.uk_composite, 'the composite answers beside it');
    const r2019 = (await app.inject(`/v1/deprivation/postcodes/${pc}?edition=iod2019`)).json().result;
    t.equal(r2019.deprivation.edition.label, 'IoD2019');
    t.equal((await app.inject(`/v1/deprivation/postcodes/${pc}?edition=IoD2019,WIMD2019`)).statusCode, 200, 'editions of two nations');
    const big = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: { postcodes: Array(1001).fill('M1 1AD') } });
    t.equal(big.statusCode, 400, 'more than 1,000 postcodes');
    const etag = (await app.inject(`/v1/deprivation/postcodes/${pc}`)).headers.etag as string;
    t.equal((await app.inject({ url: `/v1/deprivation/postcodes/${pc}`, headers: { 'if-none-match': etag } })).statusCode, 304);
  });

  t.test('registry of index editions', async (t) => {
    const body = (await app.inject('/v1/deprivation/indices?limit=100')).json();
    t.equal(body.total, 6);
    const by = new Map(body.items.map((i: { index_edition: string }) => [i.index_edition, i]));
    t.match(by.get('IoD2025'), { postcode_field: 'lsoa21', area_type: 'LSOA 2021', small_areas_loaded: true, areas: 33755, is_default: true, status: 'imported' });
    t.match(by.get('IoD2019'), { postcode_field: 'lsoa11', area_type: 'LSOA 2011', small_areas_loaded: true, areas: 32844, is_default: false });
    t.match(by.get('WIMD2019'), { areas: walesRows.length, quantile_rule: 'smallest k with rank ≤ ceil(k × areas / N)' });
  });

  // Last: it imports a second postcode-directory edition. Real English rows of the ONSPD sample, one
  // with lsoa21 emptied and one with an LSOA 2021 code IoD2025 does not rank (E01999999, invented).
  t.test('England: no lsoa21, or one unknown to IoD2025: a status of its own, never the IoD2019 answer', async (t) => {
    const work = mkdtempSync(join(tmpdir(), 'deprivation-onspd-'));
    t.teardown(() => rmSync(work, { recursive: true, force: true }));
    const [header, ...lines] = readFileSync(join(D, 'onspd/ONSPD_sample.csv'), 'utf8').split('\n');
    const cols = header.split(',');
    const english = lines.filter((l) => l.split(',')[cols.indexOf('ctry')] === 'E92000001' && !l.split(',')[cols.indexOf('doterm')]).map((l) => l.split(','));
    english[0][cols.indexOf('lsoa21')] = '';
    english[1][cols.indexOf('lsoa21')] = 'E01999999';
    const file = join(work, 'onspd.csv');
    writeFileSync(file, [header, ...english.map((c) => c.join(','))].join('\n') + '\n');
    await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] });
    const pcs = english.map((c) => c[cols.indexOf('pcds')]);
    const body = (await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: pcs.slice(0, 3) })).json();
    t.same(body.results.map((r: { status: string }) => r.status), ['no_small_area', 'area_not_in_index', 'found']);
    t.same(body.results.map((r: { index_edition: string }) => r.index_edition), ['IoD2025', 'IoD2025', 'IoD2025'], 'the edition is named');
    t.same([body.results[0].deprivation, body.results[1].deprivation], [null, null], 'no IoD2019 answer in its place');
    t.match(body.results[0].message, /no LSOA 2021 \(lsoa21\), the geography IoD2025 uses; edition=IoD2019 joins it through lsoa11 \(LSOA 2011\), not comparable with IoD2025/);
    t.match(body.results[1].message, /small area E01999999 \(lsoa21\) has no value in IoD2025; edition=IoD2019/);
    t.ok(body.results[0].uk_composite, 'the composite still answers, through lsoa11');
    const table: Record<string, string>[] = parse((await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes?format=csv', payload: pcs.slice(0, 3) })).body, { columns: true });
    t.same(table.map((r) => [r.status, r.index_edition, r.area_code]), [['no_small_area', 'IoD2025', ''], ['area_not_in_index', 'IoD2025', ''], ['found', 'IoD2025', english[2][cols.indexOf('lsoa21')]]], 'CSV the same');
    const single = (await app.inject(`/v1/deprivation/postcodes/${encodeURIComponent(pcs[0])}?edition=IoD2019`)).json().result;
    t.same([single.status, single.deprivation.area.code], ['found', english[0][cols.indexOf('lsoa11')]], 'edition=IoD2019 answers it through lsoa11');
  });
});
