// An English small area as the Census Platform's EnglishIndexMultipleDeprivationSerializer gives it,
// from a row of an IoD edition (the IoD layout of the contract's indices module: `<key>_score`,
// `_rank`, `_decile`, `<key>_score_transformed`, sub-domain keys). What an edition does not publish
// here is null (IoD2019: scores; IoD2025: transformed scores, IDACI, IDAOPI).
import type { EnglishImdRecord } from '../../types.ts';
import type { IndexEdition } from '../indices.ts';
import { numberOf } from './values.ts';

/** [the Census Platform's field prefix, the IoD key, whether it has an exponentially transformed score] */
export const ENGLISH_MEASURES: readonly [string, string, boolean][] = [
  ['imd', 'imd', false],
  ['income', 'income', true],
  ['employment', 'employment', true],
  ['education_skills_training', 'education', true],
  ['children_young_people_sub_domain', 'children_young_people', false],
  ['adult_skills_sub_domain', 'adult_skills', false],
  ['health_deprivation_disability', 'health', true],
  ['crime', 'crime', true],
  ['barriers_to_housing_services', 'barriers', true],
  ['geographical_barriers_sub_domain', 'geographical_barriers', false],
  ['wider_barriers_sub_domain', 'wider_barriers', false],
  ['living_environment', 'living_environment', true],
  ['indoors_sub_domain', 'indoors', false],
  ['outdoors_sub_domain', 'outdoors', false],
  ['idaci', 'idaci', false],
  ['idaopi', 'idaopi', false],
];

export function englishRecord(row: Record<string, unknown>, edition: IndexEdition): EnglishImdRecord {
  const out: Record<string, unknown> = {};
  for (const [field, key, transformed] of ENGLISH_MEASURES) {
    out[`${field}_score`] = numberOf(row[`${key}_score`]);
    if (transformed) out[`${field}_score_exponentially_transformed`] = numberOf(row[`${key}_score_transformed`]);
    out[`${field}_rank`] = numberOf(row[`${key}_rank`]);
    out[`${field}_decile`] = numberOf(row[`${key}_decile`]);
  }
  return { ...out, lsoa: String(row[edition.services.descriptor.code]), year: edition.year, index_edition: edition.label, type: 'england' } as EnglishImdRecord;
}
