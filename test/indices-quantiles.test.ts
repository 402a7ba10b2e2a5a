// The quantile rules, proved on every area of every index (overall and every domain), for every N
// from 2 to 20: rank 1, the last rank and every band boundary; the published quantiles reproduced
// exactly; the legacy rule's errors shown. Ranks are read from the official files.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from './helpers/platform.ts';
import { MAX_QUANTILE, MIN_QUANTILE, RULES, legacyQuantile, quantileOf, rankCeil, wimdBand, type RuleId } from '../core/sdk/indices/quantiles.ts';

const D = dataDir();
const rows = (f: string): string[][] =>
  (parse(readFileSync(join(D, 'imd', f)), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]).filter((r) => r.some((v) => v.trim() !== ''));
const header = (r: string[][]) => r[0].map((h) => h.replace(/\s+/g, ' ').trim());

interface Measure {
  index: string;
  measure: string;
  rule: RuleId;
  ranks: number[];
  published: Record<number, number[]>;
}
const measures: Measure[] = [];
function add(index: string, rule: RuleId, file: string, rankCol: (h: string) => boolean, published: Record<number, (h: string, rankHeader: string) => boolean> = {}) {
  const r = rows(file);
  const h = header(r);
  for (let i = 0; i < h.length; i++) {
    if (!rankCol(h[i])) continue;
    const pub: Record<number, number[]> = {};
    for (const [n, test] of Object.entries(published)) {
      const j = h.findIndex((x) => test(x, h[i]));
      if (j >= 0) pub[Number(n)] = r.slice(1).map((x) => Number(x[j]));
    }
    measures.push({ index, measure: h[i], rule, ranks: r.slice(1).map((x) => Number(x[i])), published: pub });
  }
}
const decileOf = (x: string, rank: string) => x === rank.replace(/ Rank \(where 1 is most deprived\)$/, ' Decile (where 1 is most deprived 10% of LSOAs)');
add('IoD2019', 'rank-ceil', 'england-2019/File_2_-_IoD2019_Domains_of_Deprivation.csv', (h) => / Rank \(where/.test(h), { 10: decileOf });
add('IoD2019', 'rank-ceil', 'england-2019/File_3_-_IoD2019_Supplementary_Indices_-_IDACI_and_IDAOPI.csv', (h) => /\(ID.*\) Rank \(where/.test(h), { 10: decileOf });
add('WIMD2019', 'wimd-band', 'wales-2019/wimd-2019-index-and-domain-ranks-by-small-area.csv', (h) => !/LSOA|Local Authority/.test(h));
add('SIMD2020v2', 'rank-ceil', 'scotland-2020/SIMD_2020v2.csv', (h) => /_Rank$/.test(h), {
  20: (x, r) => r === 'SIMD2020v2_Rank' && x === 'SIMD2020v2_Vigintile',
  10: (x, r) => r === 'SIMD2020v2_Rank' && x === 'SIMD2020v2_Decile',
  5: (x, r) => r === 'SIMD2020v2_Rank' && x === 'SIMD2020v2_Quintile',
});
add('NIMDM2017', 'rank-ceil', 'northern-ireland-2017/NIMDM17_SOAresults.csv', (h) => /Rank/.test(h));
add('UK_IMD_E', 'rank-ceil', 'uk-composite-mysociety/UK_IMD_E.csv', (h) => h === 'UK_IMD_E_rank');

const NS = Array.from({ length: MAX_QUANTILE - MIN_QUANTILE + 1 }, (_, i) => i + MIN_QUANTILE);
/** Upper limit of band k, from the rule's definition (independent of the implementation): a rank
 *  belongs to the first band whose limit it does not exceed. ceil rule: k × areas / N (so a half rank
 *  such as 4650.5 of 6,976 is still in the second tercile, whose limit is 4650.67); WIMD: ceil(k × areas / N). */
const limit = (rule: RuleId, k: number, a: number, n: number) => (rule === 'wimd-band' ? Math.ceil((k * a) / n) : (k * a) / n);
/** Last whole rank of band k. */
const bandEnd = (rule: RuleId, k: number, a: number, n: number) => Math.floor(limit(rule, k, a, n));

t.test('the files hold every index and its measures', async (t) => {
  const by = (i: string) => measures.filter((m) => m.index === i).length;
  t.same([by('IoD2019'), by('WIMD2019'), by('SIMD2020v2'), by('NIMDM2017'), by('UK_IMD_E')], [10, 9, 8, 8, 1]);
  t.same(measures.filter((m) => m.index === 'IoD2019').map((m) => m.ranks.length), Array(10).fill(32844));
  t.equal(measures.find((m) => m.index === 'WIMD2019')!.ranks.length, 1909);
  t.equal(measures.find((m) => m.index === 'SIMD2020v2')!.ranks.length, 6976);
  t.equal(measures.find((m) => m.index === 'NIMDM2017')!.ranks.length, 890);
});

for (const m of measures) {
  t.test(`${m.index} ${m.measure}: every area, every N in ${MIN_QUANTILE}..${MAX_QUANTILE}`, async (t) => {
    const areas = m.ranks.length;
    const rule = RULES[m.rule];
    const order = [...m.ranks.keys()].sort((a, b) => m.ranks[a] - m.ranks[b]);
    let failures = 0;
    const fail = (msg: string) => {
      if (failures++ < 5) t.fail(msg);
    };
    for (const n of NS) {
      // every area: in 1..N, equal to the definition of its band, monotone in rank
      let prev = 1;
      for (const i of order) {
        const rank = m.ranks[i];
        const q = rule.compute(rank, areas, n);
        const lower = q === 1 ? 0 : limit(m.rule, q - 1, areas, n);
        if (!(q >= 1 && q <= n) || !(rank > lower && rank <= limit(m.rule, q, areas, n)) || q < prev) fail(`rank ${rank}, N ${n}: ${q}`);
        prev = q;
      }
      // rank 1, the last rank, and both sides of every boundary
      if (rule.compute(1, areas, n) !== 1) fail(`rank 1, N ${n}`);
      if (rule.compute(areas, areas, n) !== n) fail(`last rank, N ${n}`);
      for (let k = 1; k < n; k++) {
        const end = bandEnd(m.rule, k, areas, n);
        if (rule.compute(end, areas, n) !== k || rule.compute(end + 1, areas, n) !== k + 1) fail(`boundary ${k}/${n} at rank ${end}`);
      }
      // the publisher's own quantiles are reproduced exactly
      const pub = m.published[n];
      if (pub) for (const i of order) if (rule.compute(m.ranks[i], areas, n) !== pub[i]) fail(`published ${n}-quantile of rank ${m.ranks[i]} is ${pub[i]}`);
    }
    t.equal(failures, 0, `${areas} areas × ${NS.length} sizes`);
    for (const n of Object.keys(m.published)) t.pass(`published ${n}-quantiles reproduced for all ${areas} areas`);
  });
}

t.test('the rules named in the issue', async (t) => {
  t.equal(wimdBand(191, 1909, 10), 1, 'WIMD decile 1 ends at rank 191 of 1,909');
  t.equal(wimdBand(192, 1909, 10), 2);
  t.equal(rankCeil(190, 1909, 10), 1, 'the ceil rule would end it at 190');
  t.equal(rankCeil(191, 1909, 10), 2);
  t.equal(rankCeil(4563.5, 6976, 10), 7, 'half ranks (SIMD ties) are numeric');
  t.equal(legacyQuantile(32844, 32844, 10), 11, 'the legacy rule gives the least deprived area an eleventh decile');
  t.equal(rankCeil(32844, 32844, 10), 10);
  const iod = measures.find((m) => m.measure.startsWith('Index of Multiple Deprivation'))!;
  const wrong = iod.ranks.filter((r, i) => legacyQuantile(r, 32844, 10) !== iod.published[10][i]).length;
  t.ok(wrong > 0, `the legacy rule disagrees with ${wrong} published IoD deciles (boundary areas one group too high)`);
  for (const bad of [1, 21, 0, 2.5, NaN]) t.throws(() => rankCeil(1, 100, bad), RangeError, `N = ${bad} is refused`);
  t.throws(() => rankCeil(0, 100, 10), RangeError);
  t.throws(() => rankCeil(101, 100, 10), RangeError);
  t.same(quantileOf(5, 100, 10, 'rank-ceil', { 10: 3 }, { 10: 'x_decile' }), { n: 10, value: 3, method: 'published', source_field: 'x_decile' });
  t.same(quantileOf(5, 100, 4, 'wimd-band', { 10: 3 }), { n: 4, value: 1, method: 'computed', rule: RULES['wimd-band'].formula });
});
