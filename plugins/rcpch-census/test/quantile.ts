// /index_of_multiple_deprivation_quantile: every nation's sample postcodes, in each year the
// clients send, against the publishers' files; and the call exactly as the clients make it.
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { asSent, get, KEY_HEADERS } from './client.ts';
import { ceilBand, iod2019, iod2025, live, nimdm, simd, wimd, wimdBand } from './official.ts';

const RESULT_KEYS = ['country', 'data_quantile', 'error', 'index_edition', 'rank', 'requested_quantile', 'requested_quantile_name'];
const NAMES: Record<number, string> = { 5: 'quintile', 10: 'decile', 20: 'vigintile' };

interface Expected {
  rank: number;
  quantile: (n: number) => number;
  country: string;
  edition: string;
}

/** What the publisher's file says of a sample row, for the edition `year` picks. */
function expected(row: Record<string, string>, year: string): Expected | undefined {
  switch (row.ctry) {
    case 'E92000001': {
      const e = year === '2025' ? iod2025.get(row.lsoa21) : iod2019.get(row.lsoa11);
      // MHCLG publishes deciles; its quintile k holds deciles 2k-1 and 2k
      return e && { rank: e.rank, quantile: (n) => (n === 10 ? e.decile : Math.ceil(e.decile / 2)), country: 'england', edition: year === '2025' ? 'IoD2025' : 'IoD2019' };
    }
    case 'W92000004': {
      const w = wimd.get(row.lsoa11);
      return w && { rank: w.rank, quantile: (n) => wimdBand(w.rank, n as 5 | 10), country: 'wales', edition: 'WIMD2019' };
    }
    case 'S92000003': {
      const s = simd.get(row.lsoa11);
      return s && { rank: s.rank, quantile: (n) => (n === 5 ? s.quintile : n === 10 ? s.decile : s.vigintile), country: 'scotland', edition: 'SIMD2020v2' };
    }
    case 'N92000002': {
      const x = nimdm.get(row.lsoa11);
      return x && { rank: x.rank, quantile: (n) => ceilBand(x.rank, n, 890), country: 'northern_ireland', edition: 'NIMDM2017' };
    }
  }
  return undefined;
}

/** The years each nation's clients send: none (the default), 2019 for all (Epilepsy12), 2025 for England, each index's own. */
const YEARS: Record<string, string[]> = { E92000001: ['', '2019', '2025'], W92000004: ['', '2019'], S92000003: ['', '2019', '2020'], N92000002: ['', '2019', '2017'] };
const SIZES: Record<string, number[]> = { E92000001: [5, 10], W92000004: [5, 10], S92000003: [5, 10, 20], N92000002: [5, 10] };

export async function quantileChecks(t: Test, app: FastifyInstance): Promise<void> {
  const samples = [...live('E92000001'), ...live('W92000004'), ...live('S92000003').filter((_, i) => i % 400 === 0), ...live('N92000002')];
  t.same(new Set(samples.map((s) => s.ctry)).size, 4, 'sample postcodes of the four nations');

  await t.test("each sample postcode's quantiles equal the publisher's", async (t) => {
    for (const row of samples)
      for (const year of YEARS[row.ctry])
        for (const n of SIZES[row.ctry]) {
          const want = expected(row, year);
          if (!want) t.fail(`${row.pcds}: not in the official file`);
          if (!want) continue;
          const res = await get(app, `/index_of_multiple_deprivation_quantile?postcode=${asSent(row.pcds)}&quantile=${n}${year ? `&year=${year}` : ''}`);
          t.equal(res.statusCode, 200, `${row.pcds} quantile=${n} year=${year || '(none)'}`);
          const { result } = res.json();
          t.same(Object.keys(result).sort(), RESULT_KEYS, 'the keys of the answer');
          t.same(
            [result.rank, result.data_quantile, result.requested_quantile, result.requested_quantile_name, result.country, result.index_edition, result.error],
            [want.rank, want.quantile(n), n, NAMES[n], want.country, want.edition, null],
            `${row.pcds} ${want.edition} rank ${want.rank}: ${NAMES[n]} ${want.quantile(n)}`,
          );
        }
  });

  await t.test('the call as the clients send it: any case, with or without the space, with or without the slash, their headers', async (t) => {
    const row = live('E92000001').find((r) => r.pcds === 'M1 1AD')!;
    const want = expected(row, '2019')!;
    for (const form of ['M1 1AD', 'M11AD', 'm1 1ad', 'm11ad', ' M1 1AD '])
      for (const path of ['/index_of_multiple_deprivation_quantile', '/index_of_multiple_deprivation_quantile/'])
        for (const headers of KEY_HEADERS) {
          const res = await get(app, `${path}?postcode=${asSent(form)}&quantile=5`, headers);
          t.equal(res.statusCode, 200, `${path}?postcode=${form} ${Object.keys(headers)[0]}: answered directly`);
          t.equal(res.json().result.data_quantile, want.quantile(5));
        }
  });
}
