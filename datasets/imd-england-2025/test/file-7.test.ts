// The publisher's File 7 layout imports, alone or beside the converted CSVs. The local data
// collection lacks File 7, so the test writes one (in a temporary folder, never in the repository) in
// the publisher's layout from the real values: ranks, deciles and scores of the converted CSVs, names
// of the ONS name table, the district named in the LSOA name where the summaries file has it. What
// the real files do not hold is invented and said so: the districts merged in 2023 (all put in
// Cumberland), IDACI and IDAOPI (the IMD ranking, invented scores), the population denominators.
import t from 'tap';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { runImport } from '../../../core/imports/run.ts';

const D = dataDir();
const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(D, f)), { columns: true });
const main = csv('imd/england-2025/imd2025_england_lsoa21.csv');
const subs = new Map(csv('imd/england-2025/imd2025_england_lsoa21_subdomains.csv').map((r) => [r.lsoa21_code, r]));
const names: Record<string, string> = JSON.parse(readFileSync(join(D, 'geography-names/lsoa21.json'), 'utf8'));
const districts = new Map(csv('imd/england-2025/indices_of_deprivation_2025_lad.csv').map((r) => [r.area_name.replace(/, (City|County) of$/, ''), [r.area_code, r.area_name]]));

const RD = 'Rank (where 1 is most deprived)';
const DD = 'Decile (where 1 is most deprived 10% of LSOAs)';
// File 7 score header, File 7 name, column prefix in the converted CSVs
const domains: [string, string, string][] = [
  ['Index of Multiple Deprivation (IMD) Score', 'Index of Multiple Deprivation (IMD)', 'IMD'],
  ['Income Score (rate)', 'Income', 'Income'],
  ['Employment Score (rate)', 'Employment', 'Employment'],
  ['Education, Skills and Training Score', 'Education, Skills and Training', 'Education'],
  ['Health Deprivation and Disability Score', 'Health Deprivation and Disability', 'Health'],
  ['Crime Score', 'Crime', 'Crime'],
  ['Barriers to Housing and Services Score', 'Barriers to Housing and Services', 'Housing_and_Services'],
  ['Living Environment Score', 'Living Environment', 'Environment'],
];
const supp = [
  ['Income Deprivation Affecting Children Index (IDACI) Score (rate)', 'Income Deprivation Affecting Children Index (IDACI)'],
  ['Income Deprivation Affecting Older People (IDAOPI) Score (rate)', 'Income Deprivation Affecting Older People (IDAOPI)'],
];
const subdomains: [string, string][] = [
  ['Children and Young People Sub-domain', 'children_and_young_people'],
  ['Adult Skills Sub-domain', 'adult_skills'],
  ['Geographical Barriers Sub-domain', 'geographical_barriers'],
  ['Wider Barriers Sub-domain', 'wider_barriers'],
  ['Indoors Sub-domain', 'indoors'],
  ['Outdoors Sub-domain', 'outdoors'],
];
const pops = [
  'Total population: mid 2022 (excluding prisoners)',
  'Dependent Children aged 0-15: mid 2022 (excluding prisoners)',
  'Population aged 16-59: mid 2022 (excluding prisoners)',
  'Older population aged 60 and over: mid 2022 (excluding prisoners)',
  'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
];
const header = [
  'LSOA code (2021)',
  'LSOA name (2021)',
  'Local Authority District code (2024)',
  'Local Authority District name (2024)',
  ...domains.flatMap(([score, name]) => [score, `${name} ${RD}`, `${name} ${DD}`]),
  ...supp.flatMap(([score, name]) => [score, `${name} ${RD}`, `${name} ${DD}`]),
  ...subdomains.flatMap(([s]) => [`${s} Score`, `${s} ${RD}`, `${s} ${DD}`]),
  ...pops,
];
/** Invented values (not the publisher's): an IDACI/IDAOPI score of a rank, and populations. */
const invented = (rank: string) => ({ score: Math.round(1e6 - Number(rank)) / 1e6, population: 1000 + (Number(rank) % 997) });

function district(name: string): [string, string] {
  return (districts.get(name.replace(/ \d{3}[A-Z]$/, '')) as [string, string] | undefined) ?? ['E06000063', 'Cumberland'];
}

function file7(tamper?: (row: string[], i: number) => void): string {
  const rows = main.map((r, i) => {
    const s = subs.get(r.lsoa21_code)!;
    const name = names[r.lsoa21_code];
    const inv = invented(r.IMD_rank);
    const row = [
      r.lsoa21_code,
      name,
      ...district(name),
      ...domains.flatMap(([, , c]) => [r[`${c}_score`], r[`${c}_rank`], r[`${c}_decile`]]),
      ...supp.flatMap(() => [String(inv.score), r.IMD_rank, r.IMD_decile]),
      ...subdomains.flatMap(([, c]) => [s[`${c}_score`], s[`${c}_rank`], s[`${c}_decile`]]),
      ...pops.map((_, k) => String(inv.population - k * 100)),
    ];
    tamper?.(row, i);
    return row;
  });
  // the publisher's CSVs: a byte-order mark and CRLF
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: '\r\n' });
}

const FILE7 = 'imd/england-2025/File_7_IoD2025_All_Ranks_Scores_Deciles_Population_Denominators.csv';

t.test('IoD2025 from the publisher\'s File 7 alone', async (t) => {
  // a data folder holding File 7 and the district summaries only
  const work = mkdtempSync(join(tmpdir(), 'iod2025-file7-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  mkdirSync(join(work, 'imd/england-2025'), { recursive: true });
  symlinkSync(join(D, 'imd/england-2025/indices_of_deprivation_2025_lad.csv'), join(work, 'imd/england-2025/indices_of_deprivation_2025_lad.csv'));
  writeFileSync(join(work, FILE7), file7());
  const { app } = await testPlatform(t, { datasets: ['imd-england-2025'], imports: ['imd-england-2025'], env: { CATALOGUE_DATA_DIR: work } });

  const served: Record<string, string>[] = parse((await app.inject('/v1/imd-england-2025/areas.csv')).body, { columns: true });
  t.equal(served.length, main.length, 'every LSOA');
  const byCode = new Map(served.map((s) => [s.lsoa21_code, s]));
  let differ = 0;
  for (const r of main) {
    const s = byCode.get(r.lsoa21_code)!;
    const [lad] = district(names[r.lsoa21_code]);
    const inv = invented(r.IMD_rank);
    const want: Record<string, string | number> = {
      lsoa21_name: names[r.lsoa21_code],
      lad24_code: lad,
      lad24_source: 'publisher',
      imd_rank: r.IMD_rank,
      imd_score: r.IMD_score,
      barriers_decile: r.Housing_and_Services_decile,
      idaci_rank: r.IMD_rank,
      idaopi_score: inv.score,
      children_young_people_rank: subs.get(r.lsoa21_code)!.children_and_young_people_rank,
      population_total: inv.population,
      population_working_age: inv.population - 400,
    };
    for (const [f, v] of Object.entries(want)) if (s[f] !== String(v) && Number(s[f]) !== Number(v)) differ++;
  }
  t.equal(differ, 0, 'names, districts, IDACI, IDAOPI and denominators read from File 7, ranks and scores as published');

  const cat = (await app.inject('/catalogue/imd-england-2025')).json();
  t.same([cat.metadata.fields_absent, cat.metadata.absent, cat.metadata.layout], [[], [], 'File 7 (publisher)'], 'nothing absent');
  t.equal(cat.metadata.lad24.publisher, main.length);
});

t.test('File 7 beside the converted CSVs, and Files that break the ranking', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'iod2025-file7-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const { app, platform } = await testPlatform(t, { datasets: ['imd-england-2025'] });
  const write = (name: string, text: string) => {
    const p = join(work, name);
    writeFileSync(p, text);
    return p;
  };
  const importWith = (...sources: string[]) => runImport(platform, { datasetId: 'imd-england-2025', trigger: 'test', sources });

  const both = await importWith(`file_7=${write('File_7.csv', file7())}`);
  const cat = (await app.inject('/catalogue/imd-england-2025')).json();
  t.match(cat.metadata.layout, /File 7 .* and CSVs converted/, 'both layouts read, and agreeing');
  t.same(cat.metadata.fields_absent, []);
  t.equal(both.rowCounts.areas, main.length);

  const fails = async (what: string, sources: string[], expected: { line?: number; field: string; reason: RegExp }) => {
    const e = await importWith(...sources).then(
      () => null,
      (err) => err,
    );
    t.ok(e, `${what}: the import fails`);
    t.match(e?.detail, expected, `${what}: naming ${expected.line ? `line ${expected.line} and ` : ''}the column`);
  };
  const line = (i: number) => i + 2;
  const rank = header.indexOf(`Income ${RD}`);
  await fails('File 7 disagreeing with the converted CSVs', [`file_7=${write('f7-disagree.csv', file7((r, i) => i === 20 && (r[rank - 1] = '0.999')))}`], {
    line: line(20),
    field: 'income score (rate)',
    reason: /disagrees/,
  });
  // IDACI is in File 7 only: there the ranking check itself speaks
  const idaci = header.indexOf(`${supp[0][1]} ${RD}`);
  await fails('a published decile off the IoD rule', [`file_7=${write('f7-decile.csv', file7((r, i) => i === 30 && (r[idaci + 1] = String((Number(r[idaci + 1]) % 10) + 1))))}`], {
    line: line(30),
    field: `${supp[0][1]} ${DD}`.toLowerCase(),
    reason: /is not the IoD decile ceil\(\d+ × 10 \/ 33755\)/,
  });
  const two = main.findIndex((r) => r.IMD_rank === '2');
  const one = main.findIndex((r) => r.IMD_rank === '1');
  await fails('a rank given to two areas of different scores', [`file_7=${write('f7-dup.csv', file7((r, i) => i === two && ((r[idaci] = '1'), (r[idaci + 1] = '1'))))}`], {
    line: line(Math.max(two, one)),
    field: `${supp[0][1]} ${RD}`.toLowerCase(),
    reason: /rank 1 appears twice.*different scores/,
  });

  // the converted CSV, tampered
  const [head, ...rows] = readFileSync(join(D, 'imd/england-2025/imd2025_england_lsoa21.csv'), 'utf8').replace(/\n$/, '').split('\n');
  const cols = head.split(',').map((c) => c.replace(/"/g, ''));
  const converted = (tamper: (cells: string[], i: number) => string[] | null) =>
    [head, ...rows.map((l, i) => tamper(l.split(','), i)?.join(',')).filter((l) => l !== undefined)].join('\n') + '\n';
  const setCell = (i: number, col: string, v: string) => converted((c, k) => (k === i ? ((c[cols.indexOf(col)] = v), c) : c));
  await fails('a converted CSV with a decile off the rule', [`lsoa21=${write('c-decile.csv', setCell(40, 'Crime_decile', String((Number(rows[40].split(',')[cols.indexOf('Crime_decile')]) % 10) + 1)))}`], {
    line: line(40),
    field: 'crime_decile',
    reason: /is not the IoD decile/,
  });
  const taken = rows[0].split(',')[cols.indexOf('Employment_rank')];
  const other = rows.findIndex((l, i) => i > 0 && Number(l.split(',')[cols.indexOf('Employment_decile')]) === Math.ceil((Number(taken) * 10) / 33755));
  await fails('a converted CSV giving one rank to two areas', [`lsoa21=${write('c-dup.csv', setCell(other, 'Employment_rank', taken))}`], {
    line: line(other),
    field: 'employment_rank',
    reason: new RegExp(`rank ${taken} appears twice, on lines 2 and ${line(other)}`),
  });
  await fails('a converted CSV missing an area', [`lsoa21=${write('c-short.csv', converted((c, i) => (i === 50 ? null : c)))}`], {
    field: 'imd_rank',
    reason: new RegExp(`rank ${rows[50].split(',')[cols.indexOf('IMD_rank')]} is missing`),
  });
  const after = (await app.inject('/v1/imd-england-2025/areas?limit=1')).json();
  t.equal(after.edition.id, both.editionId, 'the edition imported before the failures stays served');
});
