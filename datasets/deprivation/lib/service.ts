// The deprivation-by-postcode service: chooses the index editions, loads their snapshots (memory,
// per edition), looks the postcodes up through the postcodes plug-in and composes the answers.
import { Problem, badRequest, type DatasetContext, type EditionInfo, type PostcodeLookup, type PostcodeServices } from '../../../core/contract.ts';
import type { IndexDescriptor, IndexServices, IndexSnapshot, Nation } from './index.ts';
import { COMPOSITE, NATIONAL, chooseEditions } from './registry.ts';
import { AnswerMemo, compose, type Composer, type DeprivationResult } from './compose.ts';


export interface Plan extends Composer {
  postcodes: EditionInfo;
  /** Identifies every edition the answer depends on (for the ETag). */
  key: string;
}

/** Postcode-directory answers kept in memory, per directory edition (a directory edition never changes). */
const CACHE_SIZE = 50_000;

export function createDeprivationService(ds: DatasetContext) {
  const postcodes = () => ds.service<PostcodeServices>('postcodes');
  const index = (d: IndexDescriptor) => ds.service<IndexServices>(d.dataset);
  const cache = new Map<string, PostcodeLookup>();
  const memo = new AnswerMemo(20_000);

  /** One lookup per input, in order: from the cache, the rest in one call to the postcodes service. */
  async function lookup(inputs: string[], editionId: number): Promise<PostcodeLookup[]> {
    const svc = postcodes();
    const out: (PostcodeLookup | undefined)[] = new Array(inputs.length);
    const missing: number[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const p = svc.normalise(inputs[i]);
      if (p === null) {
        out[i] = { input: inputs[i], postcode: null, status: 'invalid', record: null };
        continue;
      }
      const hit = cache.get(`${editionId}:${p}`);
      if (hit) {
        cache.delete(`${editionId}:${p}`);
        cache.set(`${editionId}:${p}`, hit);
        out[i] = { ...hit, input: inputs[i] };
      } else missing.push(i);
    }
    if (missing.length) {
      const found = await svc.lookup(missing.map((i) => inputs[i]), editionId);
      missing.forEach((i, j) => {
        out[i] = found[j];
        if (found[j].postcode) cache.set(`${editionId}:${found[j].postcode}`, found[j]);
      });
      while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return out as PostcodeLookup[];
  }

  return {
    async plan(edition?: string, quantile?: number): Promise<Plan> {
      const { choice, unknown, clash } = chooseEditions(edition);
      if (unknown.length)
        throw badRequest(`unknown index edition(s): ${unknown.join(', ')} (known: ${NATIONAL.map((d) => d.label).join(', ')})`, [{ name: 'edition', reason: 'unknown index edition' }]);
      if (clash.length) throw badRequest(`two editions for one nation: ${clash.join(', ')}`, [{ name: 'edition', reason: 'at most one edition per nation' }]);
      if (quantile !== undefined && !(Number.isInteger(quantile) && quantile >= 2 && quantile <= 20))
        throw badRequest('quantile must be an integer from 2 to 20', [{ name: 'quantile', reason: 'outside 2..20' }]);
      const pc = await postcodes().currentEdition();
      if (!pc) throw new Problem(503, 'Dataset not imported yet', 'the postcode directory has no edition yet; see /catalogue/postcodes', { dataset: 'postcodes' });
      const snapshots = new Map<IndexDescriptor, IndexSnapshot | null>();
      await Promise.all([...new Set(choice.values())].map(async (d) => snapshots.set(d, d.table ? await index(d).snapshot() : null)));
      const composite = await index(COMPOSITE).snapshot();
      const key = [pc.id, ...[...choice.entries()].map(([n, d]) => `${n[0]}${snapshots.get(d)?.edition.id ?? d.label}`), composite?.edition.id ?? 0, quantile ?? ''].join('.');
      return { choice: choice as Map<Nation, IndexDescriptor>, snapshots, composite, compositeDescriptor: COMPOSITE, quantile, memo, postcodes: pc, key };
    },
    async run(inputs: string[], plan: Plan): Promise<DeprivationResult[]> {
      const lookups = await lookup(inputs, plan.postcodes.id);
      return compose(lookups, plan);
    },
  };
}

// --- response schema (documents and serialises every answer) -----------------------------------

const quantile = {
  type: 'object',
  description: 'A quantile (1 = most deprived group) and how it was obtained',
  properties: {
    n: { type: 'integer', description: 'Size: 10 = decile, 5 = quintile, 4 = quartile' },
    value: { type: 'integer' },
    method: { type: 'string', enum: ['published', 'computed'] },
    rule: { type: 'string', description: "The publisher's rule used to compute it (computed), or how the publisher built it" },
    source_field: { type: 'string', description: 'Column of the published file (published)' },
  },
};
const edition = { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' }, imported_at: { type: 'string' } } };
const domain = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    title: { type: 'string' },
    rank: { type: 'number', description: 'Domain rank, 1 = most deprived (SIMD ties are halves)' },
    areas: { type: 'integer' },
    score: { type: ['number', 'null'] },
    decile: quantile,
    quantile,
  },
};

export const resultSchema = {
  type: 'object',
  properties: {
    input: { type: 'string', description: 'As given' },
    postcode: { type: ['string', 'null'], description: 'Normalised, null when invalid' },
    status: {
      type: 'string',
      enum: ['found', 'terminated', 'invalid', 'not_found', 'outside_indices', 'no_small_area', 'area_not_in_index', 'index_not_loaded', 'index_edition_unavailable'],
    },
    message: { type: 'string', description: 'Plain explanation of the status' },
    terminated: { type: 'boolean' },
    doterm: { type: ['string', 'null'], description: 'Termination date (YYYYMM) of a terminated postcode' },
    nation: { type: ['string', 'null'] },
    country_code: { type: ['string', 'null'] },
    index_edition: { type: ['string', 'null'], description: 'Index edition used for this postcode' },
    deprivation: {
      type: ['object', 'null'],
      description: "The nation's own index",
      properties: {
        index: { type: 'string' },
        index_edition: { type: 'string' },
        dataset: { type: 'string' },
        edition,
        publisher: { type: 'string' },
        nation: { type: 'string' },
        area: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            name: { type: ['string', 'null'] },
            type: { type: 'string', description: 'Geography and vintage of the small area' },
            postcode_field: { type: 'string', description: 'Postcode-directory column joined' },
            local_authority_code: { type: ['string', 'null'] },
            local_authority_name: { type: ['string', 'null'] },
          },
        },
        rank: { type: 'number', description: 'IMD rank, 1 = most deprived' },
        areas: { type: 'integer', description: 'Number of areas ranked' },
        score: { type: ['number', 'null'] },
        decile: quantile,
        quintile: quantile,
        quartile: quantile,
        quantile,
        domains: { type: 'array', items: domain },
        caveat: { type: 'string' },
      },
    },
    uk_composite: {
      type: ['object', 'null'],
      description: "mySociety's UK-comparable composite (null where it does not cover the area)",
      properties: {
        index: { type: 'string' },
        dataset: { type: 'string' },
        edition,
        area_code: { type: 'string' },
        rank: { type: 'number' },
        areas: { type: 'integer' },
        score: { type: ['number', 'null'] },
        decile: quantile,
        quintile: quantile,
        caveat: { type: 'string' },
      },
    },
  },
};
