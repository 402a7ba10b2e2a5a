// The publisher's combined File 7 layout is accepted when an operator provides it. The local data
// collection lacks File 7, so the test writes one (in a temp folder, never in the repository) in the
// publisher's layout from the real Files 2, 3 and 6, with invented scores and sub-domain ranks.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { runImport } from '../../../core/imports/run.ts';

const dir = join(dataDir(), 'imd/england-2019');
const read = (f: string): string[][] => (parse(readFileSync(join(dir, f)), { bom: true, skip_empty_lines: true }) as string[][]).slice(1);
const f2 = read('File_2_-_IoD2019_Domains_of_Deprivation.csv');
const f3 = new Map(read('File_3_-_IoD2019_Supplementary_Indices_-_IDACI_and_IDAOPI.csv').map((r) => [r[0], r]));
const f6 = new Map(read('File_6_-_IoD2019_Population_Denominators.csv').map((r) => [r[0], r]));

const RD = 'Rank (where 1 is most deprived)';
const DD = 'Decile (where 1 is most deprived 10% of LSOAs)';
const domains = [
  ['Index of Multiple Deprivation (IMD) Score', 'Index of Multiple Deprivation (IMD)'],
  ['Income Score (rate)', 'Income'],
  ['Employment Score (rate)', 'Employment'],
  ['Education, Skills and Training Score', 'Education, Skills and Training'],
  ['Health Deprivation and Disability Score', 'Health Deprivation and Disability'],
  ['Crime Score', 'Crime'],
  ['Barriers to Housing and Services Score', 'Barriers to Housing and Services'],
  ['Living Environment Score', 'Living Environment'],
];
const supp = [
  ['Income Deprivation Affecting Children Index (IDACI) Score (rate)', 'Income Deprivation Affecting Children Index (IDACI)'],
  ['Income Deprivation Affecting Older People (IDAOPI) Score (rate)', 'Income Deprivation Affecting Older People (IDAOPI)'],
];
const subs = ['Children and Young People Sub-domain', 'Adult Skills Sub-domain', 'Geographical Barriers Sub-domain', 'Wider Barriers Sub-domain', 'Indoors Sub-domain', 'Outdoors Sub-domain'];
const pops = [
  'Total population: mid 2015 (excluding prisoners)',
  'Dependent Children aged 0-15: mid 2015 (excluding prisoners)',
  'Population aged 16-59: mid 2015 (excluding prisoners)',
  'Older population aged 60 and over: mid 2015 (excluding prisoners)',
  'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
];
const header = [
  'LSOA code (2011)',
  'LSOA name (2011)',
  'Local Authority District code (2019)',
  'Local Authority District name (2019)',
  ...[...domains, ...supp].flatMap(([score, name]) => [score, `${name} ${RD}`, `${name} ${DD}`]),
  ...subs.flatMap((s) => [`${s} Score`, `${s} ${RD}`, `${s} ${DD}`]),
  ...pops,
];
/** Invented score of a rank (not the publisher's value). */
const score = (rank: string) => Math.round(100000 - Number(rank)) / 1000;
function file7(tamper?: (row: string[], i: number) => void): string {
  const rows = f2.map((r, i) => {
    const s3 = f3.get(r[0])!;
    const s6 = f6.get(r[0])!;
    const row = [
      ...r.slice(0, 4),
      ...domains.flatMap((_, d) => [String(score(r[4 + 2 * d])), r[4 + 2 * d], r[5 + 2 * d]]),
      ...[0, 1].flatMap((k) => [String(score(s3[6 + 2 * k])), s3[6 + 2 * k], s3[7 + 2 * k]]),
      ...subs.flatMap(() => [String(score(r[4])), r[4], r[5]]),
      ...s6.slice(4, 9),
    ];
    tamper?.(row, i);
    return row;
  });
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: '\r\n' });
}

t.test('IoD2019 with the publisher\'s File 7 layout', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'iod-file7-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const { app, platform } = await testPlatform(t, { datasets: ['imd-england-2019'], imports: ['imd-england-2019'] });
  const before = (await app.inject('/v1/imd-england-2019/areas?limit=1')).json();
  t.equal(before.items[0].imd_score, null, 'without File 7: no scores');

  const good = join(work, 'File_7.csv');
  writeFileSync(good, file7());
  const result = await runImport(platform, { datasetId: 'imd-england-2019', trigger: 'test', sources: [`file_7=${good}`] });
  t.equal(result.rowCounts.areas, f2.length);
  const one = (await app.inject(`/v1/imd-england-2019/areas/${f2[7][0]}`)).json().item;
  t.equal(one.imd_score, score(f2[7][4]), 'IMD score read from File 7');
  t.equal(one.income_score, score(f2[7][6]), 'domain score (rate) read');
  t.equal(one.idaci_score, score(f3.get(f2[7][0])![6]), 'IDACI score read');
  t.equal(one.children_young_people_rank, Number(f2[7][4]), 'sub-domain rank read');
  t.equal(one.outdoors_decile, Number(f2[7][5]), 'sub-domain decile read');
  t.equal(one.imd_rank, Number(f2[7][4]), 'ranks agree with File 2');
  const cat = (await app.inject('/catalogue/imd-england-2019')).json();
  t.equal(cat.metadata.scores_loaded, true);

  const bad = join(work, 'File_7_bad.csv');
  writeFileSync(bad, file7((row, i) => i === 9 && (row[5] = String(Number(row[5]) + 1))));
  const failed = await runImport(platform, { datasetId: 'imd-england-2019', trigger: 'test', sources: [`file_7=${bad}`] }).catch((e) => e);
  t.match(failed.detail, { line: 11, field: `Index of Multiple Deprivation (IMD) ${RD}`.toLowerCase() }, 'a File 7 disagreeing with File 2 fails, naming line and column');
  const after = (await app.inject(`/v1/imd-england-2019/areas/${f2[7][0]}`)).json();
  t.equal(after.edition.id, result.editionId, 'the previous edition stays served');
});
