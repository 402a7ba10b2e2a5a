// The checks a manifest declares on a table (dataset.yaml `tables[].checks`), applied to every
// import of it, whatever its importer: row checks as each record is written (an error names file,
// line and field), row counts and "each X has one Y" consistency when the importer is done. A check
// of level warning becomes an edition warning instead of stopping the import.
import { SourceError, type TableWriter } from '../contract.ts';
import type { Check, DatasetManifest } from '../types.ts';

type Where = { file?: string; line?: number };
export interface CheckWarning {
  code: string;
  message: string;
  details?: unknown;
}

export type CheckKind = 'not_null' | 'pattern' | 'values' | 'rows' | 'each_has_one';

export const checkKind = (c: Check): CheckKind | undefined =>
  c.not_null ? 'not_null' : c.pattern !== undefined ? 'pattern' : c.values ? 'values' : c.rows ? 'rows' : c.each ? 'each_has_one' : undefined;

export const checkLevel = (c: Check): 'error' | 'warning' => c.level ?? (c.each ? 'warning' : 'error');

/** The fields a check reads. */
export const checkFields = (c: Check): string[] => [...(c.not_null ?? []), ...(c.field ? [c.field] : []), ...(c.each ? [c.each, c.has_one!] : [])];

/** One line saying what a check asks, for messages. */
export function describeCheck(c: Check): string {
  switch (checkKind(c)) {
    case 'not_null':
      return `${c.not_null!.join(', ')} must have a value`;
    case 'pattern':
      return `${c.field} must match ${c.pattern}`;
    case 'values':
      return `${c.field} must be one of ${c.values!.join(', ')}`;
    case 'rows': {
      const { min = 0, max } = c.rows!;
      return min === max ? `exactly ${min} rows` : max === undefined ? `at least ${min} rows` : `between ${min} and ${max} rows`;
    }
    default:
      return `each ${c.each} must have one ${c.has_one}`;
  }
}

const EXAMPLES = 10;
const missing = (v: unknown) => v === null || v === undefined || v === '';
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A failure kept as an example: where and what. */
interface Example {
  file?: string;
  line?: number;
  field: string;
  value: unknown;
}

interface RowRule {
  index: number;
  check: Check;
  /** The field that fails, or undefined. */
  test(get: (field: string) => unknown): string | undefined;
  failures: number;
  examples: Example[];
}

function rowRule(check: Check, index: number): RowRule | undefined {
  const base = { index, check, failures: 0, examples: [] as Example[] };
  switch (checkKind(check)) {
    case 'not_null': {
      const fields = check.not_null!;
      return { ...base, test: (get) => fields.find((f) => missing(get(f))) };
    }
    case 'pattern': {
      const re = new RegExp(check.pattern!, 'u');
      const f = check.field!;
      return { ...base, test: (get) => (missing(get(f)) || re.test(String(get(f))) ? undefined : f) };
    }
    case 'values': {
      const allowed = new Set(check.values!.map(String));
      const f = check.field!;
      return { ...base, test: (get) => (missing(get(f)) || allowed.has(String(get(f))) ? undefined : f) };
    }
    default:
      return undefined;
  }
}

/** "each X has one Y": the first Y seen for each X, and the Xs seen with more than one. */
class Consistency {
  private readonly first = new Map<string, { value: string; where: Where }>();
  readonly conflicts = new Map<string, { values: Map<string, Where> }>();
  constructor(
    readonly index: number,
    readonly check: Check,
  ) {}
  add(get: (field: string) => unknown, where: Where): void {
    const x = get(this.check.each!);
    const y = get(this.check.has_one!);
    if (missing(x) || missing(y)) return;
    const key = text(x);
    const value = text(y);
    const seen = this.first.get(key);
    if (!seen) return void this.first.set(key, { value, where: { ...where } });
    if (seen.value === value) return;
    let conflict = this.conflicts.get(key);
    if (!conflict) this.conflicts.set(key, (conflict = { values: new Map([[seen.value, seen.where]]) }));
    if (!conflict.values.has(value)) conflict.values.set(value, { ...where });
  }
}

const at = (w: Where) => [w.file, w.line !== undefined && `line ${w.line}`].filter(Boolean).join(' ');

/** The checks of one table during one import. */
export class TableChecks {
  private readonly rows: RowRule[] = [];
  private readonly consistency: Consistency[] = [];
  private readonly counts: { index: number; check: Check }[] = [];

  constructor(
    private readonly table: string,
    private readonly tableIndex: number,
    checks: Check[],
  ) {
    checks.forEach((c, i) => {
      const rule = rowRule(c, i);
      if (rule) this.rows.push(rule);
      else if (c.rows) this.counts.push({ index: i, check: c });
      else if (c.each) this.consistency.push(new Consistency(i, c));
    });
  }

  private where(index: number): string {
    return `dataset.yaml tables[${this.tableIndex}].checks[${index}]`;
  }

  private because(c: Check): string {
    return c.why ? ` (${c.why})` : '';
  }

  /** Checks one row; an error-level failure stops the import naming file, line and field. */
  row(get: (field: string) => unknown, where: Where): void {
    for (const r of this.rows) {
      const field = r.test(get);
      if (field === undefined) continue;
      if (checkLevel(r.check) === 'error')
        throw new SourceError(`${field} ${JSON.stringify(get(field) ?? null)} fails the check "${describeCheck(r.check)}" of ${this.where(r.index)}${this.because(r.check)}`, where.file, where.line, field);
      r.failures++;
      if (r.examples.length < EXAMPLES) r.examples.push({ ...where, field, value: get(field) ?? null });
    }
    for (const c of this.consistency) c.add(get, where);
  }

  /** After the importer: row counts (real sources only) and consistency; warnings to record. */
  finish(count: number, realSource: boolean): CheckWarning[] {
    const warnings: CheckWarning[] = [];
    const report = (check: Check, index: number, code: string, message: string, details: unknown, first?: Where & { field?: string }) => {
      const full = `${this.table}: ${message}${this.because(check)}`;
      if (checkLevel(check) === 'error') throw new SourceError(`${full} (${this.where(index)})`, first?.file, first?.line, first?.field);
      warnings.push({ code, message: full, details: { table: this.table, check: this.where(index), ...((details as object) ?? {}) } });
    };
    for (const r of this.rows) {
      if (r.failures === 0) continue;
      const [e] = r.examples;
      report(r.check, r.index, `check_${checkKind(r.check)}`, `${r.failures} row(s) fail "${describeCheck(r.check)}", first ${e.field} ${JSON.stringify(e.value)} at ${at(e)}`, { rows: r.failures, examples: r.examples });
    }
    for (const { index, check } of realSource ? this.counts : []) {
      const { min = 0, max = Infinity } = check.rows!;
      if (count >= min && count <= max) continue;
      report(check, index, 'check_rows', `${count} rows, expected ${min === max ? min : `between ${min} and ${max === Infinity ? 'any number' : max}`}`, { rows: count, min, max });
    }
    for (const c of this.consistency) {
      if (c.conflicts.size === 0) continue;
      const examples = [...c.conflicts].slice(0, EXAMPLES).map(([x, { values }]) => ({
        [c.check.each!]: x,
        [c.check.has_one!]: [...values].map(([v, w]) => ({ value: v, ...w })),
      }));
      const [[x, { values }]] = c.conflicts;
      const listed = [...values].map(([v, w]) => `${v} (${at(w)})`).join(', ');
      const [, firstWhere] = [...values][1];
      report(c.check, c.index, 'check_each_has_one', `${c.conflicts.size} ${c.check.each} value(s) have more than one ${c.check.has_one}, e.g. ${x}: ${listed}`, { values: c.conflicts.size, examples }, {
        ...firstWhere,
        field: c.check.has_one,
      });
    }
    return warnings;
  }
}

/** A table writer that applies the table's checks to every row it writes. */
export function checkedWriter(writer: TableWriter, checks: TableChecks): TableWriter {
  let index: Map<string, number> | undefined;
  return {
    get columns() {
      return writer.columns;
    },
    get count() {
      return writer.count;
    },
    async write(record, where = {}) {
      await writer.write(record, where);
      checks.row((f) => record[f], where);
    },
    writeFields(buf, starts, ends, where = {}) {
      const pending = writer.writeFields(buf, starts, ends, where);
      index ??= new Map(writer.columns.map((c, i) => [c, i]));
      const cols = index;
      try {
        checks.row((f) => {
          const i = cols.get(f);
          if (i === undefined || starts[i] < 0 || ends[i] <= starts[i]) return null;
          return buf.toString('utf8', starts[i], ends[i]);
        }, where);
      } catch (err) {
        pending?.catch(() => undefined); // the check's error is the one reported
        throw err;
      }
      return pending;
    },
  };
}

/** Every checked table of one import. */
export class ImportChecks {
  private readonly tables = new Map<string, TableChecks>();

  /** `fixtureSources`: the sources read from a synthetic fixture (their row counts are not checked). */
  constructor(
    private readonly manifest: DatasetManifest,
    private readonly fixtureSources: Set<string>,
  ) {
    manifest.tables.forEach((t, i) => {
      if (t.checks?.length) this.tables.set(t.name, new TableChecks(t.name, i, t.checks));
    });
  }

  wrap(table: string, writer: TableWriter): TableWriter {
    const checks = this.tables.get(table);
    return checks ? checkedWriter(writer, checks) : writer;
  }

  /** Row counts and consistency of every checked table (an error-level failure throws). */
  finish(rowCounts: Record<string, number>): CheckWarning[] {
    return this.manifest.tables.flatMap((t) => {
      const checks = this.tables.get(t.name);
      if (!checks) return [];
      const real = t.source ? !this.fixtureSources.has(t.source) : this.fixtureSources.size === 0;
      return checks.finish(rowCounts[t.name] ?? 0, real);
    });
  }
}
