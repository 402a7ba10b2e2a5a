// The organisations where children are cared for, for people: a filtered list, the nearest to a
// postcode, a page per organisation (everything it belongs to, its history) and per structure
// (PDU, network, trust, ICB, region…) listing its members. Every figure is what the organisations
// API answers (/v1/organisations/…); without that dataset the pages say so.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiFor, queryString, type Api, type ProblemBody } from './api.ts';
import { page, problemPage } from './render.ts';

const API = '/v1/organisations';

/** The structures an organisation belongs to: API path, the organisation filter naming one, and a title. */
export const STRUCTURES = [
  { path: 'regions', filter: 'region', title: 'NHS England region' },
  { path: 'icbs', filter: 'icb', title: 'Integrated care board' },
  { path: 'trusts', filter: 'trust', title: 'NHS trust' },
  { path: 'health_boards', filter: 'health_board', title: 'Local health board (Wales)' },
  { path: 'pdus', filter: 'pdu', title: 'Paediatric diabetes unit' },
  { path: 'diabetes_networks', filter: 'diabetes_network', title: 'Paediatric diabetes network' },
  { path: 'openuk_networks', filter: 'openuk_network', title: 'OPEN UK epilepsy network' },
  { path: 'countries', filter: 'country', title: 'Country' },
  { path: 'london_boroughs', filter: 'london_borough', title: 'London borough' },
] as const;
const FILTERS = STRUCTURES.filter((s) => s.path !== 'countries' && s.path !== 'london_boroughs');

type Item = Record<string, unknown>;
/** A structure's code, whatever the list calls it. */
export const codeOf = (i: Item) => String(i.code ?? i.ods_code ?? i.npda_code ?? i.gss_code ?? '');
export const nameOf = (i: Item) => String(i.name ?? codeOf(i));

/** A 404 for the route itself (not for a code) means the dataset is not registered here. */
const notRegistered = (status: number, body: ProblemBody) => status === 404 && (body.detail ?? '').startsWith('no route');
const unavailable = (status: number, body: ProblemBody): ProblemBody =>
  notRegistered(status, body) ? { title: 'Not available', detail: 'The organisations dataset is not registered in this catalogue.' } : body;

async function choices(api: Api) {
  return Promise.all(
    FILTERS.map(async (s) => {
      const answer = await api<{ items: Item[] }>(`${API}/${s.path}?limit=1000`);
      const items = answer.status === 200 ? answer.body.items : [];
      return { ...s, options: items.map((i) => ({ code: codeOf(i), label: s.path === 'pdus' ? `${codeOf(i)} (${i.network_name ?? ''})` : `${nameOf(i)} (${codeOf(i)})` })).sort((a, b) => a.label.localeCompare(b.label)) };
    }),
  );
}

export async function organisationPages(app: FastifyInstance) {
  const hide = { hide: true };
  const listQuery = {
    type: 'object',
    properties: { q: { type: 'string', maxLength: 200 }, cursor: { type: 'string', maxLength: 200 }, ...Object.fromEntries(FILTERS.map((s) => [s.filter, { type: 'string', maxLength: 100 }])) },
  };

  const listPage = async (request: FastifyRequest, reply: FastifyReply, nearest: Record<string, unknown> | null = null, status = 200) => {
    const api = apiFor(app, request);
    const q = request.query as Record<string, string>;
    const filters = Object.fromEntries(['q', ...FILTERS.map((s) => s.filter)].map((k) => [k, q[k] ?? '']));
    const [answer, selects] = await Promise.all([
      api<{ total: number; next: string | null; items: Item[] } & ProblemBody>(`${API}/organisations${queryString({ ...filters, cursor: q.cursor, limit: 50, fields: 'ods_code,name,city,postcode,trust,health_board,icb,region,pdu,openuk_network' })}`),
      choices(api),
    ]);
    if (notRegistered(answer.status, answer.body) || answer.status >= 500) return problemPage(request, reply, answer.status === 404 ? 503 : answer.status, unavailable(answer.status, answer.body));
    const cursor = answer.status === 200 && answer.body.next ? new URL(answer.body.next, 'http://x').searchParams.get('cursor') : null;
    return page(request, reply, 'organisations', 'Organisations where children are cared for', {
      filters,
      selects,
      problem: answer.status === 200 ? null : answer.body,
      total: answer.status === 200 ? answer.body.total : 0,
      items: answer.status === 200 ? answer.body.items : [],
      next: cursor ? `/web/organisations${queryString({ ...filters, cursor })}` : null,
      first: q.cursor ? `/web/organisations${queryString(filters)}` : null,
      csv: `${API}/organisations.csv${queryString(filters)}`,
      nearest,
    }, { status, private: nearest !== null });
  };

  app.get('/web/organisations', { schema: { ...hide, querystring: listQuery } }, (request, reply) => listPage(request, reply));

  // The postcode travels in the form body (never in the page's URL); the API is asked for it directly.
  app.post('/web/organisations/nearest', { schema: { ...hide, body: { type: 'object', properties: { postcode: { type: 'string', maxLength: 32 } } } } }, async (request, reply) => {
    const postcode = ((request.body as { postcode?: string }).postcode ?? '').trim();
    if (!postcode) return listPage(request, reply, { postcode, problem: { title: 'No postcode', detail: 'Enter a postcode.' } }, 400);
    const answer = await apiFor(app, request)<{ items: { distance_km: number; organisation: Item }[]; origin: Item } & ProblemBody>(`${API}/nearest?postcode=${encodeURIComponent(postcode)}&limit=10`);
    if (answer.status !== 200) return listPage(request, reply, { postcode, problem: unavailable(answer.status, answer.body) }, notRegistered(answer.status, answer.body) ? 503 : answer.status);
    return listPage(request, reply, { postcode, items: answer.body.items, origin: answer.body.origin });
  });

  app.get('/web/organisations/:code', { schema: { ...hide, params: { type: 'object', properties: { code: { type: 'string', maxLength: 40 } }, required: ['code'] } } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const api = apiFor(app, request);
    const c = encodeURIComponent(code);
    const [org, networks, history] = await Promise.all([api<{ item: Item } & ProblemBody>(`${API}/organisations/${c}`), api<Item>(`${API}/organisations/${c}/networks`), api<Item>(`${API}/organisations/${c}/history`)]);
    if (org.status !== 200) return problemPage(request, reply, org.status, unavailable(org.status, org.body));
    const o = org.body.item;
    return page(request, reply, 'organisation', String(o.name), { o, networks: networks.status === 200 ? networks.body : null, history: history.status === 200 ? history.body : null, meta: org.body });
  });

  app.get(
    '/web/organisations/:structure/:code',
    { schema: { ...hide, params: { type: 'object', properties: { structure: { type: 'string', enum: STRUCTURES.map((s) => s.path) }, code: { type: 'string', maxLength: 40 } }, required: ['structure', 'code'] } } },
    async (request, reply) => {
      const { structure, code } = request.params as { structure: string; code: string };
      const s = STRUCTURES.find((x) => x.path === structure)!;
      const api = apiFor(app, request);
      const c = encodeURIComponent(code);
      const [one, members] = await Promise.all([
        api<{ item: Item; related?: Item } & ProblemBody>(`${API}/${s.path}/${c}`),
        api<{ items: Item[]; total: number }>(`${API}/${s.path}/${c}/organisations?limit=1000&fields=ods_code,name,city,postcode,trust,health_board,icb,region,pdu,openuk_network`),
      ]);
      if (one.status !== 200) return problemPage(request, reply, one.status, unavailable(one.status, one.body));
      const item = one.body.item;
      return page(request, reply, 'structure', `${nameOf(item)} (${s.title})`, { s, item, name: nameOf(item), code: codeOf(item), related: one.body.related ?? null, members: members.status === 200 ? members.body.items : [], total: members.status === 200 ? members.body.total : 0 });
    },
  );
}
