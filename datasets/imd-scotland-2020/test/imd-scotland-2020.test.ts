// SIMD 2020v2 against the real Scottish Government file.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const rows: Record<string, string>[] = parse(readFileSync(join(dataDir(), 'imd/scotland-2020/SIMD_2020v2.csv')), { bom: true, columns: true, skip_empty_lines: true });

t.test('imd-scotland-2020 serves every data zone', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['imd-scotland-2020'], imports: ['imd-scotland-2020'] });
  const items: Record<string, unknown>[] = [];
  let url: string | null = '/v1/imd-scotland-2020/areas?limit=1000';
  while (url) {
    const body = (await app.inject(url)).json() as { next: string | null; items: Record<string, unknown>[] };
    items.push(...body.items);
    url = body.next;
  }
  t.equal(items.length, rows.length);
  const byCode = new Map(items.map((i) => [i.dz_code, i]));
  let bad = 0;
  for (const r of rows) {
    const s = byCode.get(r.DZ)!;
    if (s.simd_rank !== Number(r.SIMD2020v2_Rank) || s.simd_vigintile !== Number(r.SIMD2020v2_Vigintile) || s.simd_decile !== Number(r.SIMD2020v2_Decile) || s.simd_quintile !== Number(r.SIMD2020v2_Quintile)) bad++;
    if (s.housing_rank !== Number(r.SIMD2020_Housing_Domain_Rank) || s.income_rank !== Number(r.SIMD2020v2_Income_Domain_Rank) || s.la_code !== r.LAcode) bad++;
  }
  t.equal(bad, 0, 'ranks and published quantiles as in the file');
  const half = rows.find((r) => !Number.isInteger(Number(r.SIMD2020_Access_Domain_Rank)) || !Number.isInteger(Number(r.SIMD2020_Crime_Domain_Rank)));
  t.ok(half, 'the file has tied domain ranks written as halves');
  if (half) {
    const s = byCode.get(half.DZ)!;
    t.same([s.access_rank, s.crime_rank], [Number(half.SIMD2020_Access_Domain_Rank), Number(half.SIMD2020_Crime_Domain_Rank)], 'halves kept, not rounded');
  }
  const la = rows[0].LAcode;
  const res = (await app.inject(`/v1/imd-scotland-2020/areas?la_code=${la}&simd_decile__lte=2&limit=1`)).json();
  t.equal(res.total, rows.filter((r) => r.LAcode === la && Number(r.SIMD2020v2_Decile) <= 2).length, 'filter by council area and decile');
});
