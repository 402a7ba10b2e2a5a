// A Northern Irish super output area as the Census Platform's
// NorthernIrelandIndexMultipleDeprivationSerializer gives it: the MDM rank and the seven domain ranks.
import type { NorthernIrelandImdRecord } from '../../types.ts';
import type { IndexEdition } from '../indices.ts';
import { measureOf, numberOf } from './values.ts';

/** [the Census Platform's field, the NIMDM measure key] */
export const NORTHERN_IRISH_MEASURES: readonly [string, string][] = [
  ['imd_rank', 'overall'],
  ['income_rank', 'income'],
  ['employment_rank', 'employment'],
  ['health_deprivation_and_disability_rank', 'health'],
  ['education_skills_and_training_rank', 'education'],
  ['access_to_services_rank', 'access'],
  ['living_environment_rank', 'living_environment'],
  ['crime_and_disorder_rank', 'crime'],
];

export function northernIrishRecord(row: Record<string, unknown>, edition: IndexEdition): NorthernIrelandImdRecord {
  const d = edition.services.descriptor;
  const out: Record<string, unknown> = { year: edition.year };
  for (const [field, key] of NORTHERN_IRISH_MEASURES) out[field] = numberOf(row[measureOf(d, key).rank]);
  return { ...out, soa: String(row[d.code]), index_edition: edition.label, type: 'northern_ireland' } as NorthernIrelandImdRecord;
}
