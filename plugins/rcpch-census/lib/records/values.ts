// Values of an index snapshot row, as the records carry them.
import type { IndexDescriptor, MeasureDescriptor } from '../../../../core/contract.ts';

/** A number, or null when the edition has no value. */
export const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The measure of a descriptor by key ('overall' is the index itself); throws when the index has no such measure. */
export function measureOf(d: IndexDescriptor, key: string): MeasureDescriptor {
  const m = key === 'overall' ? d.overall : d.domains.find((x) => x.key === key);
  if (!m) throw new Error(`${d.label} has no measure ${key}`);
  return m;
}
