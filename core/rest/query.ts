// The one query grammar of every table: filters (field, field__op), fields=, sort=, limit, cursor.
import type { Knex } from 'knex';
import { badRequest, type InvalidParam } from '../sdk/problem.ts';
import { decodeCursor, type CursorKind } from '../sdk/paging.ts';

export const OPERATORS = ['gt', 'gte', 'lt', 'lte', 'in', 'contains', 'isnull'] as const;
type Operator = (typeof OPERATORS)[number] | 'eq';

export interface FieldInfo {
  name: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'object';
}

export interface TableShape {
  fields: FieldInfo[];
  filterable: string[];
  primaryKey: string[];
  defaultSort: string[];
  heavy: string[];
  defaultLimit: number;
  maxLimit: number;
}

export interface ListQuery {
  filters: { field: FieldInfo; op: Operator; value: unknown }[];
  sort: { field: string; desc: boolean }[];
  columns: string[];
  limit: number;
  after?: unknown[];
}

export function fieldsOf(schema: Record<string, unknown>): FieldInfo[] {
  const props = (schema.properties ?? {}) as Record<string, { type?: string | string[] }>;
  return Object.entries(props).map(([name, p]) => {
    const types = Array.isArray(p.type) ? p.type : [p.type ?? 'object'];
    const kind = (types.find((t) => t !== 'null') ?? 'object') as string;
    return { name, kind: (['string', 'number', 'integer', 'boolean'].includes(kind) ? kind : 'object') as FieldInfo['kind'] };
  });
}

/** Bounds of filter values: a substring search or a list longer than these is refused (400), not run. */
export const MAX_VALUE_LENGTH = 200;
export const MAX_IN_VALUES = 200;

const scalarSchema = (f: FieldInfo) => (f.kind === 'object' || f.kind === 'string' ? { type: 'string', maxLength: MAX_VALUE_LENGTH } : { type: f.kind });

/** Querystring JSON Schema: documents every parameter and makes unknown ones a 400. */
export function querySchema(shape: TableShape): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    limit: { type: 'integer', minimum: 1, maximum: shape.maxLimit, default: shape.defaultLimit, description: `Page size (at most ${shape.maxLimit}).` },
    cursor: { type: 'string', description: 'Opaque cursor from the `next` link of the previous page.' },
    fields: { type: 'string', description: `Comma-separated fields to return (${shape.fields.map((f) => f.name).join(', ')}).` },
    sort: { type: 'string', description: 'Comma-separated fields; prefix with - for descending.' },
    edition: { type: 'string', description: 'Edition id or label; default: the current edition.' },
    format: { type: 'string', enum: ['json', 'csv'], description: 'Response format (or use the .csv suffix / Accept: text/csv).' },
  };
  for (const name of shape.filterable) {
    const f = shape.fields.find((x) => x.name === name)!;
    properties[name] = { ...scalarSchema(f), description: `Equal to (filter on ${name}).` };
    if (f.kind !== 'boolean') {
      for (const op of ['gt', 'gte', 'lt', 'lte'] as const) properties[`${name}__${op}`] = scalarSchema(f);
      properties[`${name}__in`] = { type: 'string', maxLength: MAX_IN_VALUES * (MAX_VALUE_LENGTH + 1), description: `Comma-separated values (at most ${MAX_IN_VALUES}).` };
    }
    if (f.kind === 'string') properties[`${name}__contains`] = { type: 'string', minLength: 1, maxLength: MAX_VALUE_LENGTH, description: `Case-insensitive substring (at most ${MAX_VALUE_LENGTH} characters).` };
    properties[`${name}__isnull`] = { type: 'boolean' };
  }
  return { type: 'object', properties, additionalProperties: false };
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function convert(f: FieldInfo, raw: unknown, name: string, invalid: InvalidParam[]): unknown {
  if (f.kind !== 'number' && f.kind !== 'integer') return String(raw);
  const n = typeof raw === 'string' && raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isSafeInteger(n))) invalid.push({ name, reason: f.kind === 'integer' && Number.isInteger(n) ? 'is out of range' : `must be a ${f.kind}` });
  return n;
}

export function parseListQuery(q: Record<string, unknown>, shape: TableShape): ListQuery {
  const invalid: InvalidParam[] = [];
  const byName = new Map(shape.fields.map((f) => [f.name, f]));
  const filters: ListQuery['filters'] = [];
  for (const [key, raw] of Object.entries(q)) {
    if (['limit', 'cursor', 'fields', 'sort', 'edition', 'format'].includes(key)) continue;
    const [name, op = 'eq'] = key.split('__') as [string, Operator | undefined];
    const f = byName.get(name);
    if (!f || !shape.filterable.includes(name) || !(op === 'eq' || (OPERATORS as readonly string[]).includes(op))) {
      invalid.push({ name: key, reason: `unknown filter (filterable: ${shape.filterable.join(', ') || 'none'}; operators: ${OPERATORS.join(', ')})` });
      continue;
    }
    const values = op === 'in' ? list(String(raw)) : [];
    if (values.length > MAX_IN_VALUES) invalid.push({ name: key, reason: `at most ${MAX_IN_VALUES} values` });
    const value = op === 'in' ? values.map((v) => convert(f, v, key, invalid)) : op === 'isnull' ? raw === true || raw === 'true' : convert(f, raw, key, invalid);
    filters.push({ field: f, op: op as Operator, value });
  }
  const sortable = shape.fields.filter((f) => f.kind !== 'object').map((f) => f.name);
  const sort = list(typeof q.sort === 'string' ? q.sort : shape.defaultSort.join(',')).map((s) => ({ field: s.replace(/^-/, ''), desc: s.startsWith('-') }));
  for (const s of sort) if (!sortable.includes(s.field)) invalid.push({ name: 'sort', reason: `cannot sort by "${s.field}" (sortable: ${sortable.join(', ')})` });
  for (const pk of shape.primaryKey) if (!sort.some((s) => s.field === pk)) sort.push({ field: pk, desc: false });
  let columns = shape.fields.filter((f) => !shape.heavy.includes(f.name)).map((f) => f.name);
  if (typeof q.fields === 'string') {
    columns = list(q.fields);
    for (const c of columns) if (!byName.has(c)) invalid.push({ name: 'fields', reason: `unknown field "${c}"` });
  }
  if (invalid.length > 0) throw badRequest('the query has invalid parameters', invalid);
  const limit = typeof q.limit === 'number' ? q.limit : shape.defaultLimit;
  const kinds = sort.map((s) => byName.get(s.field)!.kind as CursorKind);
  const after = typeof q.cursor === 'string' ? decodeCursor(q.cursor, kinds) : undefined;
  return { filters, sort, columns, limit, after };
}

export function applyFilters(qb: Knex.QueryBuilder, filters: ListQuery['filters']): Knex.QueryBuilder {
  for (const { field, op, value } of filters) {
    const col = field.name;
    if (op === 'eq') qb.where(col, value as never);
    else if (op === 'in') qb.whereIn(col, value as never[]);
    else if (op === 'contains') qb.whereRaw(`?? ILIKE ?`, [col, `%${String(value).replace(/[\\%_]/g, (c) => '\\' + c)}%`]);
    else if (op === 'isnull') value ? qb.whereNull(col) : qb.whereNotNull(col);
    else qb.where(col, { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op], value as never);
  }
  return qb;
}

/** Keyset condition "after this row" for a sort with mixed directions and NULLS LAST. */
export function applyKeyset(qb: Knex.QueryBuilder, sort: ListQuery['sort'], after: unknown[]): Knex.QueryBuilder {
  return qb.where((outer) => {
    sort.forEach((s, i) => {
      outer.orWhere((inner) => {
        for (let j = 0; j < i; j++) inner.whereRaw('?? IS NOT DISTINCT FROM ?', [sort[j].field, after[j] as never]);
        const v = after[i];
        if (v === null || v === undefined) inner.whereRaw('false');
        else inner.where((w) => w.where(s.field, s.desc ? '<' : '>', v as never).orWhereNull(s.field));
      });
    });
  });
}

export function applyOrder(qb: Knex.QueryBuilder, sort: ListQuery['sort']): Knex.QueryBuilder {
  for (const s of sort) qb.orderByRaw(`?? ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`, [s.field]);
  return qb;
}
