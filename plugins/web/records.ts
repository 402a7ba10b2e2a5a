// The record browser of one table: the standard list route of the table (the same filters,
// sort, cursor pagination as the API; the page's own query string is the API's), shown as a
// sortable table with a filter form built from the fields the manifest marks filterable.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fieldsOf, type FieldInfo } from '../../core/rest/query.ts';
import { apiFor, queryString, type ProblemBody } from './api.ts';
import { page, problemPage } from './render.ts';

export interface TableEntry {
  name: string;
  title?: string;
  primary_key: string[];
  filterable?: string[];
  default_sort?: string[];
  heavy?: string[];
  schema?: Record<string, unknown>;
}

/** What GET /catalogue/{id} answers, as far as the pages read it. */
export interface CatalogueEntry {
  id: string;
  title: string;
  description: string;
  endpoints: string[];
  tables: TableEntry[];
  sources: { name: string; title?: string; url?: string; files?: string[]; format?: string }[];
  current_edition: { label: string; sources?: unknown[]; row_counts?: Record<string, number> } | null;
  [key: string]: unknown;
}

/** Tables served by the standard routes (their list URL is among the dataset's endpoints). */
export function servedTables(d: CatalogueEntry): TableEntry[] {
  const paths = new Set(d.endpoints.map((e) => new URL(e, 'http://x').pathname));
  return d.tables.filter((t) => paths.has(`/v1/${d.id}/${t.name}`) && paths.has(`/v1/${d.id}/${t.name}.csv`));
}

export interface FieldDoc extends FieldInfo {
  description: string;
  type: string;
  filterable: boolean;
}

export function fieldDocs(t: TableEntry): FieldDoc[] {
  const props = (t.schema?.properties ?? {}) as Record<string, { description?: string; type?: string | string[]; format?: string }>;
  return fieldsOf(t.schema ?? {}).map((f) => {
    const p = props[f.name] ?? {};
    const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : ['object'];
    return { ...f, description: p.description ?? '', type: types.join(' or ') + (p.format ? ` (${p.format})` : ''), filterable: (t.filterable ?? []).includes(f.name) };
  });
}

/** Inputs of the filter form: per filterable field, the operators a person uses most. */
function filterInputs(fields: FieldDoc[], query: Record<string, string>) {
  const input = (name: string, label: string, kind: string) => ({ name, label, kind, value: query[name] ?? '' });
  return fields
    .filter((f) => f.filterable)
    .map((f) => ({
      field: f.name,
      description: f.description,
      inputs:
        f.kind === 'boolean'
          ? [input(f.name, 'is', 'boolean')]
          : f.kind === 'string'
            ? [input(f.name, 'equals', 'text'), input(`${f.name}__contains`, 'contains', 'text')]
            : [input(`${f.name}__gte`, 'at least', 'number'), input(`${f.name}__lte`, 'at most', 'number')],
    }));
}

const BROWSE_LIMIT = 25;

/** The page's query as the API takes it (empty form fields mean "any"); the API refuses what it does not know. */
function apiQuery(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  return out;
}

export async function recordBrowser(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const { id, table } = request.params as { id: string; table: string };
  const api = apiFor(app, request);
  const entry = await api<CatalogueEntry & ProblemBody>(`/catalogue/${id}`);
  if (entry.status !== 200) return problemPage(request, reply, entry.status, entry.body);
  const d = entry.body;
  const t = servedTables(d).find((x) => x.name === table);
  if (!t) return problemPage(request, reply, 404, { title: 'Not found', detail: `${d.title} serves no table "${table}"` });
  const query = apiQuery(request.query as Record<string, unknown>);
  query.limit ??= String(BROWSE_LIMIT);
  const answer = await api<{ total: number; limit: number; next: string | null; items: Record<string, unknown>[] } & ProblemBody>(`/v1/${id}/${table}${queryString(query)}`);
  if (answer.status >= 500) return problemPage(request, reply, answer.status, answer.body);
  const fields = fieldDocs(t);
  const items = answer.status === 200 ? answer.body.items : [];
  const columns = items.length ? Object.keys(items[0]) : fields.filter((f) => !(t.heavy ?? []).includes(f.name)).map((f) => f.name);
  const { cursor: _cursor, ...filters } = query;
  const here = (changes: Record<string, string | undefined>) => `/web/datasets/${id}/tables/${table}${queryString({ ...filters, ...changes })}`;
  const sort = query.sort ?? (t.default_sort ?? t.primary_key).join(',');
  const sortable = new Set(fields.filter((f) => f.kind !== 'object').map((f) => f.name));
  const headers = columns.map((c) => {
    const current = sort.split(',')[0];
    const state = current === c ? 'ascending' : current === `-${c}` ? 'descending' : null;
    return { name: c, state, href: sortable.has(c) ? here({ sort: state === 'ascending' ? `-${c}` : c, cursor: undefined }) : null };
  });
  const nextCursor = answer.status === 200 && answer.body.next ? new URL(answer.body.next, 'http://x').searchParams.get('cursor') : null;
  const { limit: _limit, ...downloadQuery } = filters;
  return page(request, reply, 'table', `${t.title ?? t.name} — ${d.title}`, {
    d,
    t,
    fields,
    filters: filterInputs(fields, query),
    query,
    problem: answer.status === 200 ? null : answer.body,
    total: answer.status === 200 ? answer.body.total : null,
    items,
    headers,
    limit: Number(query.limit),
    next: nextCursor ? here({ cursor: nextCursor }) : null,
    first: query.cursor ? here({ cursor: undefined }) : null,
    downloads: { csv: `/v1/${id}/${table}.csv${queryString(downloadQuery)}`, json: `/v1/${id}/${table}${queryString(filters)}` },
  }, { status: answer.status === 200 ? 200 : answer.status });
}
