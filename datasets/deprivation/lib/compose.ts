// Postcode → nation → that nation's index edition → small area (joined on the index's own geography
// vintage) → rank, quantiles, domains; then the UK composite. Pure given the lookups and snapshots.
import type { PostcodeLookup } from '../../../core/contract.ts';
import type { IndexDescriptor, IndexSnapshot, MeasureDescriptor, Nation } from './index.ts';
import { NATION_OF_COUNTRY } from './registry.ts';
import { quantileOf, type QuantileAnswer } from './quantiles.ts';

export type DeprivationStatus =
  | 'found'
  | 'terminated'
  | 'invalid'
  | 'not_found'
  | 'outside_indices'
  | 'no_small_area'
  | 'area_not_in_index'
  | 'index_not_loaded'
  | 'index_edition_unavailable';

export interface MeasureAnswer {
  key: string;
  title: string;
  rank: number;
  areas: number;
  score: number | null;
  decile: QuantileAnswer;
  quantile?: QuantileAnswer;
}

export interface NationalAnswer {
  index: string;
  index_edition: string;
  dataset: string;
  edition: { id: number; label: string; imported_at: string };
  publisher: string;
  nation: Nation;
  area: {
    code: string;
    name: string | null;
    type: string;
    postcode_field: string;
    local_authority_code: string | null;
    local_authority_name: string | null;
  };
  rank: number;
  areas: number;
  score: number | null;
  decile: QuantileAnswer;
  quintile: QuantileAnswer;
  quartile: QuantileAnswer;
  quantile?: QuantileAnswer;
  domains: MeasureAnswer[];
  caveat: string;
}

export interface CompositeAnswer {
  index: string;
  dataset: string;
  edition: { id: number; label: string; imported_at: string };
  area_code: string;
  rank: number;
  areas: number;
  score: number | null;
  decile: QuantileAnswer;
  quintile: QuantileAnswer;
  caveat: string;
}

export interface DeprivationResult {
  input: string;
  postcode: string | null;
  status: DeprivationStatus;
  message: string;
  terminated: boolean;
  doterm: string | null;
  nation: string | null;
  country_code: string | null;
  index_edition: string | null;
  deprivation: NationalAnswer | null;
  uk_composite: CompositeAnswer | null;
}

export interface Composer {
  /** Index edition chosen for each nation. */
  choice: Map<Nation, IndexDescriptor>;
  /** Snapshot of each chosen national index (null: never imported). */
  snapshots: Map<IndexDescriptor, IndexSnapshot | null>;
  composite: IndexSnapshot | null;
  compositeDescriptor: IndexDescriptor;
  /** Extra quantile size asked for (2..20), if any. */
  quantile?: number;
  /** Answers per small area, shared between requests (they never change within an edition). */
  memo?: AnswerMemo;
}

/** A bounded map of composed answers per (index edition, edition id, quantile, area). Answers are never mutated. */
export class AnswerMemo {
  private readonly map = new Map<string, NationalAnswer | CompositeAnswer | null>();
  constructor(private readonly size: number) {}
  get<T extends NationalAnswer | CompositeAnswer | null>(key: string, make: () => T): T {
    let v = this.map.get(key) as T | undefined;
    if (v === undefined) {
      v = make();
      this.map.set(key, v);
      if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    }
    return v;
  }
}

const editionOf = (s: IndexSnapshot) => ({
  id: s.edition.id,
  label: s.edition.label,
  imported_at: s.edition.imported_at,
});
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));

/** Published quantiles of a measure for one area: size → value (null when the cell is empty). */
function publishedOf(m: MeasureDescriptor, row: Record<string, unknown>): Record<number, number | null> {
  const out: Record<number, number | null> = {};
  for (const size in m.published) out[size] = numOrNull(row[m.published[size]]);
  return out;
}

function measure(d: IndexDescriptor, m: MeasureDescriptor, row: Record<string, unknown>, areas: number, n?: number): MeasureAnswer | null {
  const rank = numOrNull(row[m.rank]);
  if (rank === null) return null;
  const published = publishedOf(m, row);
  const answer: MeasureAnswer = {
    key: m.key,
    title: m.title,
    rank,
    areas,
    score: m.score ? numOrNull(row[m.score]) : null,
    decile: quantileOf(rank, areas, 10, d.rule, published, m.published),
  };
  if (n) answer.quantile = quantileOf(rank, areas, n, d.rule, published, m.published);
  return answer;
}

export const caveatFor = (nation: string) =>
  `Ranks and quantiles compare small areas within ${nation} only: the four nations' indices are built differently, ` +
  'so a rank or decile in one nation cannot be compared with one in another. For a UK-wide comparison use uk_composite.';

const COMPOSITE_CAVEAT =
  "mySociety's composite UK IMD rescales the four national indices onto the English scale so that areas can be compared across nations; " +
  'a modelled estimate (CC BY 4.0, mySociety), not an official statistic. Its decile and quintile are population-weighted, as published.';

export function compose(lookups: PostcodeLookup[], c: Composer): DeprivationResult[] {
  return lookups.map((l) => {
    const base = {
      input: l.input,
      postcode: l.postcode,
      terminated: l.status === 'terminated',
      doterm: l.record?.doterm ?? null,
    };
    const empty = {
      nation: null,
      country_code: null,
      index_edition: null,
      deprivation: null,
      uk_composite: null,
    };
    if (l.status === 'invalid')
      return {
        ...base,
        ...empty,
        status: 'invalid',
        message: 'not a valid UK postcode format',
      };
    if (l.status === 'not_found' || !l.record)
      return {
        ...base,
        ...empty,
        status: 'not_found',
        message: 'valid format, but not in the postcode directory',
      };
    const r = l.record;
    const nation = r.ctry ? NATION_OF_COUNTRY[r.ctry] : undefined;
    if (!nation)
      return {
        ...base,
        ...empty,
        country_code: r.ctry,
        status: 'outside_indices',
        message: `the postcode is outside England, Wales, Scotland and Northern Ireland (country ${r.ctry ?? 'unknown'}); no UK deprivation index covers it`,
      };
    const d = c.choice.get(nation)!;
    const head = {
      ...base,
      nation,
      country_code: r.ctry,
      index_edition: d.label,
    };
    const composite = compositeFor(r.lsoa11, c);
    const snap = c.snapshots.get(d) ?? null;
    if (!d.table)
      return {
        ...head,
        status: 'index_edition_unavailable',
        message: `${d.label} is published here only as local-authority summaries; its small-area (${d.area_type}) values are not loaded. Ask for another ${nation} edition.`,
        deprivation: null,
        uk_composite: composite,
      };
    if (!snap)
      return {
        ...head,
        status: 'index_not_loaded',
        message: `${d.label} (${d.dataset}) has not been imported yet`,
        deprivation: null,
        uk_composite: composite,
      };
    const code = r[d.join];
    if (!code)
      return {
        ...head,
        status: 'no_small_area',
        message: `the postcode directory gives this postcode no ${d.area_type} (${d.join}), the geography ${d.label} uses`,
        deprivation: null,
        uk_composite: composite,
      };
    const row = snap.byCode.get(code);
    if (!row)
      return {
        ...head,
        status: 'area_not_in_index',
        message: `small area ${code} (${d.join}) has no value in ${d.label}`,
        deprivation: null,
        uk_composite: composite,
      };
    const deprivation = c.memo
      ? c.memo.get(`${d.label}:${snap.edition.id}:${c.quantile ?? ''}:${code}`, () => national(d, snap, row, code, nation, c.quantile))
      : national(d, snap, row, code, nation, c.quantile);
    return {
      ...head,
      status: l.status === 'terminated' ? 'terminated' : 'found',
      message: l.status === 'terminated' ? `the postcode was terminated (${r.doterm}); values are for the small area it was last assigned to` : 'found',
      deprivation,
      uk_composite: composite,
    };
  });
}

function national(d: IndexDescriptor, snap: IndexSnapshot, row: Record<string, unknown>, code: string, nation: Nation, quantile?: number): NationalAnswer {
  const overall = measure(d, d.overall, row, snap.areas, quantile)!;
  const published = publishedOf(d.overall, row);
  const domains: MeasureAnswer[] = [];
  for (const m of d.domains) {
    const a = measure(d, m, row, snap.areas, quantile);
    if (a) domains.push(a);
  }
  const deprivation: NationalAnswer = {
    index: d.title,
    index_edition: d.label,
    dataset: d.dataset,
    edition: editionOf(snap),
    publisher: d.publisher,
    nation,
    area: {
      code,
      name: (row[d.name] as string) ?? null,
      type: d.area_type,
      postcode_field: d.join,
      local_authority_code: d.la_code ? ((row[d.la_code] as string) ?? null) : null,
      local_authority_name: d.la_name ? ((row[d.la_name] as string) ?? null) : null,
    },
    rank: overall.rank,
    areas: snap.areas,
    score: overall.score,
    decile: overall.decile,
    quintile: quantileOf(overall.rank, snap.areas, 5, d.rule, published, d.overall.published),
    quartile: quantileOf(overall.rank, snap.areas, 4, d.rule, published, d.overall.published),
    ...(quantile ? { quantile: overall.quantile } : {}),
    domains,
    caveat: caveatFor(nation),
  };
  return deprivation;
}

function compositeFor(code: string | null, c: Composer): CompositeAnswer | null {
  if (!code || !c.composite) return null;
  const snap = c.composite;
  return c.memo ? c.memo.get(`${c.compositeDescriptor.label}:${snap.edition.id}:${code}`, () => compositeOf(code, snap, c)) : compositeOf(code, snap, c);
}

function compositeOf(code: string, snap: IndexSnapshot, c: Composer): CompositeAnswer | null {
  const row = snap.byCode.get(code);
  if (!row) return null;
  const d = c.compositeDescriptor;
  const rank = numOrNull(row[d.overall.rank])!;
  return {
    index: d.title,
    dataset: d.dataset,
    edition: editionOf(snap),
    area_code: code,
    rank,
    areas: snap.areas,
    score: d.overall.score ? numOrNull(row[d.overall.score]) : null,
    decile: populationWeighted(d, row, 10),
    quintile: populationWeighted(d, row, 5),
    caveat: COMPOSITE_CAVEAT,
  };
}

function populationWeighted(d: IndexDescriptor, row: Record<string, unknown>, size: number): QuantileAnswer {
  return {
    n: size,
    value: numOrNull(row[d.overall.published[size]])!,
    method: 'published',
    rule: 'population-weighted',
    source_field: d.overall.published[size],
  };
}

/** JSON of an answer object, computed once per object (answers are memoised and never mutated). */
const jsonOf = new WeakMap<object, string>();
const toJson = (o: object | null): string => {
  if (o === null) return 'null';
  let s = jsonOf.get(o);
  if (s === undefined) jsonOf.set(o, (s = JSON.stringify(o)));
  return s;
};

/** The JSON text of results, reusing each area's serialised answer (bulk answers are mostly those). */
export function resultsJson(results: DeprivationResult[]): string {
  const parts: string[] = new Array(results.length);
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    // the documented field order (as the schema serialiser of the single route writes it)
    const h = JSON.stringify({
      input: r.input,
      postcode: r.postcode,
      status: r.status,
      message: r.message,
      terminated: r.terminated,
      doterm: r.doterm,
      nation: r.nation,
      country_code: r.country_code,
      index_edition: r.index_edition,
    });
    parts[i] = `${h.slice(0, -1)},"deprivation":${toJson(r.deprivation)},"uk_composite":${toJson(r.uk_composite)}}`;
  }
  return `[${parts.join(',')}]`;
}

/** Flat columns of a result, for CSV answers (one row per input; domains as <key>_rank / <key>_decile). */
export const CSV_COLUMNS = [
  'input',
  'postcode',
  'status',
  'terminated',
  'doterm',
  'nation',
  'country_code',
  'index_edition',
  'area_code',
  'area_name',
  'area_type',
  'local_authority_code',
  'local_authority_name',
  'rank',
  'areas',
  'score',
  'decile',
  'decile_method',
  'quintile',
  'quintile_method',
  'quartile',
  'quartile_method',
  'quantile_n',
  'quantile',
  'quantile_method',
  'uk_composite_rank',
  'uk_composite_areas',
  'uk_composite_pop_decile',
  'uk_composite_pop_quintile',
  'message',
];

export function csvRow(r: DeprivationResult): Record<string, unknown> {
  const d = r.deprivation;
  const c = r.uk_composite;
  return {
    input: r.input,
    postcode: r.postcode,
    status: r.status,
    terminated: r.terminated,
    doterm: r.doterm,
    nation: r.nation,
    country_code: r.country_code,
    index_edition: r.index_edition,
    area_code: d?.area.code,
    area_name: d?.area.name,
    area_type: d?.area.type,
    local_authority_code: d?.area.local_authority_code,
    local_authority_name: d?.area.local_authority_name,
    rank: d?.rank,
    areas: d?.areas,
    score: d?.score,
    decile: d?.decile.value,
    decile_method: d?.decile.method,
    quintile: d?.quintile.value,
    quintile_method: d?.quintile.method,
    quartile: d?.quartile.value,
    quartile_method: d?.quartile.method,
    quantile_n: d?.quantile?.n,
    quantile: d?.quantile?.value,
    quantile_method: d?.quantile?.method,
    uk_composite_rank: c?.rank,
    uk_composite_areas: c?.areas,
    uk_composite_pop_decile: c?.decile.value,
    uk_composite_pop_quintile: c?.quintile.value,
    message: r.message,
  };
}
