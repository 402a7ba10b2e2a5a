// The deprivation-by-postcode service: chooses the index editions, loads their snapshots (memory,
// per edition), looks the postcodes up through the postcodes plug-in and composes the answers.
import { notImported, badRequest, boundedCache, indices, type DatasetContext, type EditionInfo, type IndexDescriptor, type IndexSnapshot, type PostcodeLookup, type PostcodeServices } from '../../../core/contract.ts';
import { compose, type Composer, type DeprivationResult } from './compose.ts';
import type { AnswerMemo } from './answers.ts';
import { absentList, chooseEditions, discoverIndices } from './registry.ts';

export interface Plan extends Composer {
  postcodes: EditionInfo;
  /** Identifies every edition the answer depends on (for the ETag). */
  key: string;
}

export function createDeprivationService(ds: DatasetContext) {
  const registry = discoverIndices(ds);
  const postcodes = () => ds.service<PostcodeServices>('postcodes');
  // postcode-directory answers per directory edition (an edition never changes), and composed answers per area
  const lookups = boundedCache<string, PostcodeLookup>({ max: 50_000 });
  const memo: AnswerMemo = boundedCache({ max: 20_000 });

  /** One lookup per input, in order: from the cache, the rest in one call to the postcodes service. */
  async function lookup(inputs: string[], editionId: number): Promise<PostcodeLookup[]> {
    const svc = postcodes();
    const out: PostcodeLookup[] = new Array(inputs.length);
    const missing: number[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const p = svc.normalise(inputs[i]);
      if (p === null) {
        out[i] = { input: inputs[i], postcode: null, status: 'invalid', record: null };
        continue;
      }
      const hit = lookups.get(`${editionId}:${p}`);
      // the same spelling as the cached answer's (the usual case): the answer itself, no copy
      if (hit) out[i] = hit.input === inputs[i] ? hit : { ...hit, input: inputs[i] };
      else missing.push(i);
    }
    if (missing.length) {
      const found = await svc.lookup(missing.map((i) => inputs[i]), editionId);
      missing.forEach((i, j) => {
        out[i] = found[j];
        if (found[j].postcode) lookups.set(`${editionId}:${found[j].postcode}`, found[j]);
      });
    }
    return out;
  }

  async function makePlan(edition?: string, quantile?: number): Promise<Plan> {
    const { choice, unknown, clash } = chooseEditions(registry, edition);
    if (unknown.length) {
      const absent = absentList(registry);
      throw badRequest(
        `unknown index edition(s): ${unknown.join(', ')} (known: ${registry.national.map((d) => d.label).join(', ') || 'none'}${absent ? `; index datasets declared but absent: ${absent}` : ''})`,
        [{ name: 'edition', reason: 'unknown index edition' }],
      );
    }
    if (clash.length) throw badRequest(`two editions for one nation: ${clash.join(', ')}`, [{ name: 'edition', reason: 'at most one edition per nation' }]);
    if (quantile !== undefined && !(Number.isInteger(quantile) && quantile >= indices.MIN_QUANTILE && quantile <= indices.MAX_QUANTILE))
      throw badRequest(`quantile must be an integer from ${indices.MIN_QUANTILE} to ${indices.MAX_QUANTILE}`, [{ name: 'quantile', reason: 'outside 2..20' }]);
    const pc = await postcodes().currentEdition();
    if (!pc) throw notImported('postcodes', 'the postcode directory has no edition yet; see /catalogue/postcodes');
    const snapshots = new Map<IndexDescriptor, IndexSnapshot | null>();
    await Promise.all([...new Set(choice.values())].map(async (d) => snapshots.set(d, d.table ? await registry.services(d).snapshot() : null)));
    const composite = registry.composite ? await registry.services(registry.composite).snapshot() : null;
    const key = [pc.id, ...[...choice.entries()].map(([n, d]) => `${n[0]}${snapshots.get(d)?.edition.id ?? d.label}`), composite?.edition.id ?? 0, quantile ?? ''].join('.');
    return { registry, choice, snapshots, composite, quantile, memo, postcodes: pc, key };
  }

  // plans by (editions version, edition=, quantile=): a plan asks for every index's current snapshot
  const plans = boundedCache<string, Plan>({ max: 64 });

  return {
    registry,
    /** The plan of a request: the same object for the same parameters until an edition switch. */
    async plan(edition?: string, quantile?: number): Promise<Plan> {
      const key = `${ds.editionsVersion()}|${edition ?? ''}|${quantile ?? ''}`;
      let plan = plans.get(key);
      if (!plan) plans.set(key, (plan = await makePlan(edition, quantile)));
      return plan;
    },
    /** One postcode-directory answer per input, in order (composed into results by composeOne). */
    lookup: (inputs: string[], plan: Plan): Promise<PostcodeLookup[]> => lookup(inputs, plan.postcodes.id),
    async run(inputs: string[], plan: Plan): Promise<DeprivationResult[]> {
      return compose(await lookup(inputs, plan.postcodes.id), plan);
    },
  };
}
