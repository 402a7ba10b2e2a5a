// The index editions this service composes, found at run time: every dataset declared in depends_on
// whose services carry an index descriptor (indices.indexServices). An index declared but not
// registered here (or failed to load) is absent: its nation's postcodes say so. A new index edition
// is its own plug-in plus one optional entry in depends_on; the first of each nation is its default.
import { indices, type DatasetContext, type DeprivationIndexServices, type IndexDescriptor, type Nation } from '../../../core/contract.ts';
import { caveatOf } from './caveats.ts';

export interface AbsentIndex {
  dataset: string;
  reason: 'not registered' | 'failed to load';
}

export interface IndexRegistry {
  /** National index editions, in depends_on order. */
  national: IndexDescriptor[];
  composite: IndexDescriptor | null;
  absent: AbsentIndex[];
  services(d: IndexDescriptor): DeprivationIndexServices;
  /** The edition a nation gets when `edition=` names none: its first with small areas; null when it has none. */
  defaultFor(nation: Nation): IndexDescriptor | null;
  /** The caveat its answers carry (lib/caveats.ts). */
  caveat(d: IndexDescriptor): string;
}

/** Builds the registry from index services (tests pass synthetic ones). */
export function createRegistry(found: DeprivationIndexServices[], absent: AbsentIndex[] = []): IndexRegistry {
  const byDescriptor = new Map<IndexDescriptor, DeprivationIndexServices>();
  const labels = new Set<string>();
  let composite: IndexDescriptor | null = null;
  const national: IndexDescriptor[] = [];
  for (const s of found) {
    const d = s.descriptor;
    // a label names one edition: a second index claiming it would make edition= ambiguous
    if (labels.has(d.label.toLowerCase())) throw new Error(`two index datasets use the edition label ${d.label} (${d.dataset})`);
    labels.add(d.label.toLowerCase());
    byDescriptor.set(d, s);
    if (d.composite) composite ??= d;
    else national.push(d);
  }
  const defaults = new Map<Nation, IndexDescriptor>();
  for (const d of national) if (d.table && !defaults.has(d.nation as Nation)) defaults.set(d.nation as Nation, d);
  const caveats = new Map(national.map((d) => [d, caveatOf(d, national, composite)]));
  return {
    national,
    composite,
    absent,
    services: (d) => byDescriptor.get(d)!,
    defaultFor: (nation) => defaults.get(nation) ?? null,
    caveat: (d) => caveats.get(d)!,
  };
}

/** The registry of a dataset's declared dependencies (routes, services and importer alike). */
export function discoverIndices(ds: Pick<DatasetContext, 'dependencies' | 'optionalService'>): IndexRegistry {
  const found: DeprivationIndexServices[] = [];
  const absent: AbsentIndex[] = [];
  for (const dep of ds.dependencies) {
    const s = ds.optionalService(dep.id);
    if (indices.isIndexServices(s)) found.push(s);
    else if (!s && dep.optional) absent.push({ dataset: dep.id, reason: dep.present ? 'failed to load' : 'not registered' });
  }
  return createRegistry(found, absent);
}

/** "imd-wales-2019 (not registered)…" for messages; empty when nothing is absent. */
export const absentList = (r: IndexRegistry) => r.absent.map((a) => `${a.dataset} (${a.reason})`).join(', ');

/** Parses `edition=` (comma-separated index edition labels, case-insensitive): one per nation at most. */
export function chooseEditions(r: IndexRegistry, param: string | undefined): { choice: Map<Nation, IndexDescriptor>; unknown: string[]; clash: string[] } {
  const choice = new Map<Nation, IndexDescriptor>();
  const unknown: string[] = [];
  const clash: string[] = [];
  for (const raw of (param ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const d = r.national.find((x) => x.label.toLowerCase() === raw.toLowerCase());
    const nation = d?.nation as Nation;
    if (!d) unknown.push(raw);
    else if (choice.has(nation) && choice.get(nation) !== d) clash.push(raw);
    else choice.set(nation, d);
  }
  for (const nation of Object.keys(indices.COUNTRY_CODES) as Nation[]) {
    const d = r.defaultFor(nation);
    if (!choice.has(nation) && d) choice.set(nation, d);
  }
  return { choice, unknown, clash };
}
