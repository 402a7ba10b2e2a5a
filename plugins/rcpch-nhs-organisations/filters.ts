// The original's list filters and orders: a query parameter named after a member of the items
// keeps those whose member equals it (empty values and other parameters are ignored, as
// django-filter does); lists are ordered by name (some descending), then by code.
import { badRequest } from '../../core/contract.ts';

type Item = Record<string, unknown>;
export type Query = Record<string, unknown>;

const BOOLEAN: Record<string, boolean> = { true: true, True: true, '1': true, false: false, False: false, '0': false };

/** The value a parameter asks for (the last one when repeated, as Django reads it); undefined when empty. */
function asked(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value.at(-1) : value;
  return v === undefined || v === null || String(v) === '' ? undefined : String(v);
}

/** One test per filtering parameter; a value that cannot match its member's type is a 400. */
function tests(members: readonly string[], sample: Item | undefined, query: Query): ((item: Item) => boolean)[] {
  const out: ((item: Item) => boolean)[] = [];
  for (const [name, raw] of Object.entries(query)) {
    const value = asked(raw);
    if (value === undefined || !members.includes(name)) continue;
    const kind = typeof sample?.[name];
    if (kind === 'boolean') {
      if (!(value in BOOLEAN)) throw badRequest(`${name} must be true or false`, [{ name, reason: 'must be true or false' }]);
      out.push((item) => item[name] === BOOLEAN[value]);
    } else if (kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw badRequest(`${name} must be a number`, [{ name, reason: 'must be a number' }]);
      out.push((item) => item[name] === n);
    } else out.push((item) => item[name] === value);
  }
  return out;
}

/** The items whose members equal the parameters naming them (scalar members only). */
export function filterItems<T extends object>(items: readonly T[], query: Query, members: readonly string[]): readonly T[] {
  const checks = tests(members, items[0] as Item | undefined, query);
  return checks.length === 0 ? items : items.filter((i) => checks.every((c) => c(i as Item)));
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Ordered by their name member (code-unit order; a missing name last, or first when descending,
 * as PostgreSQL orders nulls), then by `key`.
 */
export function byName<T extends object>(items: T[], key: string, descending = false, name = 'name'): T[] {
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return items.sort((x, y) => {
    const [a, b] = [x as Item, y as Item];
    return (descending ? -1 : 1) * cmp(text(a[name]), text(b[name])) || cmp(text(a[key]), text(b[key]));
  });
}
