// Deprivation by postcode for people: one postcode or a pasted list (up to 1,000), answered by the
// API's own POST /v1/deprivation/postcodes (JSON for the page, CSV for the download). Postcodes
// travel in the form body, never in a URL (which browsers keep in their history).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BULK } from '../../core/sdk/postcode-lists.ts';
import { apiFor, type Api, type ProblemBody } from './api.ts';
import { page } from './render.ts';

interface IndexEdition {
  index_edition: string;
  nation: string;
  title: string;
  is_default: boolean;
  small_areas_loaded: boolean;
}

/** A pasted list: one postcode per line (commas, semicolons and tabs also separate). */
export function pastedPostcodes(text: string): string[] {
  return text
    .split(/[\r\n,;\t]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The index editions by nation, for the choice on the form; a clear reason when unavailable. */
async function indexChoice(api: Api) {
  const answer = await api<{ items: IndexEdition[] } & ProblemBody>('/v1/deprivation/indices?limit=100');
  if (answer.status === 404) return { unavailable: 'The deprivation dataset is not registered in this catalogue.', nations: [] };
  if (answer.status !== 200) return { unavailable: answer.body.detail ?? 'The deprivation dataset is not available yet.', nations: [] };
  const nations = [...new Set(answer.body.items.map((i) => i.nation))].map((nation) => ({
    nation,
    editions: answer.body.items.filter((i) => i.nation === nation),
  }));
  return { unavailable: null, nations };
}

export async function deprivationPages(app: FastifyInstance) {
  const form = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) => {
    const choice = await indexChoice(apiFor(app, request));
    return page(request, reply, 'deprivation', 'Deprivation by postcode', { max: MAX_BULK, postcodes: '', chosen: [], results: null, problem: null, ...choice, ...extra }, { status, private: true });
  };

  app.get('/web/deprivation', { schema: { hide: true } }, (request, reply) => form(request, reply));

  app.post(
    '/web/deprivation',
    {
      schema: {
        hide: true,
        body: {
          type: 'object',
          properties: { postcodes: { type: 'string', maxLength: 64 * 1024 }, edition: { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 40 } }] }, action: { type: 'string', enum: ['show', 'csv'] } },
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { postcodes?: string; edition?: string | string[]; action?: string };
      const text = body.postcodes ?? '';
      const postcodes = pastedPostcodes(text);
      const chosen = asList(body.edition).filter(Boolean);
      const keep = { postcodes: text, chosen };
      if (postcodes.length === 0) return form(request, reply, { ...keep, problem: { title: 'No postcode', detail: 'Enter one postcode, or paste a list with one postcode per line.' } }, 400);
      if (postcodes.length > MAX_BULK)
        return form(request, reply, { ...keep, problem: { title: 'Too many postcodes', detail: `At most ${MAX_BULK} postcodes at once (this list has ${postcodes.length}). For a whole file use “Enrich a file”.` } }, 400);
      const query = chosen.length ? `?edition=${encodeURIComponent(chosen.join(','))}` : '';
      const api = apiFor(app, request);
      if (body.action === 'csv') {
        const csv = await api(`/v1/deprivation/postcodes${query}${query ? '&' : '?'}format=csv`, { method: 'POST', body: { postcodes }, accept: 'text/csv' });
        if (csv.status === 200)
          return reply.type('text/csv; charset=utf-8').header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="deprivation.csv"').send(csv.text);
        return form(request, reply, { ...keep, problem: csv.body }, csv.status === 404 ? 503 : csv.status);
      }
      const answer = await api<{ results: Record<string, unknown>[]; postcodes_edition: { label: string } } & ProblemBody>(`/v1/deprivation/postcodes${query}`, { method: 'POST', body: { postcodes } });
      if (answer.status !== 200) {
        const problem = answer.status === 404 ? { title: 'Not available', detail: 'The deprivation dataset is not registered in this catalogue.' } : answer.body;
        return form(request, reply, { ...keep, problem }, answer.status === 404 ? 503 : answer.status);
      }
      const results = answer.body.results;
      const caveats = [...new Set(results.map((r) => (r.deprivation as { caveat?: string } | null)?.caveat).filter(Boolean))];
      const counts = new Map<string, number>();
      for (const r of results) counts.set(r.status as string, (counts.get(r.status as string) ?? 0) + 1);
      const statuses = [...counts];
      return form(request, reply, { ...keep, results, caveats, statuses, answer: answer.body });
    },
  );
}
