// /indices_of_multiple_deprivation: one object with the nation's fields, `type` naming the nation,
// values equal to the publishers' files.
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { ajv } from '../../../core/schema.ts';
import { asSent, get } from './client.ts';
import { ceilBand, iod2019, iod2025, live, nimdm, simd, wimd, wimdBand } from './official.ts';
import english from '../schemas/english-imd.json' with { type: 'json' };
import welsh from '../schemas/welsh-imd.json' with { type: 'json' };
import scottish from '../schemas/scottish-imd.json' with { type: 'json' };
import northernIrish from '../schemas/northern-ireland-imd.json' with { type: 'json' };

const SCHEMAS: Record<string, object> = { england: english, wales: welsh, scotland: scottish, northern_ireland: northernIrish };

export async function recordChecks(t: Test, app: FastifyInstance): Promise<void> {
  const one = async (postcode: string, year = '') => {
    const res = await get(app, `/indices_of_multiple_deprivation?postcode=${asSent(postcode)}${year ? `&year=${year}` : ''}`);
    t.equal(res.statusCode, 200, `${postcode} ${year}`);
    const body = res.json();
    const validate = ajv.compile(SCHEMAS[body.type] ?? {});
    t.ok(validate(body), `${postcode}: every field of the ${body.type} record, and no other (${ajv.errorsText(validate.errors)})`);
    return body;
  };

  await t.test('England: IoD2019 through LSOA 2011 by default, IoD2025 through LSOA 2021 with year=2025', async (t) => {
    for (const row of live('E92000001')) {
      const e19 = iod2019.get(row.lsoa11)!;
      const b = await one(row.pcds);
      t.same([b.type, b.lsoa, b.imd_rank, b.imd_decile, b.year, b.index_edition], ['england', row.lsoa11, e19.rank, e19.decile, 2019, 'IoD2019'], row.pcds);
      t.equal(b.imd_score, null, 'IoD2019 scores are not loaded here: null, not invented');
      t.type(b.income_score_exponentially_transformed, 'number', 'the transformed domain scores are (File 9)');
      t.type(b.idaci_decile, 'number');
      const e25 = iod2025.get(row.lsoa21)!;
      const c = await one(row.pcds, '2025');
      t.same([c.type, c.lsoa, c.imd_rank, c.imd_decile, c.year, c.index_edition], ['england', row.lsoa21, e25.rank, e25.decile, 2025, 'IoD2025'], `${row.pcds} 2025`);
      t.type(c.imd_score, 'number', 'IoD2025 publishes scores');
      t.type(c.outdoors_sub_domain_rank, 'number', 'and the sub-domains');
    }
  });

  await t.test("Wales: ranks and the Welsh Government's bands", async (t) => {
    for (const row of live('W92000004')) {
      const w = wimd.get(row.lsoa11)!;
      const b = await one(row.pcds, '2019');
      t.same(
        [b.type, b.lsoa, b.imd_rank, b.imd_quartile, b.imd_quintile, b.imd_decile, b.year],
        ['wales', row.lsoa11, w.rank, wimdBand(w.rank, 4), wimdBand(w.rank, 5), wimdBand(w.rank, 10), 2019],
        row.pcds,
      );
      t.equal(b.income_quintile, wimdBand(b.income_rank, 5), 'the domains banded the same way');
    }
  });

  await t.test('Scotland and Northern Ireland: their index whatever the year, named', async (t) => {
    for (const row of live('S92000003').filter((_, i) => i % 500 === 0)) {
      const b = await one(row.pcds, '2019');
      t.same([b.type, b.data_zone, b.imd_rank, b.year, b.version, b.index_edition], ['scotland', row.lsoa11, simd.get(row.lsoa11)!.rank, 2020, 2, 'SIMD2020v2'], row.pcds);
    }
    for (const row of live('N92000002')) {
      const x = nimdm.get(row.lsoa11)!;
      const b = await one(row.pcds, '2019');
      t.same([b.type, b.soa, b.imd_rank, b.year, b.index_edition], ['northern_ireland', row.lsoa11, x.rank, 2017, 'NIMDM2017'], row.pcds);
      t.ok(ceilBand(b.crime_and_disorder_rank, 10, 890) >= 1, 'domain ranks are ranks of 890 areas');
    }
  });
}
