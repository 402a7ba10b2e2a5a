// Home (every dataset, grouped, searchable), one page per dataset and a record browser per table,
// all built from what /catalogue, /catalogue/{id} and the standard table routes answer: no page
// names a dataset, so a new plug-in appears here with no page written for it.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../core/platform.ts';
import { apiFor, type ProblemBody } from './api.ts';
import { prefersHtml } from './negotiate.ts';
import { page, problemPage } from './render.ts';
import { guideExists } from './guide.ts';
import { fieldDocs, recordBrowser, servedTables, type CatalogueEntry } from './records.ts';

/** The families the home page shows first, in this order; any other group follows, then the ungrouped. */
const GROUP_ORDER = ['deprivation', 'organisations', 'geography', 'environment'];

interface Summary {
  id: string;
  title: string;
  description: string;
  group: string | null;
  publisher: { name: string; url?: string };
  licence: { id: string; title: string; url?: string };
  keywords: string[];
  status: { state: string; percent?: number; reason?: string };
  current_edition: { label: string; row_counts: Record<string, number> } | null;
}

const words = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean);
const matches = (d: Summary, terms: string[]) => {
  const text = [d.title, d.description, ...(d.keywords ?? [])].join(' ').toLowerCase();
  return terms.every((t) => text.includes(t));
};
const rowsOf = (d: Summary) => (d.current_edition ? Object.values(d.current_edition.row_counts ?? {}).reduce((a, b) => a + b, 0) : null);

export function groupDatasets(datasets: Summary[]) {
  const names = [...new Set(datasets.map((d) => d.group ?? ''))].sort((a, b) => {
    const rank = (g: string) => (g === '' ? 1e6 : GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : 1000);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  return names.map((g) => ({
    id: g || 'other',
    title: g ? g[0].toUpperCase() + g.slice(1) : 'Other datasets',
    datasets: datasets.filter((d) => (d.group ?? '') === g).map((d) => ({ ...d, rows: rowsOf(d) })),
  }));
}

export async function cataloguePages(app: FastifyInstance, platform: Platform) {
  const hide = { hide: true };
  const idParam = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}$' };

  app.get('/', { schema: { ...hide, querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 } } } } }, async (request, reply) => {
    reply.header('vary', 'Accept');
    if (!prefersHtml(request.headers.accept)) return reply.redirect('/catalogue');
    const api = apiFor(app, request);
    const { body } = await api<{ title: string; description: string; publisher: string; datasets: Summary[] }>('/catalogue');
    const q = ((request.query as { q?: string }).q ?? '').trim();
    const found = q ? body.datasets.filter((d) => matches(d, words(q))) : body.datasets;
    return page(request, reply, 'home', body.title, {
      catalogue: body,
      q,
      groups: groupDatasets(found),
      total: body.datasets.length,
      found: found.length,
      guide: guideExists(platform),
    });
  });

  app.get('/web/datasets/:id', { schema: { ...hide, params: { type: 'object', properties: { id: idParam }, required: ['id'] } } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const api = apiFor(app, request);
    const entry = await api<CatalogueEntry & ProblemBody>(`/catalogue/${id}`);
    if (entry.status !== 200) return problemPage(request, reply, entry.status, entry.body);
    const [imports, examples] = await Promise.all([
      api<{ imports: Record<string, unknown>[] }>(`/catalogue/${id}/imports`),
      exampleRequests(api, entry.body),
    ]);
    const d = entry.body;
    const checksums = new Map(((d.current_edition?.sources ?? []) as { source: string; file: string; sha256?: string; bytes?: number }[]).map((s) => [s.file, s]));
    return page(request, reply, 'dataset', d.title, {
      d,
      tables: servedTables(d),
      sources: d.sources.map((s) => ({ ...s, files: (s.files ?? []).map((f) => ({ name: f, ...checksums.get(f) })) })),
      imports: imports.body.imports ?? [],
      examples,
      fieldsOf: fieldDocs,
    }, { scripts: ['/web/static/copy.js'] });
  });

  app.get(
    '/web/datasets/:id/tables/:table',
    { schema: { ...hide, params: { type: 'object', properties: { id: idParam, table: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } }, required: ['id', 'table'] } } },
    async (request, reply) => recordBrowser(app, request, reply),
  );
}

/** Live answers of each served table's first records: the requests a reader can copy. */
async function exampleRequests(api: ReturnType<typeof apiFor>, d: CatalogueEntry) {
  return Promise.all(
    servedTables(d).map(async (t) => {
      const url = `/v1/${d.id}/${t.name}?limit=2`;
      const answer = await api(url);
      const text = JSON.stringify(answer.body, null, 2);
      return { url, status: answer.status, text: text.length > 4000 ? `${text.slice(0, 4000)}\n…` : text };
    }),
  );
}
