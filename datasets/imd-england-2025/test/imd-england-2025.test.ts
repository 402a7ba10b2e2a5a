// IoD2025 district summaries against the real file.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const rows: Record<string, string>[] = parse(readFileSync(join(dataDir(), 'imd/england-2025/indices_of_deprivation_2025_lad.csv')), { columns: true });

t.test('imd-england-2025 serves the district summaries', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['imd-england-2025'], imports: ['imd-england-2025'] });
  const all = (await app.inject('/v1/imd-england-2025/lad_summaries?limit=1')).json();
  t.equal(all.total, rows.length, 'one record per district and index');
  t.equal(all.edition.label, 'IoD2025');
  const imd = rows.filter((r) => r.index_domain === 'Index of Multiple Deprivation');
  const res = (await app.inject('/v1/imd-england-2025/lad_summaries?index_domain=imd&limit=1000')).json();
  t.equal(res.total, imd.length);
  const byCode = new Map(res.items.map((i: Record<string, unknown>) => [i.lad_code, i]));
  let bad = 0;
  for (const r of imd) {
    const s = byCode.get(r.area_code) as Record<string, unknown>;
    if (s.rank_average_rank !== Number(r.rank_average_rank) || s.average_rank !== Number(r.average_rank)) bad++;
    if (Math.abs((s.proportion_most_deprived_10pc as number) - Number(r.proportion_bottom_decile)) > 1e-9) bad++;
  }
  t.equal(bad, 0, 'ranks and proportions as published');
  const first = (await app.inject('/v1/imd-england-2025/lad_summaries?index_domain=idaci&rank_average_rank=1')).json();
  t.equal(first.items[0].lad_code, rows.find((r) => /Children/.test(r.index_domain) && r.rank_average_rank === '1')!.area_code);
  t.equal((await app.inject('/v1/imd-england-2025/lad_summaries?index_domain=nope')).statusCode, 200);
  t.equal((await app.inject('/v1/imd-england-2025/lad_summaries?colour=red')).statusCode, 400);
});
