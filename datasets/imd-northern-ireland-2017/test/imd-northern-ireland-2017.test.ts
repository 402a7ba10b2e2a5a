// NIMDM 2017 against the real NISRA file (890 rows then 123 rows of empty fields).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const rows: string[][] = (parse(readFileSync(join(dataDir(), 'imd/northern-ireland-2017/NIMDM17_SOAresults.csv')), { bom: true, relax_column_count: true }) as string[][])
  .slice(1)
  .filter((r) => r.some((v) => v.trim() !== ''));

t.test('imd-northern-ireland-2017 serves every SOA', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['imd-northern-ireland-2017'], imports: ['imd-northern-ireland-2017'] });
  const body = (await app.inject('/v1/imd-northern-ireland-2017/areas?limit=1000')).json() as { total: number; items: Record<string, unknown>[] };
  t.equal(body.total, rows.length, 'the empty trailing rows are not areas');
  const byCode = new Map(body.items.map((i) => [i.soa_code, i]));
  let bad = 0;
  for (const r of rows) {
    const s = byCode.get(r[2])!;
    if (s.soa_name !== r[3] || s.lgd_name !== r[0] || s.mdm_rank !== Number(r[4]) || s.income_rank !== Number(r[5]) || s.crime_rank !== Number(r[11])) bad++;
    if (s.mdm_decile !== Math.ceil((Number(r[4]) * 10) / rows.length)) bad++;
  }
  t.equal(bad, 0);
  const one = (await app.inject(`/v1/imd-northern-ireland-2017/areas/${r0()}`)).json();
  t.equal(one.item.mdm_rank, Number(rows[0][4]));
  function r0() {
    return rows[0][2];
  }
});
