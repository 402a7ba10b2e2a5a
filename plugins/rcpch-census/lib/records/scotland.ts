// A Scottish data zone as the Census Platform's ScottishIndexMultipleDeprivationSerializer gives it:
// the SIMD rank and the seven domain ranks (domain ties are published as halves: 4563.5).
import type { ScottishImdRecord } from '../../types.ts';
import type { IndexEdition } from '../indices.ts';
import { measureOf, numberOf } from './values.ts';

/** [the Census Platform's field, the SIMD measure key] */
export const SCOTTISH_MEASURES: readonly [string, string][] = [
  ['imd_rank', 'overall'],
  ...['income', 'employment', 'education', 'health', 'access', 'crime', 'housing'].map((k): [string, string] => [`${k}_rank`, k]),
];

export function scottishRecord(row: Record<string, unknown>, edition: IndexEdition): ScottishImdRecord {
  const d = edition.services.descriptor;
  const out: Record<string, unknown> = { year: edition.year, version: Number(/v(\d+)$/i.exec(edition.label)?.[1] ?? 1) };
  for (const [field, key] of SCOTTISH_MEASURES) out[field] = numberOf(row[measureOf(d, key).rank]);
  return { ...out, data_zone: String(row[d.code]), index_edition: edition.label, type: 'scotland' } as ScottishImdRecord;
}
