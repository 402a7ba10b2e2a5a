// The index editions the deprivation service composes, per nation. A new edition (e.g. IoD2025 on
// LSOA 2021, once its LSOA-level file is loaded) is one more plug-in with a descriptor, one line here
// and one entry in dataset.yaml's depends_on; its `join` names the postcode-directory column to use.
import type { IndexDescriptor, Nation } from './index.ts';
import { COUNTRY_CODES } from './index.ts';
import { descriptor as iod2019 } from '../../imd-england-2019/services.ts';
import { descriptor as iod2025 } from '../../imd-england-2025/services.ts';
import { descriptor as wimd2019 } from '../../imd-wales-2019/services.ts';
import { descriptor as simd2020 } from '../../imd-scotland-2020/services.ts';
import { descriptor as nimdm2017 } from '../../imd-northern-ireland-2017/services.ts';
import { descriptor as composite } from '../../imd-uk-composite/services.ts';

/** Every national index edition; the first of each nation is its default. */
export const NATIONAL: IndexDescriptor[] = [iod2019, iod2025, wimd2019, simd2020, nimdm2017];
export const COMPOSITE: IndexDescriptor = composite;
export const ALL: IndexDescriptor[] = [...NATIONAL, COMPOSITE];

export const NATION_OF_COUNTRY: Record<string, Nation> = Object.fromEntries(Object.entries(COUNTRY_CODES).map(([n, c]) => [c, n as Nation]));

export const defaultFor = (nation: Nation): IndexDescriptor => NATIONAL.find((d) => d.nation === nation)!;

/** Parses `edition=` (comma-separated index edition labels, case-insensitive): one per nation at most. */
export function chooseEditions(param: string | undefined): { choice: Map<Nation, IndexDescriptor>; unknown: string[]; clash: string[] } {
  const choice = new Map<Nation, IndexDescriptor>();
  const unknown: string[] = [];
  const clash: string[] = [];
  for (const raw of (param ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const d = NATIONAL.find((x) => x.label.toLowerCase() === raw.toLowerCase());
    if (!d) unknown.push(raw);
    else if (choice.has(d.nation as Nation) && choice.get(d.nation as Nation) !== d) clash.push(raw);
    else choice.set(d.nation as Nation, d);
  }
  for (const d of NATIONAL) if (!choice.has(d.nation as Nation)) choice.set(d.nation as Nation, defaultFor(d.nation as Nation));
  return { choice, unknown, clash };
}
