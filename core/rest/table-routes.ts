// The standard routes of a table: list (keyset pagination, filters, fields, sort, CSV) and
// one record by key. A plug-in gets them with one call: ds.serveTable('areas').
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatasetContext, ServeTableOptions } from '../contract.ts';
import { chooseFormat, sendCsv, type Format } from '../sdk/formats.ts';
import { listResponseSchema, metaProperties, responseRecordSchema } from '../sdk/meta.ts';
import { notFound } from '../sdk/problem.ts';
import { encodeCursor, nextLink, requestedLimit } from '../sdk/paging.ts';
import { applyFilters, applyKeyset, applyOrder, fieldsOf, parseListQuery, querySchema, type TableShape } from './query.ts';

export interface TableSettings {
  defaultLimit: number;
  maxLimit: number;
}

export function registerTableRoutes(
  app: FastifyInstance,
  ds: DatasetContext,
  table: string,
  options: ServeTableOptions,
  settings: TableSettings,
): void {
  const def = ds.manifest.tables.find((t) => t.name === table);
  const schema = ds.schemas[table];
  if (!def || !schema) throw new Error(`${ds.id}: serveTable("${table}") names no table declared in dataset.yaml`);
  const shape: TableShape = {
    fields: fieldsOf(schema),
    filterable: def.filterable ?? [],
    primaryKey: def.primary_key,
    defaultSort: def.default_sort ?? def.primary_key,
    heavy: def.heavy ?? [],
    ...settings,
  };
  const physical = ds.tableName(table);
  const path = `/${options.path ?? table}`;
  const record = responseRecordSchema(schema);
  const title = def.title ?? `${ds.manifest.title}: ${table}`;
  const tags = [ds.id];

  const list = async (request: FastifyRequest, reply: FastifyReply, suffix?: Format) => {
    const q = parseListQuery(request.query as Record<string, unknown>, shape);
    const edition = await ds.edition(request);
    if (ds.cacheFor(request, reply, edition)) return reply;
    const base = () => applyFilters(ds.db(physical).where('edition_id', edition.id), q.filters);
    const page = applyOrder(base().select(q.columns.length ? [...new Set([...q.columns, ...q.sort.map((s) => s.field)])] : []), q.sort);
    if (q.after) applyKeyset(page, q.sort, q.after);
    if (chooseFormat(request, suffix) === 'csv') {
      // A CSV without limit= is the whole filtered table, streamed (a database cursor, constant memory).
      const limit = requestedLimit(request);
      if (limit !== undefined) page.limit(limit);
      return sendCsv(reply, q.columns, page.stream() as AsyncIterable<Record<string, unknown>>, `${ds.id}-${table}`);
    }
    const [rows, [{ total }]] = await Promise.all([page.limit(q.limit + 1), base().count({ total: '*' })]);
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    const next = rows.length > q.limit ? nextLink(request, reply, encodeCursor(q.sort.map((s) => last[s.field] ?? null))) : null;
    const picked = items.map((r: Record<string, unknown>) => Object.fromEntries(q.columns.map((c) => [c, r[c]])));
    return { ...ds.describe(edition), total: Number(total), limit: q.limit, next, items: picked };
  };

  const listSchema = {
    summary: options.summary ?? `List ${title}`,
    tags,
    querystring: querySchema(shape),
    response: { 200: listResponseSchema(record, title) },
  };
  app.get(path, { schema: listSchema }, (req, reply) => list(req, reply));
  app.get(`${path}.csv`, { schema: { ...listSchema, summary: `${listSchema.summary} (CSV)`, response: {} } }, (req, reply) => list(req, reply, 'csv'));
  app.get(`${path}.json`, { schema: { ...listSchema, summary: `${listSchema.summary} (JSON)` } }, (req, reply) => list(req, reply, 'json'));

  if (options.byKey === false || def.primary_key.length !== 1) return;
  const key = def.primary_key[0];
  app.get(
    `${path}/:key`,
    {
      schema: {
        summary: `One record of ${title} by ${key}`,
        tags,
        params: { type: 'object', properties: { key: { type: 'string', maxLength: 200, description: key } }, required: ['key'] },
        querystring: { type: 'object', properties: { edition: { type: 'string' }, fields: { type: 'string' } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { ...metaProperties, item: record } } },
      },
    },
    async (request, reply) => {
      const { key: value } = request.params as { key: string };
      const q = parseListQuery({ fields: (request.query as { fields?: string }).fields }, shape);
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const keyField = shape.fields.find((f) => f.name === key)!;
      const typed = keyField.kind === 'integer' || keyField.kind === 'number' ? Number(value) : value;
      if (typeof typed === 'number' && (keyField.kind === 'integer' ? !Number.isSafeInteger(typed) : !Number.isFinite(typed)))
        throw notFound(`no ${table} record with ${key} "${value}" in ${ds.id}`);
      const row = await ds.db(physical).where({ edition_id: edition.id, [key]: typed }).first(q.columns);
      if (!row) throw notFound(`no ${table} record with ${key} "${value}" in ${ds.id} (edition ${edition.label})`);
      return { ...ds.describe(edition), item: row };
    },
  );
}
