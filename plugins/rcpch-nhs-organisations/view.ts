// The current edition of the lists in the API's shapes, built once per pair of editions (the
// organisations dataset's, the boundaries dataset's) and shared by every route: the lists are a
// few hundred records, each answer then only filters and serialises them.
import {
  perEdition,
  type BoundaryLevel,
  type BoundaryServices,
  type OrganisationEdition,
  type OrganisationServices,
  type PluginContext,
} from '../../core/contract.ts';
import { byName } from './filters.ts';
import { KINDS, type Kind } from './kinds.ts';
import { SHAPES, organisation, type Areas, type Source } from './shapes.ts';
import type { Organisation } from './types.ts';

export interface View {
  source: Source;
  /** Every organisation, ordered by name. */
  organisations: readonly Organisation[];
  organisation(odsCode: string): Organisation | null;
  /** The structures of a kind, in the order the original lists them. */
  structures(kind: Kind): readonly object[];
  /** A key naming the editions answered (for caches of serialised answers). */
  key: string;
}

const LEVELS: BoundaryLevel[] = ['country', 'nhs_region', 'icb', 'health_board'];

/** The areas of the levels the shapes read, by GSS code; empty without the boundaries dataset or its import. */
async function areasOf(boundaries: BoundaryServices | null, editionId: number | undefined): Promise<Areas> {
  const out = new Map();
  if (!boundaries || editionId === undefined) return out;
  for (const level of LEVELS) for (const a of (await boundaries.areas(level, editionId)) ?? []) out.set(a.code, a);
  return out;
}

/** A structure record of the organisations service in the shape of its kind. */
export function shapeOf(source: Source, kind: Kind, record: unknown): object {
  return (SHAPES[kind.structure] as (s: Source, r: unknown) => object)(source, record);
}

function build(lists: OrganisationEdition, areas: Areas, key: string): View {
  const source = { lists, areas };
  const organisations = byName(lists.organisations.map((o) => organisation(source, o)), 'ods_code');
  const byCode = new Map(organisations.map((o) => [o.ods_code, o]));
  const structures = new Map(KINDS.map((k) => [k, byName(lists.structures(k.structure).map((r) => shapeOf(source, k, r)), k.key, k.descending)]));
  return {
    source,
    organisations,
    organisation: (code) => byCode.get(lists.organisation(code)?.ods_code ?? '') ?? null,
    structures: (kind) => structures.get(kind) ?? [],
    key,
  };
}

/** The view of the current editions (the organisations service's problems: 503 before its first import). */
export function currentView(ctx: PluginContext): () => Promise<View> {
  // built once per pair of editions, "<organisations id>|<boundaries id or ->"
  const built = perEdition<View, string>(async (key) => {
    const [organisationsId, boundariesId] = key.split('|');
    const lists = await ctx.service<OrganisationServices>('organisations').edition({ edition: Number(organisationsId) });
    const areas = await areasOf(ctx.optionalService<BoundaryServices>('boundaries'), boundariesId === '-' ? undefined : Number(boundariesId));
    return build(lists, areas, key);
  }, 4);
  return async () => {
    const lists = await ctx.service<OrganisationServices>('organisations').edition();
    const boundaryEdition = (await ctx.optionalService<BoundaryServices>('boundaries')?.currentEdition())?.id;
    return built(`${lists.edition.id}|${boundaryEdition ?? '-'}`);
  };
}
