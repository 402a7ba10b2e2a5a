// The index editions this adapter can answer with: the index datasets it declares in depends_on
// that are registered here (their services carry a descriptor), and the year the Census Platform's
// `year` parameter names each by (the four digits of its label: IoD2019 → 2019, SIMD2020v2 → 2020).
import { indices, type DeprivationIndexServices, type Nation, type PluginContext } from '../../../core/contract.ts';

export interface IndexEdition {
  services: DeprivationIndexServices;
  label: string;
  nation: Nation;
  year: number;
}

export interface IndexEditions {
  /** Every registered national index edition, in depends_on order. */
  all: readonly IndexEdition[];
  byLabel(label: string): IndexEdition | undefined;
  ofNation(nation: Nation): IndexEdition[];
  /** "IoD2019 (year=2019), IoD2025 (year=2025)", or "none" */
  describe(editions: readonly IndexEdition[]): string;
}

export const yearOfLabel = (label: string): number => Number(/(?:19|20)\d\d/.exec(label)?.[0] ?? NaN);

export function indexEditions(ctx: Pick<PluginContext, 'dependencies' | 'optionalService'>): IndexEditions {
  const all: IndexEdition[] = [];
  for (const dep of ctx.dependencies) {
    const s = ctx.optionalService(dep.id);
    if (!indices.isIndexServices(s) || s.descriptor.composite || !s.descriptor.table) continue;
    const d = s.descriptor;
    all.push({ services: s, label: d.label, nation: d.nation as Nation, year: yearOfLabel(d.label) });
  }
  return {
    all,
    byLabel: (label) => all.find((e) => e.label === label),
    ofNation: (nation) => all.filter((e) => e.nation === nation),
    describe: (editions) => editions.map((e) => `${e.label} (year=${e.year})`).join(', ') || 'none',
  };
}
