// The lists built from the ONS green space release (greenspace): /green_space/ and
// /local_authority_districts/. The release covers every district the Census Platform listed: the
// 339 districts of England and Wales of 2019 (the same codes and names as the ONS LSOA-to-ward
// lookup the platform seeded them from) and Scotland's 32 council areas, so one dataset answers both.
import { notImported, notFound, type GreenspaceArea, type GreenspaceServices, type PluginContext } from '../../../core/contract.ts';
import type { FastifyInstance } from 'fastify';
import { listRoute } from '../lib/list-route.ts';
import type { GreenSpaceRecord, LocalAuthorityDistrictRecord } from '../types.ts';
import district from '../schemas/local-authority-district.json' with { type: 'json' };
import greenSpace from '../schemas/green-space.json' with { type: 'json' };

const SCOTLAND = 'S92000003';

/** The year the Census Platform labelled a district with: LAD 2019 in England and Wales, 2011 for Scotland's council areas. */
const yearOf = (a: GreenspaceArea) => (a.country_code === SCOTLAND ? 2011 : 2019);

const districtRecord = (a: GreenspaceArea): LocalAuthorityDistrictRecord => ({ local_authority_district_code: a.lad_code, local_authority_district_name: a.lad_name, year: yearOf(a) });

const greenSpaceRecord = (a: GreenspaceArea): GreenSpaceRecord => ({
  houses_address_count: a.houses_address_count,
  houses_addresses_with_private_outdoor_space_count: a.houses_with_outdoor_space_count,
  houses_outdoor_space_total_area: a.houses_outdoor_space_total_area_m2,
  houses_percentage_of_addresses_with_private_outdoor_space: a.houses_percentage_with_outdoor_space,
  houses_average_size_private_outdoor_space: a.houses_average_outdoor_space_m2,
  houses_median_size_private_outdoor_space: a.houses_median_outdoor_space_m2,
  flats_address_count: a.flats_address_count,
  flats_addresses_with_private_outdoor_space_count: a.flats_with_outdoor_space_count,
  flats_outdoor_space_total_area: a.flats_outdoor_space_total_area_m2,
  flats_outdoor_space_count: a.flats_outdoor_space_count,
  flats_percentage_of_addresses_with_private_outdoor_space: a.flats_percentage_with_outdoor_space,
  flats_average_size_private_outdoor_space: a.flats_average_outdoor_space_m2,
  flats_average_number_of_flats_sharing_a_garden: a.flats_average_sharing_garden,
  total_addresses_count: a.total_address_count,
  total_addresses_with_private_outdoor_space_count: a.total_with_outdoor_space_count,
  total_percentage_addresses_with_private_outdoor_space: a.total_percentage_with_outdoor_space,
  total_average_size_private_outdoor_space: a.total_average_outdoor_space_m2,
  local_authority: a.lad_code,
});

/** Orders of the Census Platform: districts by code, descending; green space by address count, descending. */
const byCodeDesc = (a: GreenspaceArea, b: GreenspaceArea) => (a.lad_code < b.lad_code ? 1 : -1);
const byAddressesDesc = (a: GreenspaceArea, b: GreenspaceArea) => b.total_address_count - a.total_address_count || (a.lad_code < b.lad_code ? -1 : 1);

export function greenspaceLists(app: FastifyInstance, ctx: PluginContext): void {
  const sorted = new WeakMap<readonly GreenspaceArea[], Record<'districts' | 'space', GreenspaceArea[]>>();
  async function areas(order: 'districts' | 'space'): Promise<GreenspaceArea[]> {
    const svc = ctx.optionalService<GreenspaceServices>('greenspace');
    if (!svc) throw notFound('the green space dataset (greenspace) is not registered in this catalogue');
    const found = await svc.areas();
    if (!found) throw notImported('greenspace', 'greenspace has not been imported yet', { retry_after: 60 });
    let lists = sorted.get(found.areas);
    if (!lists) {
      lists = { districts: [...found.areas].sort(byCodeDesc), space: [...found.areas].sort(byAddressesDesc) };
      sorted.set(found.areas, lists);
    }
    return lists[order];
  }

  listRoute<GreenspaceArea, LocalAuthorityDistrictRecord>(app, {
    path: '/local_authority_districts',
    summary: 'Local authority districts of Great Britain, DRF-paginated (Census Platform compatible)',
    description:
      'England and Wales LAD 2019 (year 2019) and Scotland\'s council areas (year 2011, as the Census Platform labelled them), by code descending; from the ONS green space release, which lists the same districts. Filters as the Census Platform: exact code, name, year.',
    item: district,
    filters: {
      local_authority_district_code: { key: 'code', match: 'exact', description: 'District code (exact)' },
      local_authority_district_name: { key: 'name', match: 'exact', description: 'District name (exact)' },
      year: { key: 'year', match: 'exact', integer: true, description: '2019 (England and Wales) or 2011 (Scotland)' },
    },
    async source() {
      return {
        items: await areas('districts'),
        value: (a, key) => (key === 'code' ? a.lad_code : key === 'name' ? a.lad_name : String(yearOf(a))),
        record: districtRecord,
      };
    },
  });

  listRoute<GreenspaceArea, GreenSpaceRecord>(app, {
    path: '/green_space',
    summary: 'Private outdoor space by local authority district, DRF-paginated (Census Platform compatible)',
    description: 'ONS, Access to gardens and public green space in Great Britain (April 2020): every district of England, Wales and Scotland, most addresses first. `local_authority` is the district code.',
    item: greenSpace,
    async source() {
      return { items: await areas('space'), value: () => undefined, record: greenSpaceRecord };
    },
  });
}
