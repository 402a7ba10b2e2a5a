// The four nations' index lists (/english_…, /welsh_…, /scottish_…, /northern_ireland_indices_of_
// multiple_deprivation/): every small area of the nation's index edition as the Census Platform
// serialises it, least deprived first (its order: -imd_rank), DRF-paginated, with its filters.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notImported, badRequest, notFound, type Nation } from '../../../core/contract.ts';
import { listRoute, type Filter } from '../lib/list-route.ts';
import type { IndexEdition, IndexEditions } from '../lib/indices.ts';
import { DEFAULT_YEAR } from '../lib/postcode-answer.ts';
import { englishRecord } from '../lib/records/england.ts';
import { welshRecord } from '../lib/records/wales.ts';
import { scottishRecord } from '../lib/records/scotland.ts';
import { northernIrishRecord } from '../lib/records/northern-ireland.ts';
import english from '../schemas/english-imd.json' with { type: 'json' };
import welsh from '../schemas/welsh-imd.json' with { type: 'json' };
import scottish from '../schemas/scottish-imd.json' with { type: 'json' };
import northernIrish from '../schemas/northern-ireland-imd.json' with { type: 'json' };

type Row = Record<string, unknown>;

/** The descriptor columns a filter compares. */
type Column = 'code' | 'name' | 'la_code' | 'la_name';

interface NationList {
  path: string;
  nation: Nation;
  item: object;
  record(row: Row, edition: IndexEdition, areas: number): unknown;
  filters: Record<string, Filter>;
}

const contains = (key: Column, description: string): Filter => ({ key, match: 'contains', description: `${description} contains this (any case)` });

const LISTS: NationList[] = [
  {
    path: '/english_indices_of_multiple_deprivation',
    nation: 'England',
    item: english,
    record: englishRecord,
    filters: { lsoa_code: contains('code', 'LSOA code'), lsoa_name: contains('name', 'LSOA name'), local_authority_code: contains('la_code', 'District code'), local_authority_name: contains('la_name', 'District name') },
  },
  {
    path: '/welsh_indices_of_multiple_deprivation',
    nation: 'Wales',
    item: welsh,
    record: welshRecord,
    filters: { lsoa_code: contains('code', 'LSOA code'), lsoa_name: contains('name', 'LSOA name'), local_authority_name: contains('la_name', 'Local authority name') },
  },
  {
    path: '/scottish_indices_of_multiple_deprivation',
    nation: 'Scotland',
    item: scottish,
    record: scottishRecord,
    filters: { code: contains('code', 'Data zone code'), name: contains('name', 'Data zone name'), local_authority_code: contains('la_code', 'Council area code') },
  },
  {
    path: '/northern_ireland_indices_of_multiple_deprivation',
    nation: 'Northern Ireland',
    item: northernIrish,
    record: northernIrishRecord,
    filters: { soa_zone_code: contains('code', 'SOA code'), soa_zone_name: contains('name', 'SOA name'), local_authority_name: contains('la_name', 'Local government district name') },
  },
];

/** The rows of an edition in the Census Platform's order (least deprived first), sorted once per edition. */
function orderedRows() {
  const sorted = new WeakMap<Map<string, Row>, Row[]>();
  return async (edition: IndexEdition): Promise<{ rows: Row[]; areas: number }> => {
    const d = edition.services.descriptor;
    const snap = await edition.services.snapshot();
    if (!snap) throw notImported(d.dataset, `${d.label} (${d.dataset}) has not been imported yet`, { retry_after: 60 });
    let rows = sorted.get(snap.byCode);
    if (!rows) {
      const rank = (r: Row) => Number(r[d.overall.rank]);
      rows = [...snap.byCode.values()].sort((a, b) => rank(b) - rank(a) || (String(a[d.code]) < String(b[d.code]) ? -1 : 1));
      sorted.set(snap.byCode, rows);
    }
    return { rows, areas: snap.areas };
  };
}

export function indexLists(app: FastifyInstance, editions: IndexEditions): void {
  const rowsOf = orderedRows();

  /** England: the edition of `year` (2019 by default, as the Census Platform); the other nations: their one index. */
  function editionFor(list: NationList, request: FastifyRequest): IndexEdition {
    const own = editions.ofNation(list.nation);
    if (!own[0]) throw notFound(`no ${list.nation} index is registered in this catalogue`);
    if (list.nation !== 'England') return own[0];
    const year = (request.query as { year?: number }).year ?? DEFAULT_YEAR;
    const edition = own.find((e) => e.year === year);
    if (!edition) throw badRequest(`year ${year}: no English index edition of that year is loaded here; England has ${editions.describe(own)}`, [{ name: 'year', reason: 'no edition of that year' }]);
    return edition;
  }

  for (const list of LISTS) {
    const summary = `${list.nation}'s index of multiple deprivation by small area, DRF-paginated (Census Platform compatible)`;
    listRoute<Row, unknown>(app, {
      path: list.path,
      summary,
      description: `Every small area of the ${list.nation} index edition as the Census Platform serialised it, least deprived first; \`page\` and \`page_size\` as Django REST Framework. ${list.nation === 'England' ? '`year` chooses the edition: 2019 (IoD2019, LSOA 2011; the default) or 2025 (IoD2025, LSOA 2021).' : ''}`,
      item: list.item,
      query: list.nation === 'England' ? { year: { type: 'integer', description: `Index edition year: 2019 (the default) or 2025` } } : {},
      filters: list.filters,
      async source(request) {
        const edition = editionFor(list, request);
        const d = edition.services.descriptor;
        const { rows, areas } = await rowsOf(edition);
        const column = (key: string) => d[key as Column] as string | undefined;
        return {
          items: rows,
          value: (row, key) => {
            const c = column(key);
            return c && row[c] !== null && row[c] !== undefined ? String(row[c]) : undefined;
          },
          record: (row) => list.record(row, edition, areas),
        };
      },
    });
  }
}
