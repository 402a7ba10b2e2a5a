// WIMD 2019 against the real Welsh Government files.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const read = (f: string): string[][] => parse(readFileSync(join(dataDir(), 'imd/wales-2019', f)), { bom: true, skip_empty_lines: true }).slice(1);
const ranks = read('wimd-2019-index-and-domain-ranks-by-small-area.csv');
const scores = new Map(read('wimd-2019-index-and-domain-scores-by-small-area.csv').map((r) => [r[0], r]));

t.test('imd-wales-2019 serves every LSOA with ranks, scores and WIMD-rule deciles', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['imd-wales-2019'], imports: ['imd-wales-2019'] });
  const res = await app.inject('/v1/imd-wales-2019/areas?limit=1000');
  const body = res.json() as { total: number; next: string; items: Record<string, unknown>[] };
  t.equal(body.total, ranks.length);
  const items = [...body.items, ...(await app.inject(body.next)).json().items] as Record<string, unknown>[];
  const byCode = new Map(items.map((i) => [i.lsoa_code, i]));
  const n = ranks.length;
  let bad = 0;
  for (const r of ranks) {
    const s = byCode.get(r[0])!;
    const sc = scores.get(r[0])!;
    if (s.lsoa_name !== r[1] || s.la_name !== r[2] || s.wimd_rank !== Number(r[3]) || s.wimd_score !== Number(sc[3])) bad++;
    if (s.income_rank !== Number(r[4]) || s.physical_environment_rank !== Number(r[11]) || s.physical_environment_score !== Number(sc[11])) bad++;
    // the Welsh Government's bands: decile k ends at rank ceil(k × n / 10)
    const rank = Number(r[3]);
    let k = 1;
    while (rank > Math.ceil((k * n) / 10)) k++;
    if (s.wimd_decile !== k) bad++;
  }
  t.equal(bad, 0, 'ranks, scores and deciles as published / by the WIMD rule');
  const d1 = (await app.inject('/v1/imd-wales-2019/areas?wimd_decile=1&limit=1')).json();
  t.equal(d1.total, Math.ceil(n / 10), 'decile 1 holds ranks 1..ceil(n/10) (191 of 1,909)');
  const la = ranks[0][2];
  const byLa = (await app.inject(`/v1/imd-wales-2019/areas?la_name=${encodeURIComponent(la)}&limit=1`)).json();
  t.equal(byLa.total, ranks.filter((r) => r[2] === la).length);
});
