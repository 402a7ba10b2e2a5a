// What every national answer says next to its ranks: they compare areas within one nation only;
// where the nation has another edition with small areas, that the two are not comparable (different
// areas, different data); and where the UK composite is not built on this edition, that it is not.
import type { IndexDescriptor } from '../../../core/contract.ts';

const withinNation = (nation: string) =>
  `Ranks and quantiles compare small areas within ${nation} only: the four nations' indices are built differently, ` +
  'so a rank or decile in one nation cannot be compared with one in another. For a UK-wide comparison use uk_composite.';

const how = (d: IndexDescriptor) => `${d.label} (${d.area_type}, joined through ${d.join})`;

export function caveatOf(d: IndexDescriptor, national: readonly IndexDescriptor[], composite: IndexDescriptor | null): string {
  const parts = [withinNation(d.nation)];
  const others = national.filter((o) => o !== d && o.nation === d.nation && o.table);
  if (others.length)
    parts.push(`${how(d)} and ${others.map(how).join(', ')} are different editions over different areas and different data: their ranks and deciles are not comparable with each other.`);
  const off = composite && (composite.basis ? !composite.basis.includes(d.label) : composite.join !== d.join);
  if (composite && off)
    parts.push(
      `uk_composite stays on the inputs of ${composite.publisher}'s release${composite.basis ? ` (${composite.basis.join(', ')})` : ''}, joined through ${composite.join}: it does not reflect ${d.label}.`,
    );
  return parts.join(' ');
}
