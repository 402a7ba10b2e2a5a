// IoD2019 against the real MHCLG files: every LSOA served with the published ranks and deciles.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const dir = join(dataDir(), 'imd/england-2019');
const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(dir, f)), { bom: true, columns: true, skip_empty_lines: true });
const file2 = csv('File_2_-_IoD2019_Domains_of_Deprivation.csv');
const file3 = csv('File_3_-_IoD2019_Supplementary_Indices_-_IDACI_and_IDAOPI.csv');
const file6 = csv('File_6_-_IoD2019_Population_Denominators.csv');
const h2 = Object.keys(file2[0]);
const h3 = Object.keys(file3[0]);

t.test('imd-england-2019 serves IoD2019 by LSOA and by district', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['imd-england-2019'], imports: ['imd-england-2019'] });

  t.test('every LSOA, with the published IMD, domain, IDACI ranks and deciles', async (t) => {
    const served = new Map<string, Record<string, unknown>>();
    let url: string | null = '/v1/imd-england-2019/areas?limit=1000';
    while (url) {
      const res = await app.inject(url);
      if (res.statusCode !== 200) t.fail(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const body = res.json() as { total: number; next: string | null; items: Record<string, unknown>[] };
      for (const i of body.items) served.set(i.lsoa_code as string, i);
      url = body.next;
    }
    t.equal(served.size, file2.length, 'one record per LSOA of File 2');
    const keys = ['imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'living_environment'];
    let mismatches = 0;
    for (const row of file2) {
      const s = served.get(row[h2[0]])!;
      if (!s || s.lsoa_name !== row[h2[1]] || s.lad_code !== row[h2[2]]) mismatches++;
      keys.forEach((k, i) => {
        if (s[`${k}_rank`] !== Number(row[h2[4 + 2 * i]]) || s[`${k}_decile`] !== Number(row[h2[5 + 2 * i]])) mismatches++;
      });
    }
    for (const row of file3) {
      const s = served.get(row[h3[0]])!;
      if (s.idaci_rank !== Number(row[h3[6]]) || s.idaci_decile !== Number(row[h3[7]]) || s.idaopi_rank !== Number(row[h3[8]]) || s.idaopi_decile !== Number(row[h3[9]])) mismatches++;
    }
    for (const row of file6) {
      const [code, , , , total, children] = Object.values(row);
      const s = served.get(code)!;
      if (s.population_total !== Number(total) || s.population_0_15 !== Number(children)) mismatches++;
    }
    t.equal(mismatches, 0, 'every value equals the published one');
    const any = served.values().next().value!;
    t.equal(any.imd_score, null, 'scores are absent from the local files: null, not invented');
  });

  t.test('filters by district and decile; CSV', async (t) => {
    const lad = file2[0][h2[2]];
    const expected = file2.filter((r) => r[h2[2]] === lad && r[h2[5]] === '1').length;
    const res = await app.inject(`/v1/imd-england-2019/areas?lad_code=${lad}&imd_decile=1&limit=1000`);
    t.equal(res.json().total, expected);
    const one = await app.inject(`/v1/imd-england-2019/areas/${file2[5][h2[0]]}`);
    t.equal(one.json().item.imd_rank, Number(file2[5][h2[4]]));
    const bad = await app.inject('/v1/imd-england-2019/areas?imd_decile=x');
    t.equal(bad.statusCode, 400);
    t.match(bad.headers['content-type'], /problem\+json/);
    const c = await app.inject(`/v1/imd-england-2019/areas.csv?lad_code=${lad}`);
    t.equal(c.statusCode, 200);
    t.equal(c.body.trim().split('\n').length, file2.filter((r) => r[h2[2]] === lad).length + 1);
  });

  t.test('File 10 district summaries: ten sheets per district', async (t) => {
    const res = await app.inject('/v1/imd-england-2019/lad_summaries?index_domain=imd&limit=1000');
    const body = res.json() as { total: number; items: Record<string, unknown>[] };
    t.equal(body.total, 317, '317 lower-tier districts');
    const all = await app.inject('/v1/imd-england-2019/lad_summaries?limit=1');
    t.equal(all.json().total, 3170);
    const ranks = body.items.map((i) => i.rank_average_rank as number).sort((a, b) => a - b);
    t.equal(ranks[0], 1);
    t.ok(body.items.every((i) => typeof i.extent === 'number'), 'IMD sheet carries extent');
    const cat = (await app.inject('/catalogue/imd-england-2019')).json();
    t.ok(JSON.stringify(cat).includes('File 7'), 'the catalogue says what is absent');
  });
});
