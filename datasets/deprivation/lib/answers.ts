// The answer of one small area: its nation's index (rank, quantiles by the publisher's rule or as
// published, domains) and the UK composite. An area's answer never changes within an edition, so
// answers are shared between postcodes and requests (the memo) and never mutated.
import { indices, type IndexDescriptor, type IndexSnapshot, type LRUCache, type MeasureDescriptor, type Nation } from '../../../core/contract.ts';
import type { MeasureAnswer, QuantileAnswer, ResultRecord } from '../types.ts';

export type NationalAnswer = NonNullable<ResultRecord['deprivation']>;
export type CompositeAnswer = NonNullable<ResultRecord['uk_composite']>;

/** Composed answers by (index edition, edition id, quantile, area). */
export type AnswerMemo = LRUCache<string, NationalAnswer | CompositeAnswer>;

const COMPOSITE_CAVEAT =
  "mySociety's composite UK IMD rescales the four national indices onto the English scale so that areas can be compared across nations; " +
  'a modelled estimate (CC BY 4.0, mySociety), not an official statistic. Its decile and quintile are population-weighted, as published.';

const editionOf = (s: IndexSnapshot) => ({ id: s.edition.id, label: s.edition.label, imported_at: s.edition.imported_at });
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));

function memoised<T extends NationalAnswer | CompositeAnswer>(memo: AnswerMemo | undefined, key: string, make: () => T): T {
  let v = memo?.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    memo?.set(key, v);
  }
  return v;
}

/** Published quantiles of a measure for one area: size → value (null when the cell is empty). */
function publishedOf(m: MeasureDescriptor, row: Record<string, unknown>): Record<number, number | null> {
  const out: Record<number, number | null> = {};
  for (const size of Object.keys(m.published).map(Number)) out[size] = numOrNull(row[m.published[size]]);
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
    decile: indices.quantileOf(rank, areas, 10, d.rule, published, m.published),
  };
  if (n) answer.quantile = indices.quantileOf(rank, areas, n, d.rule, published, m.published);
  return answer;
}

/** The nation's index for one area (of `snap`), with the extra quantile asked for. */
export function nationalAnswer(
  d: IndexDescriptor,
  snap: IndexSnapshot,
  code: string,
  row: Record<string, unknown>,
  caveat: string,
  quantile: number | undefined,
  memo?: AnswerMemo,
): NationalAnswer {
  return memoised(memo, `${d.label}:${snap.edition.id}:${quantile ?? ''}:${code}`, () => {
    const nation = d.nation as Nation;
    const overall = measure(d, d.overall, row, snap.areas, quantile)!;
    const published = publishedOf(d.overall, row);
    const domains: MeasureAnswer[] = [];
    for (const m of d.domains) {
      const a = measure(d, m, row, snap.areas, quantile);
      if (a) domains.push(a);
    }
    return {
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
      quintile: indices.quantileOf(overall.rank, snap.areas, 5, d.rule, published, d.overall.published),
      quartile: indices.quantileOf(overall.rank, snap.areas, 4, d.rule, published, d.overall.published),
      domains,
      caveat,
      // optional members last: where the schema serialiser of the single route writes them
      ...(quantile ? { quantile: overall.quantile } : {}),
    };
  });
}

/** The composite of an area, null where it does not cover it. Its quantiles are population-weighted, as published. */
export function compositeAnswer(d: IndexDescriptor, snap: IndexSnapshot, code: string, memo?: AnswerMemo): CompositeAnswer | null {
  const row = snap.byCode.get(code);
  if (!row) return null;
  const weighted = (size: number): QuantileAnswer => ({
    n: size,
    value: numOrNull(row[d.overall.published[size]])!,
    method: 'published',
    rule: 'population-weighted',
    source_field: d.overall.published[size],
  });
  return memoised(memo, `${d.label}:${snap.edition.id}:${code}`, () => ({
    index: d.title,
    dataset: d.dataset,
    edition: editionOf(snap),
    area_code: code,
    rank: numOrNull(row[d.overall.rank])!,
    areas: snap.areas,
    score: d.overall.score ? numOrNull(row[d.overall.score]) : null,
    decile: weighted(10),
    quintile: weighted(5),
    caveat: COMPOSITE_CAVEAT,
  }));
}
