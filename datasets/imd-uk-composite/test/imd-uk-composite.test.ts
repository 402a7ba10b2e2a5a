// mySociety's composite UK IMD against the real release files.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const dir = join(dataDir(), 'imd/uk-composite-mysociety');
const rows: Record<string, string>[] = parse(readFileSync(join(dir, 'UK_IMD_E.csv')), { columns: true });
const las: Record<string, string>[] = parse(readFileSync(join(dir, 'la_imd.csv')), { columns: true });
const dp = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));

t.test('imd-uk-composite serves the composite and its own metadata', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['imd-uk-composite'], imports: ['imd-uk-composite'] });
  const all = (await app.inject('/v1/imd-uk-composite/areas?limit=1')).json();
  t.equal(all.total, rows.length);
  for (const nation of ['E', 'W', 'S', 'N']) {
    const res = (await app.inject(`/v1/imd-uk-composite/areas?nation=${nation}&limit=1`)).json();
    t.equal(res.total, rows.filter((r) => r.nation === nation).length, `nation ${nation}`);
  }
  for (const r of [rows[0], rows[1000], rows[rows.length - 1]]) {
    const s = (await app.inject(`/v1/imd-uk-composite/areas/${r.lsoa}`)).json().item;
    t.same(
      [s.uk_imd_e_rank, s.uk_imd_e_pop_decile, s.uk_imd_e_pop_quintile, s.uk_imd_e_score],
      [Number(r.UK_IMD_E_rank), Number(r.UK_IMD_E_pop_decile), Number(r.UK_IMD_E_pop_quintile), Number(r.UK_IMD_E_score)],
    );
  }
  t.equal((await app.inject('/v1/imd-uk-composite/local_authorities?limit=1')).json().total, las.length);
  const cat = (await app.inject('/catalogue/imd-uk-composite')).json();
  t.same(cat.metadata.datapackage.resources.map((r: { name: string }) => r.name), dp.resources.map((r: { name: string }) => r.name), 'datapackage.json in the catalogue entry');
  t.equal(cat.metadata.datapackage.version, dp.version);
  t.match(cat.edition?.label ?? JSON.stringify(cat), new RegExp(dp.version));
});
