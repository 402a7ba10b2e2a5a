// Postcode → nation → that nation's index edition → small area (joined on the index's own geography
// vintage) → its answer; then the UK composite. Every way of not answering has its own status and
// message. Pure given the lookups and the snapshots of a plan.
import { indices, type IndexDescriptor, type IndexSnapshot, type Nation, type PostcodeLookup, type PostcodeRecord } from '../../../core/contract.ts';
import type { ResultRecord } from '../types.ts';
import { compositeAnswer, nationalAnswer, type AnswerMemo, type NationalAnswer } from './answers.ts';
import { absentList, type IndexRegistry } from './registry.ts';

export type DeprivationResult = ResultRecord;
export type DeprivationStatus = ResultRecord['status'];

export interface Composer {
  registry: IndexRegistry;
  /** Index edition chosen for each nation (none: no index of the nation with small areas is registered). */
  choice: Map<Nation, IndexDescriptor>;
  /** Snapshot of each chosen national index (null: never imported). */
  snapshots: Map<IndexDescriptor, IndexSnapshot | null>;
  composite: IndexSnapshot | null;
  /** Extra quantile size asked for (2..20), if any. */
  quantile?: number;
  /** Answers per small area, shared between requests (they never change within an edition). */
  memo?: AnswerMemo;
}

/** Why a nation has no index to answer with: the editions it has without small areas, and what is absent. */
function absentMessage(nation: Nation, r: IndexRegistry): string {
  const summaries = r.national.filter((d) => d.nation === nation).map((d) => d.label);
  const absent = absentList(r);
  return (
    `no index of ${nation} with small-area values is registered in this catalogue` +
    (summaries.length ? `; ${summaries.join(', ')} ${summaries.length > 1 ? 'have' : 'has'} only local-authority summaries` : '') +
    (absent ? `; index datasets declared but absent: ${absent}` : '')
  );
}

/** "; edition=IoD2019 joins it through lsoa11 (LSOA 2011)": the nation's other editions the postcode has a small area of. */
function otherEditions(d: IndexDescriptor, r: PostcodeRecord, reg: IndexRegistry): string {
  const others = reg.national.filter((o) => o !== d && o.nation === d.nation && o.table && r[o.join]);
  return others.map((o) => `; edition=${o.label} joins it through ${o.join} (${o.area_type}), not comparable with ${d.label}`).join('');
}

export function compose(lookups: PostcodeLookup[], c: Composer): DeprivationResult[] {
  return lookups.map((l) => composeOne(l, c));
}

type Status = DeprivationResult['status'];
type Place = Pick<DeprivationResult, 'nation' | 'country_code' | 'index_edition' | 'deprivation' | 'uk_composite'>;
const NOWHERE: Place = { nation: null, country_code: null, index_edition: null, deprivation: null, uk_composite: null };

/** One result, one object (a bulk answer composes a thousand: no intermediate copies). */
function result(l: PostcodeLookup, status: Status, message: string, p: Place): DeprivationResult {
  return {
    input: l.input,
    postcode: l.postcode,
    status,
    message,
    terminated: l.status === 'terminated',
    doterm: l.record?.doterm ?? null,
    nation: p.nation,
    country_code: p.country_code,
    index_edition: p.index_edition,
    deprivation: p.deprivation,
    uk_composite: p.uk_composite,
  };
}

/** The result of one lookup (pure given the plan's snapshots; answers of areas are memoised). */
export function composeOne(l: PostcodeLookup, c: Composer): DeprivationResult {
  if (l.status === 'invalid') return result(l, 'invalid', 'not a valid UK postcode format', NOWHERE);
  if (l.status === 'not_found' || !l.record) return result(l, 'not_found', 'valid format, but not in the postcode directory', NOWHERE);
  const r = l.record;
  const nation = r.ctry ? indices.NATION_OF_COUNTRY[r.ctry] : undefined;
  if (!nation)
    return result(l, 'outside_indices', `the postcode is outside England, Wales, Scotland and Northern Ireland (country ${r.ctry ?? 'unknown'}); no UK deprivation index covers it`, {
      ...NOWHERE,
      country_code: r.ctry,
    });
  const uk_composite = c.composite && c.registry.composite && r.lsoa11 ? compositeAnswer(c.registry.composite, c.composite, r.lsoa11, c.memo) : null;
  const d = c.choice.get(nation);
  const place = (deprivation: NationalAnswer | null = null): Place => ({ nation, country_code: r.ctry, index_edition: d?.label ?? null, deprivation, uk_composite });
  if (!d) return result(l, 'index_absent', absentMessage(nation, c.registry), place());
  if (!d.table)
    return result(
      l,
      'index_edition_unavailable',
      `${d.label} is published here only as local-authority summaries; its small-area (${d.area_type}) values are not loaded. Ask for another ${nation} edition.`,
      place(),
    );
  const snap = c.snapshots.get(d) ?? null;
  if (!snap) return result(l, 'index_not_loaded', `${d.label} (${d.dataset}) has not been imported yet`, place());
  const code = r[d.join];
  if (!code)
    return result(l, 'no_small_area', `the postcode directory gives this postcode no ${d.area_type} (${d.join}), the geography ${d.label} uses${otherEditions(d, r, c.registry)}`, place());
  const row = snap.byCode.get(code);
  if (!row) return result(l, 'area_not_in_index', `small area ${code} (${d.join}) has no value in ${d.label}${otherEditions(d, r, c.registry)}`, place());
  const deprivation = nationalAnswer(d, snap, code, row, c.registry.caveat(d), c.quantile, c.memo);
  if (l.status === 'terminated') return result(l, 'terminated', `the postcode was terminated (${r.doterm}); values are for the small area it was last assigned to`, place(deprivation));
  return result(l, 'found', 'found', place(deprivation));
}
