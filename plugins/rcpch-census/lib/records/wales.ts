// A Welsh small area as the Census Platform's WelshIndexMultipleDeprivationSerializer gives it: rank,
// quartile, quintile, decile and score of the index and each domain. WIMD publishes ranks only: the
// quantiles are the Welsh Government's rank bands (the indices module's rule of the descriptor).
import { indices } from '../../../../core/contract.ts';
import type { WelshImdRecord } from '../../types.ts';
import type { IndexEdition } from '../indices.ts';
import { measureOf, numberOf } from './values.ts';

/** [the Census Platform's field prefix, the WIMD measure key] */
export const WELSH_MEASURES: readonly [string, string][] = [
  ['imd', 'overall'],
  ...['income', 'employment', 'health', 'education', 'access_to_services', 'housing', 'community_safety', 'physical_environment'].map((k): [string, string] => [k, k]),
];

const SIZES: [string, number][] = [
  ['quartile', 4],
  ['quintile', 5],
  ['decile', 10],
];

export function welshRecord(row: Record<string, unknown>, edition: IndexEdition, areas: number): WelshImdRecord {
  const d = edition.services.descriptor;
  const out: Record<string, unknown> = {};
  for (const [field, key] of WELSH_MEASURES) {
    const m = measureOf(d, key);
    const rank = numberOf(row[m.rank]);
    out[`${field}_rank`] = rank;
    for (const [name, n] of SIZES) {
      const published = m.published[n] ? { [n]: numberOf(row[m.published[n]]) } : {};
      out[`${field}_${name}`] = rank === null ? null : indices.quantileOf(rank, areas, n, d.rule, published).value;
    }
    out[`${field}_score`] = m.score ? numberOf(row[m.score]) : null;
  }
  return { ...out, lsoa: String(row[d.code]), year: edition.year, index_edition: edition.label, type: 'wales' } as WelshImdRecord;
}
