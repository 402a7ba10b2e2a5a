// Postcode → nation → that nation's index edition → small area (joined on the index's own geography
// vintage) → its answer; then the UK composite. Every way of not answering has its own status and
// message. Pure given the lookups and the snapshots of a plan.
import { indices, type IndexDescriptor, type IndexSnapshot, type Nation, type PostcodeLookup, type PostcodeRecord } from '../../../core/contract.ts';
import type { ResultRecord } from '../types.ts';
import { compositeAnswer, nationalAnswer, type AnswerMemo } from './answers.ts';
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

const NO_INDEX = { nation: null, country_code: null, index_edition: null, deprivation: null, uk_composite: null };

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
  return lookups.map((l): DeprivationResult => {
    const base = { input: l.input, postcode: l.postcode, terminated: l.status === 'terminated', doterm: l.record?.doterm ?? null };
    if (l.status === 'invalid') return { ...base, ...NO_INDEX, status: 'invalid', message: 'not a valid UK postcode format' };
    if (l.status === 'not_found' || !l.record) return { ...base, ...NO_INDEX, status: 'not_found', message: 'valid format, but not in the postcode directory' };
    const r = l.record;
    const nation = r.ctry ? indices.NATION_OF_COUNTRY[r.ctry] : undefined;
    if (!nation)
      return {
        ...base,
        ...NO_INDEX,
        country_code: r.ctry,
        status: 'outside_indices',
        message: `the postcode is outside England, Wales, Scotland and Northern Ireland (country ${r.ctry ?? 'unknown'}); no UK deprivation index covers it`,
      };
    const uk_composite = c.composite && c.registry.composite && r.lsoa11 ? compositeAnswer(c.registry.composite, c.composite, r.lsoa11, c.memo) : null;
    const d = c.choice.get(nation);
    const head = { ...base, nation, country_code: r.ctry, index_edition: d?.label ?? null, deprivation: null, uk_composite };
    if (!d) return { ...head, status: 'index_absent', message: absentMessage(nation, c.registry) };
    if (!d.table)
      return {
        ...head,
        status: 'index_edition_unavailable',
        message: `${d.label} is published here only as local-authority summaries; its small-area (${d.area_type}) values are not loaded. Ask for another ${nation} edition.`,
      };
    const snap = c.snapshots.get(d) ?? null;
    if (!snap) return { ...head, status: 'index_not_loaded', message: `${d.label} (${d.dataset}) has not been imported yet` };
    const code = r[d.join];
    if (!code)
      return { ...head, status: 'no_small_area', message: `the postcode directory gives this postcode no ${d.area_type} (${d.join}), the geography ${d.label} uses${otherEditions(d, r, c.registry)}` };
    const row = snap.byCode.get(code);
    if (!row) return { ...head, status: 'area_not_in_index', message: `small area ${code} (${d.join}) has no value in ${d.label}${otherEditions(d, r, c.registry)}` };
    const terminated = l.status === 'terminated';
    return {
      ...head,
      status: terminated ? 'terminated' : 'found',
      message: terminated ? `the postcode was terminated (${r.doterm}); values are for the small area it was last assigned to` : 'found',
      deprivation: nationalAnswer(d, snap, code, row, c.registry.caveat(d), c.quantile, c.memo),
    };
  });
}
