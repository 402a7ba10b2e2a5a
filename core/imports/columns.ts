// The column map of a declarative table (dataset.yaml `tables[].columns`): for each field of the
// record schema, the source column it comes from and how its text becomes a value. Numbers,
// integers and booleans are read by the field's type in the schema, so that nothing is declared
// twice; the record is then validated against that schema by the table writer, like any other.
import { SourceError, type SourceRow } from '../contract.ts';
import type { Column, DatasetManifest } from '../types.ts';
import { normaliseHeader } from './csv.ts';

type TableDef = DatasetManifest['tables'][number];
type Kind = 'text' | 'number' | 'boolean';

/** A column map entry in its long form ({column}, for an entry written as a bare header name). */
export const columnSpec = (spec: string | Column): Column => (typeof spec === 'string' ? { column: spec } : spec);

// Digits with optional thousands separators (1,234), decimals (29199.00) and an exponent.
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

/** A number as publishers write them ("1,234", "29199.00", "-0.5"), or undefined for anything else. */
export function parseNumber(text: string): number | undefined {
  if (!/\d/.test(text) || !NUMBER.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

const TRUE = new Set(['true', 'yes', 'y', 't', '1']);
const FALSE = new Set(['false', 'no', 'n', 'f', '0']);

/** How a schema property's text is read: a string property keeps the text. */
function kindOf(property: unknown): Kind {
  const type = (property as { type?: unknown } | undefined)?.type;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('string')) return 'text';
  if (types.includes('number') || types.includes('integer')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  return 'text';
}

type Reader = (row: SourceRow) => unknown;

function reader(field: string, spec: Column, kind: Kind): Reader {
  if (spec.column === undefined) {
    const fixed = spec.value ?? null;
    return () => fixed;
  }
  const header = normaliseHeader(spec.column);
  const trim = spec.trim !== false;
  const nulls = new Set((spec.nulls ?? ['']).map((n) => n.trim().toLowerCase()));
  const recase = spec.case === 'upper' ? (s: string) => s.toUpperCase() : spec.case === 'lower' ? (s: string) => s.toLowerCase() : undefined;
  const fail = (row: SourceRow, raw: string, what: string) => {
    throw new SourceError(`${JSON.stringify(raw)} is not ${what} (column "${spec.column}")`, row.file, row.line, field);
  };
  return (row) => {
    const raw = row.values[header] ?? '';
    if (nulls.has(raw.trim().toLowerCase())) return null;
    let text = trim ? raw.trim() : raw;
    if (recase) text = recase(text);
    if (kind === 'number') return parseNumber(text) ?? fail(row, raw, 'a number');
    if (kind === 'boolean') {
      const t = text.toLowerCase();
      return TRUE.has(t) ? true : FALSE.has(t) ? false : fail(row, raw, 'true or false');
    }
    return text;
  };
}

export interface ColumnMap {
  /** The normalised source headers the map reads (an import fails at once when one is missing). */
  headers: string[];
  /** One record from one source row; a value that cannot be read stops the import naming file, line and field. */
  record(row: SourceRow): Record<string, unknown>;
}

/** Compiles a table's column map against its record schema. */
export function compileColumnMap(def: TableDef, schema: Record<string, unknown>): ColumnMap {
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  const entries = Object.entries(def.columns ?? {}).map(([field, s]) => {
    const spec = columnSpec(s);
    return { field, spec, read: reader(field, spec, kindOf(props[field])) };
  });
  const headers = [...new Set(entries.flatMap((e) => (e.spec.column === undefined ? [] : [normaliseHeader(e.spec.column)])))];
  return {
    headers,
    record(row) {
      const out: Record<string, unknown> = {};
      for (const e of entries) out[e.field] = e.read(row);
      return out;
    },
  };
}
