// The census lists, paginated as Django REST Framework does, each in the Census Platform's order,
// with field values equal to the publishers' files, and paging beyond the first page.
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from '../../../test/helpers/platform.ts';
import { get, PREFIX, type Problem } from './client.ts';
import { iod2019, iod2025, nimdm, simd, wimd, wimdBand } from './official.ts';

interface Page<T = Record<string, unknown>> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** Every item of a list, following `next` as a client does (absolute URLs, on this host). */
async function all(app: FastifyInstance, path: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let url: string | null = `${PREFIX}${path}`;
  while (url) {
    const res = await app.inject({ url: url.replace(/^https?:\/\/[^/]+/, ''), headers: { 'subscription-key': 'k' } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    const page: Page = res.json();
    out.push(...page.results);
    url = page.next;
  }
  return out;
}

export async function listChecks(t: Test, app: FastifyInstance): Promise<void> {
  await t.test('DRF paging: count, absolute next and previous links, page=last, out of range 404, garbage 400', async (t) => {
    const first = await get(app, '/english_indices_of_multiple_deprivation/');
    t.equal(first.statusCode, 200);
    const p1: Page = first.json();
    t.same([p1.count, p1.results.length, p1.previous], [iod2019.size, 10, null], 'IoD2019 by default, 10 a page (the Census Platform page size)');
    t.equal(p1.next, `http://localhost${PREFIX}/english_indices_of_multiple_deprivation/?page=2`, 'next is an absolute URL');
    t.same([p1.results[0].imd_rank, p1.results[0].imd_decile, p1.results[9].imd_rank], [32844, 10, 32835], 'least deprived first (-imd_rank): the band edge rank 32,844 is decile 10');
    const p3: Page = (await get(app, '/english_indices_of_multiple_deprivation?page=3&page_size=50&lsoa_name=')).json();
    t.same([p3.results.length, p3.results[0].imd_rank], [50, 32844 - 100], 'page 3 of 50');
    t.equal(p3.previous, `http://localhost${PREFIX}/english_indices_of_multiple_deprivation?lsoa_name=&page=2&page_size=50`, 'previous keeps the other parameters');
    const p2: Page = (await get(app, '/english_indices_of_multiple_deprivation?page=2&page_size=50')).json();
    t.equal(p2.previous, `http://localhost${PREFIX}/english_indices_of_multiple_deprivation?page_size=50`, 'the first page without page=, as DRF');
    const last: Page = (await get(app, '/english_indices_of_multiple_deprivation/?page=last&page_size=1000')).json();
    t.same([last.results.length, last.next, last.results.at(-1)!.imd_rank], [iod2019.size % 1000, null, 1], 'page=last');
    for (const [page, status] of [['34', 404], ['0', 404], ['999999999', 404], ['abc', 400], ['-1', 400], ['1.5', 400]] as const) {
      const res = await get(app, `/english_indices_of_multiple_deprivation/?page=${page}&page_size=1000`);
      t.equal(res.statusCode, status, `page=${page}: ${status}`);
      t.match(res.json() as Problem, { detail: status === 404 ? 'Invalid page.' : /page/ });
    }
    t.equal((await get(app, '/english_indices_of_multiple_deprivation/?page_size=1001')).statusCode, 400, 'page_size at most 1,000');
  });

  await t.test('England: IoD2019 and, with year=2025, IoD2025; the filters of the Census Platform', async (t) => {
    const e25: Page = (await get(app, '/english_indices_of_multiple_deprivation/?year=2025&page=last&page_size=7')).json();
    t.same([e25.count, e25.results.at(-1)!.imd_rank, e25.results.at(-1)!.year], [iod2025.size, 1, 2025]);
    const code = [...iod2019.keys()][123];
    const one: Page = (await get(app, `/english_indices_of_multiple_deprivation/?lsoa_code=${code.toLowerCase()}`)).json();
    t.same([one.count, one.results[0].lsoa, one.results[0].imd_rank, one.results[0].imd_decile], [1, code, iod2019.get(code)!.rank, iod2019.get(code)!.decile], 'lsoa_code (any case)');
    const camden: Page = (await get(app, '/english_indices_of_multiple_deprivation/?local_authority_name=camden&page_size=1000')).json();
    t.ok(camden.count > 100 && camden.results.every((r) => String(r.lsoa).startsWith('E01')), `district name filter: ${camden.count} Camden LSOAs`);
    t.equal((await get(app, '/english_indices_of_multiple_deprivation/?year=2017')).statusCode, 400, 'a year with no English edition');
  });

  await t.test("Wales: every LSOA, banded as the Welsh Government's tables", async (t) => {
    const items = await all(app, '/welsh_indices_of_multiple_deprivation/?page_size=1000');
    t.equal(items.length, wimd.size);
    let bad = 0;
    for (const r of items) {
      const rank = wimd.get(r.lsoa as string)!.rank;
      if (r.imd_rank !== rank || r.imd_decile !== wimdBand(rank, 10) || r.imd_quintile !== wimdBand(rank, 5) || r.imd_quartile !== wimdBand(rank, 4)) bad++;
    }
    t.equal(bad, 0, 'rank, quartile, quintile, decile of every LSOA');
    const at = (rank: number) => items.find((r) => r.imd_rank === rank)!;
    t.same([at(191).imd_decile, at(192).imd_decile, at(382).imd_quintile, at(383).imd_quintile, at(1909).imd_decile], [1, 2, 1, 2, 10], 'the band edges 191/192 and 382/383');
  });

  await t.test('Scotland and Northern Ireland: every area, ranks as published', async (t) => {
    const s = await all(app, '/scottish_indices_of_multiple_deprivation?page_size=1000');
    t.equal(s.length, simd.size);
    t.equal(s.filter((r) => r.imd_rank !== simd.get(r.data_zone as string)!.rank).length, 0, 'SIMD rank of every data zone');
    t.same(s.filter((r) => !Number.isInteger(r.income_rank)).length > 0, true, 'domain ties published as halves are kept');
    const n = await all(app, '/northern_ireland_indices_of_multiple_deprivation?page_size=500');
    t.equal(n.length, nimdm.size);
    t.equal(n.filter((r) => r.imd_rank !== nimdm.get(r.soa as string)!.rank).length, 0, 'NIMDM rank of every SOA');
    const dz = [...simd.keys()][42];
    t.equal(((await get(app, `/scottish_indices_of_multiple_deprivation/?code=${dz}`)).json() as Page).count, 1, 'data zone code filter');
  });

  await t.test('local authority districts and green space, from the ONS release', async (t) => {
    const rows: string[][] = parse(readFileSync(join(dataDir(), 'greenspace/access_to_green_space.csv')), { bom: true, relax_column_count: true }).slice(2).filter((r: string[]) => r[4]);
    const lads = await all(app, '/local_authority_districts/');
    t.equal(lads.length, rows.length, 'every district (England 317, Wales 22, Scotland 32)');
    t.same(lads.map((l) => l.local_authority_district_code), rows.map((r) => r[4]).sort().reverse(), 'by code, descending');
    const scots: Page = (await get(app, '/local_authority_districts/?year=2011&page_size=100')).json();
    t.same([scots.count, scots.results.every((l) => String(l.local_authority_district_code).startsWith('S12'))], [32, true], "year=2011: Scotland's council areas");
    const york = rows.find((r) => r[5] === 'York')!;
    const one: Page = (await get(app, `/local_authority_districts/?local_authority_district_code=${york[4]}`)).json();
    t.same(one.results, [{ local_authority_district_code: york[4], local_authority_district_name: 'York', year: 2019 }]);
    const space = await all(app, '/green_space/?page_size=100');
    t.equal(space.length, rows.length);
    const counts = space.map((s) => s.total_addresses_count as number);
    t.same(counts, [...counts].sort((a, b) => b - a), 'most addresses first');
    const y = space.find((s) => s.local_authority === york[4])!;
    t.same(
      [y.houses_address_count, y.houses_median_size_private_outdoor_space, y.flats_average_number_of_flats_sharing_a_garden, y.total_addresses_count],
      [Number(york[6]), Number(york[11]), Number(york[18]), Number(york[19])],
      "York's values as the ONS file gives them",
    );
  });
}
