// IoD2025 against the real files: every one of the 33,755 LSOAs served with the published ranks,
// deciles and scores (the converted CSVs, read here independently), names from the ONS name table,
// districts joined where they can be; and the district summaries.
import t from 'tap';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { runImport } from '../../../core/imports/run.ts';

const D = dataDir();
const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(D, f)), { columns: true });
const rows = csv('imd/england-2025/indices_of_deprivation_2025_lad.csv');
const main = csv('imd/england-2025/imd2025_england_lsoa21.csv');
const subs = new Map(csv('imd/england-2025/imd2025_england_lsoa21_subdomains.csv').map((r) => [r.lsoa21_code, r]));
const names: Record<string, string> = JSON.parse(readFileSync(join(D, 'geography-names/lsoa21.json'), 'utf8'));
const districtByName = new Map(rows.map((r) => [r.area_name, r.area_code]));

// served field ← column of the converted CSVs
const MAIN: [string, string][] = [
  ['imd', 'IMD'],
  ['income', 'Income'],
  ['employment', 'Employment'],
  ['education', 'Education'],
  ['health', 'Health'],
  ['crime', 'Crime'],
  ['barriers', 'Housing_and_Services'],
  ['living_environment', 'Environment'],
];
const SUBS: [string, string][] = [
  ['children_young_people', 'children_and_young_people'],
  ['adult_skills', 'adult_skills'],
  ['geographical_barriers', 'geographical_barriers'],
  ['wider_barriers', 'wider_barriers'],
  ['indoors', 'indoors'],
  ['outdoors', 'outdoors'],
];

type Item = Record<string, unknown>;

t.test('imd-england-2025 serves the LSOA 2021 areas and the district summaries', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['imd-england-2025'], imports: ['imd-england-2025'] });

  t.test('every LSOA, with the published ranks, deciles and scores', async (t) => {
    const served = new Map<string, Item>();
    let url: string | null = '/v1/imd-england-2025/areas?limit=1000';
    while (url) {
      const res = await app.inject(url);
      if (res.statusCode !== 200) t.fail(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const body = res.json() as { total: number; next: string | null; items: Item[] };
      for (const i of body.items) served.set(i.lsoa21_code as string, i);
      url = body.next;
    }
    t.equal(main.length, 33755, 'the shared CSV has the 33,755 LSOAs');
    t.equal(served.size, main.length, 'one record per LSOA');
    t.same(Object.keys(served.values().next().value!).slice(0, 2), ['lsoa21_code', 'lsoa21_name'], 'the area code comes first');
    let mismatches = 0;
    let compared = 0;
    const first: string[] = [];
    const differ = (what: string) => {
      mismatches++;
      if (first.length < 5) first.push(what);
    };
    for (const r of main) {
      const s = served.get(r.lsoa21_code);
      if (!s) {
        differ(`${r.lsoa21_code} not served`);
        continue;
      }
      for (const [k, c] of MAIN)
        for (const [kind, v] of [['rank', r[`${c}_rank`]], ['decile', r[`${c}_decile`]], ['score', r[`${c}_score`]]]) {
          compared++;
          if (s[`${k}_${kind}`] !== Number(v)) differ(`${r.lsoa21_code} ${k}_${kind}: ${s[`${k}_${kind}`]} ≠ ${v}`);
        }
      const sub = subs.get(r.lsoa21_code)!;
      for (const [k, c] of SUBS)
        for (const kind of ['rank', 'decile', 'score']) {
          compared++;
          if (s[`${k}_${kind}`] !== Number(sub[`${c}_${kind}`])) differ(`${r.lsoa21_code} ${k}_${kind}`);
        }
      if (s.lsoa21_name !== names[r.lsoa21_code]) differ(`${r.lsoa21_code} name`);
      for (const f of ['idaci_rank', 'idaci_decile', 'idaopi_rank', 'idaopi_score', 'population_total']) if (s[f] !== null) differ(`${r.lsoa21_code} ${f} is not null`);
    }
    t.same(first, [], 'first differences');
    t.equal(mismatches, 0, `every one of ${compared} published values equals the served one; IDACI, IDAOPI and denominators are null, not zero`);
    const ranks = [...served.values()].map((s) => s.imd_rank as number).sort((a, b) => a - b);
    t.ok(ranks.every((r, i) => r === i + 1), 'IMD ranks 1…33,755, each once');

    // districts: by the district name in the LSOA name wherever the summaries file has that name
    let byName = 0;
    let wrong = 0;
    for (const s of served.values()) {
      const part = (s.lsoa21_name as string).replace(/ \d{3}[A-Z]$/, '');
      const exact = districtByName.get(part);
      if (exact) {
        byName++;
        if (s.lad24_code !== exact || s.lad24_source !== 'district_name') wrong++;
      }
      if (s.lad24_code === null ? s.lad24_source !== null || s.lad24_name !== null : !rows.some((r) => r.area_code === s.lad24_code && r.area_name === s.lad24_name)) wrong++;
    }
    t.ok(byName > 32000, `${byName} LSOAs name a district of the summaries file exactly`);
    t.equal(wrong, 0, 'those get its code; every code served is a 2024 district with its own name');
    const bristol = [...served.values()].find((s) => (s.lsoa21_name as string).startsWith('Bristol '))!;
    t.same([bristol.lad24_code, bristol.lad24_name], [districtByName.get('Bristol, City of'), 'Bristol, City of'], '"Bristol 001A" is in "Bristol, City of"');
    const allerdale = [...served.values()].find((s) => (s.lsoa21_name as string).startsWith('Allerdale '))!;
    t.same([allerdale.lad24_code, allerdale.lad24_source], [null, null], 'a district merged in 2023 does not join by name (null, not guessed)');
  });

  t.test('the catalogue says what the source lacked', async (t) => {
    const cat = (await app.inject('/catalogue/imd-england-2025')).json();
    t.match(cat.metadata.absent, [/IDACI and IDAOPI not in this source/, /population denominators not in this source/, /LSOA names not in this source: 33755 from the ONS name table/, /LAD 2024 codes not in this source/]);
    t.ok(cat.metadata.fields_absent.includes('idaci_rank') && !cat.metadata.fields_absent.includes('imd_score'), 'fields_absent names the null fields');
    t.match(cat.metadata.layout, /humaniverse/);
    t.ok(cat.warnings.some((w: { code: string; message: string }) => w.code === 'lad_not_joined' && /Allerdale \d+/.test(w.message)), 'the LSOAs left without a district are a warning, by district');
    t.equal(cat.metadata.lad24.district_name + cat.metadata.lad24.not_joined, 33755);
    t.ok(cat.warnings.some((w: { code: string; message: string }) => w.code === 'tied_ranks' && /^income_rank .*33456 × 2/.test(w.message)), 'the publisher\'s tied ranks are a warning');
  });

  t.test('filters, by key, CSV, bad input', async (t) => {
    const r = main[100];
    const one = (await app.inject(`/v1/imd-england-2025/areas/${r.lsoa21_code}`)).json();
    t.same([one.item.imd_rank, one.edition.label, one.geography_vintage], [Number(r.IMD_rank), 'IoD2025', 'LSOA 2021; LAD 2024']);
    const decile1 = main.filter((x) => x.IMD_decile === '1').length;
    t.equal((await app.inject('/v1/imd-england-2025/areas?imd_decile=1&limit=1')).json().total, decile1);
    const c = await app.inject('/v1/imd-england-2025/areas.csv?imd_decile=1');
    t.equal(c.body.trim().split('\n').length, decile1 + 1, 'CSV: every area of decile 1');
    t.equal((await app.inject('/v1/imd-england-2025/areas/E01999999')).statusCode, 404);
    for (const bad of ['imd_decile=x', 'imd_rank__gt=1e309', 'colour=red', 'lsoa21_code=%00']) {
      const res = await app.inject(`/v1/imd-england-2025/areas?${bad}`);
      t.equal(res.statusCode, 400, bad);
      t.match(res.headers['content-type'], /problem\+json/);
    }
  });

  t.test('district summaries', async (t) => {
    const all = (await app.inject('/v1/imd-england-2025/lad_summaries?limit=1')).json();
    t.equal(all.total, rows.length, 'one record per district and index');
    t.equal(all.edition.label, 'IoD2025');
    const imd = rows.filter((r) => r.index_domain === 'Index of Multiple Deprivation');
    const res = (await app.inject('/v1/imd-england-2025/lad_summaries?index_domain=imd&limit=1000')).json();
    t.equal(res.total, imd.length);
    const byCode = new Map(res.items.map((i: Item) => [i.lad_code, i]));
    let bad = 0;
    for (const r of imd) {
      const s = byCode.get(r.area_code) as Item;
      if (s.rank_average_rank !== Number(r.rank_average_rank) || s.average_rank !== Number(r.average_rank)) bad++;
      if (Math.abs((s.proportion_most_deprived_10pc as number) - Number(r.proportion_bottom_decile)) > 1e-9) bad++;
    }
    t.equal(bad, 0, 'ranks and proportions as published');
    const first = (await app.inject('/v1/imd-england-2025/lad_summaries?index_domain=idaci&rank_average_rank=1')).json();
    t.equal(first.items[0].lad_code, rows.find((r) => /Children/.test(r.index_domain) && r.rank_average_rank === '1')!.area_code);
    t.equal((await app.inject('/v1/imd-england-2025/lad_summaries?index_domain=nope')).statusCode, 200);
    t.equal((await app.inject('/v1/imd-england-2025/lad_summaries?colour=red')).statusCode, 400);
  });
});

t.test('districts through the postcode directory, where the name does not join', async (t) => {
  // The ONSPD sample's English rows, and one synthetic postcode (ZZ99 9AA, invented) put in an LSOA
  // of Allerdale (merged into Cumberland, E06000063, in 2023), to reach the join no sample row reaches.
  const work = mkdtempSync(join(tmpdir(), 'iod2025-onspd-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const text = readFileSync(join(D, 'onspd/ONSPD_sample.csv'), 'utf8');
  const [header, ...lines] = text.split('\n');
  const cols = header.split(',');
  const english = lines.filter((l) => l.split(',')[cols.indexOf('ctry')] === 'E92000001');
  const allerdale = Object.entries(names).find(([c, n]) => c.startsWith('E01') && n.startsWith('Allerdale '))![0];
  const synthetic = english[0].split(',');
  for (const [k, v] of Object.entries({ pcd7: 'ZZ999AA', pcd8: 'ZZ99 9AA', pcds: 'ZZ99 9AA', oslaua: 'E06000063', lsoa21: allerdale, doterm: '' })) synthetic[cols.indexOf(k)] = v;
  const onspd = join(work, 'onspd.csv');
  writeFileSync(onspd, [header, ...english, synthetic.join(',')].join('\n') + '\n');

  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'imd-england-2025'] });
  await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${onspd}`] });
  await runImport(platform, { datasetId: 'imd-england-2025', trigger: 'test' });
  const a = (await app.inject(`/v1/imd-england-2025/areas/${allerdale}`)).json().item;
  t.same([a.lad24_code, a.lad24_name, a.lad24_source], ['E06000063', 'Cumberland', 'postcode_directory']);
  const sample = english.map((l) => l.split(',')).filter((r) => !r[cols.indexOf('doterm')])[0];
  const s = (await app.inject(`/v1/imd-england-2025/areas/${sample[cols.indexOf('lsoa21')]}`)).json().item;
  t.same([s.lad24_code, s.lad24_source], [sample[cols.indexOf('oslaua')], 'district_name'], 'a sample LSOA: the name and its postcodes agree');
  const cat = (await app.inject('/catalogue/imd-england-2025')).json();
  t.equal(cat.metadata.lad24.postcode_directory, 1);
  t.notOk(cat.warnings.some((w: { code: string }) => w.code === 'lad_join_disagrees'), 'no disagreement between the two joins');
});
