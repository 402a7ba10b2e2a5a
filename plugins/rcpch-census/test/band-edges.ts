// Band edges through the route: real ONSPD sample postcodes whose small area is set, in a second
// postcode-directory edition written to a temporary folder (never into the repository), to the
// real areas ranked at each nation's band edges. The publisher's rule answers; the old platform's
// formula, floor(rank / (areas / n)) + 1, would put each of them one group too high.
import type { Test } from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestPlatform } from '../../../test/helpers/platform.ts';
import { dataDir } from '../../../test/helpers/platform.ts';
import { runImport } from '../../../core/imports/run.ts';
import { asSent, get } from './client.ts';
import { iod2019, iod2025, legacyBand, nimdm, simd, wimd } from './official.ts';

interface Edge {
  ctry: string;
  column: 'lsoa11' | 'lsoa21';
  year: string;
  areas: number;
  rank: number;
  n: number;
  expected: number;
}

/** The area of an index ranked `rank`. */
const areaRanked = (index: Map<string, { rank: number }>, rank: number) => [...index].find(([, v]) => v.rank === rank)![0];

const EDGES: (Edge & { index: Map<string, { rank: number }> })[] = [
  { ctry: 'E92000001', column: 'lsoa11', year: '2019', index: iod2019, areas: 32844, rank: 32844, n: 5, expected: 5 },
  { ctry: 'E92000001', column: 'lsoa11', year: '2019', index: iod2019, areas: 32844, rank: 32844, n: 10, expected: 10 },
  { ctry: 'E92000001', column: 'lsoa11', year: '2019', index: iod2019, areas: 32844, rank: 16422, n: 10, expected: 5 },
  { ctry: 'E92000001', column: 'lsoa11', year: '2019', index: iod2019, areas: 32844, rank: 8211, n: 4, expected: 1 },
  { ctry: 'E92000001', column: 'lsoa21', year: '2025', index: iod2025, areas: 33755, rank: 6751, n: 5, expected: 1 },
  { ctry: 'E92000001', column: 'lsoa21', year: '2025', index: iod2025, areas: 33755, rank: 33755, n: 10, expected: 10 },
  { ctry: 'W92000004', column: 'lsoa11', year: '2019', index: wimd, areas: 1909, rank: 191, n: 10, expected: 1 },
  { ctry: 'W92000004', column: 'lsoa11', year: '2019', index: wimd, areas: 1909, rank: 382, n: 5, expected: 1 },
  { ctry: 'W92000004', column: 'lsoa11', year: '2019', index: wimd, areas: 1909, rank: 1909, n: 5, expected: 5 },
  { ctry: 'S92000003', column: 'lsoa11', year: '2019', index: simd, areas: 6976, rank: 6976, n: 5, expected: 5 },
  { ctry: 'S92000003', column: 'lsoa11', year: '2019', index: simd, areas: 6976, rank: 3488, n: 10, expected: 5 },
  { ctry: 'N92000002', column: 'lsoa11', year: '2019', index: nimdm, areas: 890, rank: 178, n: 5, expected: 1 },
  { ctry: 'N92000002', column: 'lsoa11', year: '2019', index: nimdm, areas: 890, rank: 890, n: 10, expected: 10 },
];

export async function bandEdgeChecks(t: Test, { app, platform }: TestPlatform): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'census-edges-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const [header, ...lines] = readFileSync(join(dataDir(), 'onspd/ONSPD_supplement_from_postcodes_io_examples.csv'), 'utf8').split(/\r?\n/);
  const sample = readFileSync(join(dataDir(), 'onspd/ONSPD_sample.csv'), 'utf8').split(/\r?\n/);
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  const sampleCols = sample[0].split(',');
  // a live row of each nation to reuse (the supplement has the same 52 columns as the sample)
  const english = sample.slice(1).map((l) => l.split(',')).find((c) => c[sampleCols.indexOf('ctry')] === 'E92000001' && !c[sampleCols.indexOf('doterm')])!;
  const scottish = sample.slice(1).map((l) => l.split(',')).find((c) => c[sampleCols.indexOf('ctry')] === 'S92000003' && !c[sampleCols.indexOf('doterm')])!;
  const supplement = lines.filter(Boolean).map((l) => l.split(','));
  const base: Record<string, string[]> = {
    E92000001: english,
    S92000003: scottish,
    W92000004: supplement.find((c) => c[at('ctry')] === 'W92000004')!,
    N92000002: supplement.find((c) => c[at('ctry')] === 'N92000002')!,
  };
  t.same(sampleCols, cols, 'the sample and the supplement share the ONSPD layout');
  // one postcode per edge: the nation's row under a postcode of its own (ZZ… are not real postcodes), its area set to the edge's
  const rows = EDGES.map((e, i) => {
    const c = [...base[e.ctry]];
    const pcds = `ZZ${10 + i} 9ZZ`;
    [c[at('pcd7')], c[at('pcd8')], c[at('pcds')]] = [pcds.replace(' ', ' '.repeat(8 - pcds.length)), pcds, pcds];
    c[at(e.column)] = areaRanked(e.index, e.rank);
    return { edge: e, pcds, line: c.join(',') };
  });
  const file = join(work, 'onspd-edges.csv');
  writeFileSync(file, [header, ...rows.map((r) => r.line)].join('\n') + '\n');
  const etagOf = async () => (await get(app, `/index_of_multiple_deprivation_quantile?postcode=${asSent(rows[0].pcds)}&quantile=5`)).headers.etag;
  const before = await etagOf();
  await runImport(platform, { datasetId: 'postcodes', trigger: 'test', sources: [`onspd=${file}`] });
  // the answer comes through deprivation from the postcode directory: a new directory edition is a new answer
  t.not(await etagOf(), before, 'a new postcode-directory edition changes the ETag (and empties the kept answers)');

  for (const { edge: e, pcds } of rows) {
    const res = await get(app, `/index_of_multiple_deprivation_quantile?postcode=${asSent(pcds)}&quantile=${e.n}&year=${e.year}`);
    t.equal(res.statusCode, 200, `${e.ctry} rank ${e.rank}`);
    const { result } = res.json();
    t.same([result.rank, result.data_quantile], [e.rank, e.expected], `${e.ctry} ${e.year}: rank ${e.rank} of ${e.areas} is in group ${e.expected} of ${e.n}`);
    t.equal(legacyBand(e.rank, e.n, e.areas), e.expected + 1, 'where the old formula said one group more');
  }
}
