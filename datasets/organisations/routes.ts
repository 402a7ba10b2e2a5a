// Routes of the organisations dataset (under /v1/organisations). Organisation and structure routes
// answer from an in-memory snapshot of the edition asked for (as_of=, edition= or current).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Problem, badRequest, chooseFormat, metaProperties, notFound, responseRecordSchema, sendCsv, type DatasetContext, type DatasetRoutes, type EditionInfo, type PostcodeServices } from '../../core/contract.ts';
import { nameKey } from './lists.ts';
import { ORG_FIELDS, limitedSchema, nest, organisationSchema, type Nested } from './shapes.ts';
import { Snapshots, type CachedBody, type Snapshot } from './snapshot.ts';
import type { OrganisationRecordsRecord } from './types.ts';

type Query = Record<string, string | number | undefined>;
type Org = OrganisationRecordsRecord;

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Answer as of this date (YYYY-MM-DD): the edition valid then' };
const EDITION = { type: 'string', description: 'Edition id or label; default: the current edition' };
const AS_OF_QUERY = { type: 'object', additionalProperties: false, properties: { as_of: DATE, edition: EDITION } };
const codes = (v: unknown) =>
  String(v)
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

/** Organisation filters: parameter → test on the flat record (comma-separated values allowed). */
const ORG_FILTERS: Record<string, { description: string; test: (o: Org, values: string[]) => boolean }> = {
  ods_code: { description: 'ODS code(s) of the organisation', test: (o, v) => v.includes(o.ods_code.toUpperCase()) },
  parent: { description: 'ODS code of the parent trust or health board', test: (o, v) => !!o.parent_code && v.includes(o.parent_code) },
  trust: { description: 'ODS code of the NHS trust', test: (o, v) => !!o.trust_code && v.includes(o.trust_code) },
  health_board: { description: 'ODS code of the local health board (7A1…)', test: (o, v) => !!o.health_board_code && v.includes(o.health_board_code) },
  icb: {
    description: 'ODS code of the ICB; also matches organisations whose trust serves several ICBs including this one (icb_candidates)',
    test: (o, v) => (!!o.icb_code && v.includes(o.icb_code)) || (o.icb_candidates ?? '').split(',').some((c) => v.includes(c)),
  },
  region: { description: 'NHS England region Y-code (Y56…)', test: (o, v) => !!o.region_code && v.includes(o.region_code) },
  country: { description: 'GSS country code (E92000001, W92000004, L93000001 …)', test: (o, v) => !!o.country_code && v.includes(o.country_code) },
  pdu: { description: 'NPDA paediatric diabetes unit code (PZ…)', test: (o, v) => !!o.pdu_code && v.includes(o.pdu_code) },
  diabetes_network: { description: 'Paediatric diabetes network code (PN…)', test: (o, v) => !!o.diabetes_network_code && v.includes(o.diabetes_network_code) },
  openuk_network: { description: 'OPEN UK network code', test: (o, v) => !!o.openuk_network_code && v.includes(o.openuk_network_code) },
  london_borough: { description: 'GSS code of the London borough (E09…)', test: (o, v) => !!o.london_borough_code && v.includes(o.london_borough_code) },
  local_authority: { description: 'GSS code of the local authority district', test: (o, v) => !!o.local_authority_code && v.includes(o.local_authority_code) },
};
const filterProps = Object.fromEntries(Object.entries(ORG_FILTERS).map(([k, f]) => [k, { type: 'string', description: f.description }]));
const searchProp = { q: { type: 'string', minLength: 1, maxLength: 200, description: 'Name search ignoring case, spaces and punctuation' } };

function filterOrgs(snap: Snapshot, q: Query, base?: (o: Org) => boolean): Org[] {
  const active = Object.keys(ORG_FILTERS)
    .filter((k) => q[k] !== undefined && q[k] !== '')
    .map((k) => [ORG_FILTERS[k].test, codes(q[k])] as const);
  const key = typeof q.q === 'string' ? nameKey(q.q) : '';
  if (typeof q.q === 'string' && key === '') throw badRequest('q must contain letters or digits', [{ name: 'q', reason: 'no letters or digits' }]);
  return snap.organisations.filter((o) => (!base || base(o)) && active.every(([test, v]) => test(o, v)) && (!key || o.name_key.includes(key)));
}

function nested(snap: Snapshot, o: Org): Nested {
  const k = `nest|${o.ods_code}`;
  let n = snap.memo.get(k) as Nested | undefined;
  if (!n) snap.memo.set(k, (n = nest(snap, o)));
  return n;
}

function pickFields(q: Query): string[] | null {
  if (typeof q.fields !== 'string') return null;
  const list = q.fields
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !ORG_FIELDS.includes(f));
  if (bad.length) throw badRequest('the query has invalid parameters', bad.map((f) => ({ name: 'fields', reason: `unknown field "${f}" (fields: ${ORG_FIELDS.join(', ')})` })));
  return list;
}
const project = (n: Nested, fields: string[] | null) => (fields ? Object.fromEntries(fields.map((f) => [f, n[f]])) : n);

const cursorOf = (code: string) => Buffer.from(code, 'utf8').toString('base64url');
function afterOf(cursor: unknown): string | null {
  if (typeof cursor !== 'string') return null;
  const v = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[A-Za-z0-9 ._-]{1,40}$/.test(v)) throw badRequest('cursor is not valid: use the next link as given', [{ name: 'cursor', reason: 'invalid cursor' }]);
  return v;
}

/** Keyset page of a list sorted by `key` (already sorted): items, total, next link. */
function page<T>(request: FastifyRequest, reply: FastifyReply, rows: T[], key: (r: T) => string, q: Query, defaultLimit = 100) {
  const limit = typeof q.limit === 'number' ? q.limit : defaultLimit;
  const after = afterOf(q.cursor);
  const start = after === null ? 0 : rows.findIndex((r) => key(r) > after);
  const slice = start < 0 ? [] : rows.slice(start, start + limit);
  let next: string | null = null;
  if (start >= 0 && start + limit < rows.length) {
    const url = new URL(request.url, 'http://x');
    url.searchParams.set('cursor', cursorOf(key(slice[slice.length - 1])));
    next = url.pathname + url.search;
    reply.header('link', `<${next}>; rel="next"`);
  }
  return { total: rows.length, limit, next, items: slice };
}

const listQuery = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Page size (at most 1000)' },
    cursor: { type: 'string', description: 'Opaque cursor from the next link' },
    as_of: DATE,
    edition: EDITION,
    format: { type: 'string', enum: ['json', 'csv'], description: 'Response format (or the .csv suffix / Accept: text/csv)' },
    ...extra,
  },
});
const listOf = (items: unknown, description: string) => ({
  type: 'object',
  description,
  properties: {
    ...metaProperties,
    valid_from: { type: ['string', 'null'], description: 'Date from which the edition answered describes the lists' },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    next: { type: ['string', 'null'] },
    items: { type: 'array', items },
  },
});
const codeParams = { type: 'object', additionalProperties: false, properties: { code: { type: 'string', minLength: 1, maxLength: 20 } }, required: ['code'] };
const wantsCsv = (request: FastifyRequest, suffix?: boolean) => chooseFormat(request, suffix ? 'csv' : undefined) === 'csv';

const MAX_BODIES = 512;
// A content coding listed in Accept-Encoding and not refused with q=0.
const ACCEPTS_BR = /(^|[\s,])br(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i;
const ACCEPTS_GZIP = /(^|[\s,])gzip(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i;

/**
 * Sends an answer of an immutable edition serialised once: the same URL on the same edition gets
 * the same bytes (gzip-compressed once too, for clients that accept it). Only for answers whose
 * objects carry exactly the members of their response schema.
 */
async function answer(request: FastifyRequest, reply: FastifyReply, snap: Snapshot, build: () => Promise<object> | object): Promise<FastifyReply> {
  let entry: CachedBody | undefined = snap.bodies.get(request.url);
  if (!entry) {
    const body = await build();
    const link = reply.getHeader('link');
    entry = { json: JSON.stringify(body), ...(typeof link === 'string' ? { link } : {}) };
    snap.bodies.set(request.url, entry);
    while (snap.bodies.size > MAX_BODIES) snap.bodies.delete(snap.bodies.keys().next().value!);
  }
  if (entry.link) reply.header('link', entry.link);
  reply.type('application/json; charset=utf-8');
  if (entry.json.length > 2048) {
    // Compressed once per answer, on first demand: brotli (quality 9) when accepted, else gzip.
    reply.header('vary', 'Accept, Accept-Encoding');
    const ae = String(request.headers['accept-encoding'] ?? '');
    if (ACCEPTS_BR.test(ae)) {
      entry.br ??= brotliCompressSync(entry.json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
      return reply.header('content-encoding', 'br').send(entry.br);
    }
    if (ACCEPTS_GZIP.test(ae)) {
      entry.gzip ??= gzipSync(entry.json);
      return reply.header('content-encoding', 'gzip').send(entry.gzip);
    }
  }
  return reply.send(entry.json);
}

/** A code no longer in the edition: 404 saying what succeeded it, when known. */
function gone(snap: Snapshot, entity: string, code: string, label: string): Problem {
  const h = snap.history.get(`${entity}|${code}`);
  if (!h || h.status === 'active') return notFound(`no ${label} with code "${code}" in ${snap.edition.label} (valid from ${snap.validFrom})`);
  const chain = successorChain(snap, entity, code);
  return new Problem(404, 'Not found', `${label} ${code} (${h.name}) is no longer listed: ${h.status} on ${h.valid_to}${h.succeeded_by ? `, succeeded by ${h.succeeded_by}` : ''}`, {
    code,
    code_status: h.status, // not `status`: in a problem that is the HTTP status
    valid_to: h.valid_to,
    succession_type: h.succession_type,
    succeeded_by: h.succeeded_by,
    current_successor: chain.at(-1)?.status === 'active' ? chain.at(-1)!.code : null,
  });
}

function successorChain(snap: Snapshot, entity: string, code: string) {
  const chain = [];
  const seen = new Set<string>();
  let c: string | null = code;
  while (c && !seen.has(c)) {
    seen.add(c);
    const h = snap.history.get(`${entity}|${c}`);
    if (!h) break;
    chain.push({ code: h.code, name: h.name, status: h.status, valid_from: h.valid_from, valid_to: h.valid_to ?? null, succession_type: h.succession_type ?? null, succeeded_by: h.succeeded_by ?? null });
    c = h.succeeded_by ?? null;
  }
  return chain;
}

interface Structure {
  path: string;
  entity: string;
  label: string;
  map: keyof Snapshot;
  key: string;
  match: (o: Org, code: string) => boolean;
  related?: (snap: Snapshot, code: string) => Record<string, unknown>;
}

const STRUCTURES: Structure[] = [
  {
    path: 'trusts',
    entity: 'trust',
    label: 'NHS trust',
    map: 'trusts',
    key: 'ods_code',
    match: (o, c) => o.trust_code === c,
    related: (snap, c) => ({
      icbs: [...new Set(snap.icb_mappings.filter((m) => m.trust_code === c).map((m) => m.icb_code))].sort().map((i) => snap.icbs.get(i)),
      openuk_network: snap.openuk_networks.get(snap.trusts.get(c)?.openuk_network_code ?? '') ?? null,
      pdus: snap.pdu_members.filter((m) => m.ods_code === c).map((m) => snap.pdus.get(m.npda_code)),
    }),
  },
  {
    path: 'health_boards',
    entity: 'health_board',
    label: 'local health board',
    map: 'health_boards',
    key: 'ods_code',
    match: (o, c) => o.health_board_code === c,
    related: (snap, c) => ({ openuk_network: snap.openuk_networks.get(snap.health_boards.get(c)?.openuk_network_code ?? '') ?? null }),
  },
  {
    path: 'icbs',
    entity: 'icb',
    label: 'integrated care board',
    map: 'icbs',
    key: 'ods_code',
    match: (o, c) => o.icb_code === c || (o.icb_candidates ?? '').split(',').includes(c),
    related: (snap, c) => {
      const rows = snap.icb_mappings.filter((m) => m.icb_code === c);
      return {
        region: snap.regions.get(snap.icbs.get(c)?.region_code ?? '') ?? null,
        trusts: [...new Set(rows.map((m) => m.trust_code).filter((t): t is string => !!t))].sort().map((t) => ({ ods_code: t, name: snap.trusts.get(t)?.name ?? null })),
        local_authorities: [...new Map(rows.map((m) => [m.la_ods_code, { la_ods_code: m.la_ods_code ?? null, name: m.local_authority_name ?? null, sub_icb_code: m.sub_icb_code ?? null }])).values()],
      };
    },
  },
  {
    path: 'regions',
    entity: 'region',
    label: 'NHS England region',
    map: 'regions',
    key: 'code',
    match: (o, c) => o.region_code === c,
    related: (snap, c) => ({ icbs: [...snap.icbs.values()].filter((i) => i.region_code === c) }),
  },
  { path: 'countries', entity: 'country', label: 'country', map: 'countries', key: 'code', match: (o, c) => o.country_code === c },
  {
    path: 'pdus',
    entity: 'pdu',
    label: 'paediatric diabetes unit',
    map: 'pdus',
    key: 'npda_code',
    match: (o, c) => o.pdu_code === c,
    related: (snap, c) => ({
      network: snap.diabetes_networks.get(snap.pdus.get(c)?.network_code ?? '') ?? null,
      members: snap.pdu_members.filter((m) => m.npda_code === c),
    }),
  },
  {
    path: 'diabetes_networks',
    entity: 'diabetes_network',
    label: 'paediatric diabetes network',
    map: 'diabetes_networks',
    key: 'code',
    match: (o, c) => o.diabetes_network_code === c,
    related: (snap, c) => ({ pdus: [...snap.pdus.values()].filter((p) => p.network_code === c) }),
  },
  {
    path: 'openuk_networks',
    entity: 'openuk_network',
    label: 'OPEN UK network',
    map: 'openuk_networks',
    key: 'code',
    match: (o, c) => o.openuk_network_code === c,
    related: (snap, c) => ({
      trusts: [...snap.trusts.values()].filter((t) => t.openuk_network_code === c).map((t) => ({ ods_code: t.ods_code, name: t.name })),
      health_boards: [...snap.health_boards.values()].filter((b) => b.openuk_network_code === c).map((b) => ({ ods_code: b.ods_code, name: b.name })),
    }),
  },
  { path: 'london_boroughs', entity: 'london_borough', label: 'London borough', map: 'london_boroughs', key: 'gss_code', match: (o, c) => o.london_borough_code === c },
];

const routes: DatasetRoutes = (app, ds) => {
  const snaps = new Snapshots(ds);
  const tags = [ds.id];
  const open = async (request: FastifyRequest, reply: FastifyReply): Promise<{ snap: Snapshot; edition: EditionInfo } | null> => {
    const edition = await snaps.edition(request);
    if (ds.cacheFor(request, reply, edition)) return null;
    return { snap: await snaps.get(edition), edition };
  };
  const meta = (snap: Snapshot) => ({ ...ds.describe(snap.edition), valid_from: snap.validFrom });

  // Organisations: list (nested), CSV (flat), limited, one, its networks, its history.
  const orgList = (base?: (snap: Snapshot, request: FastifyRequest) => (o: Org) => boolean) => async (request: FastifyRequest, reply: FastifyReply, csv = false) => {
    const q = request.query as Query;
    const fields = pickFields(q);
    const o = await open(request, reply);
    if (!o) return reply;
    const filter = base?.(o.snap, request);
    if (wantsCsv(request, csv)) {
      const rows = filterOrgs(o.snap, q, filter);
      const columns = Object.keys((ds.schemas.organisation_records as { properties: object }).properties);
      return sendCsv(reply, columns, (typeof q.limit === 'number' ? rows.slice(0, q.limit) : rows) as unknown as Record<string, unknown>[], `${ds.id}-organisations`);
    }
    return answer(request, reply, o.snap, () => {
      const p = page(request, reply, filterOrgs(o.snap, q, filter), (r) => r.ods_code, q);
      return { ...meta(o.snap), ...p, items: p.items.map((r) => project(nested(o.snap, r), fields)) };
    });
  };
  const orgListSchema = (summary: string, params?: unknown) => ({
    summary,
    tags,
    ...(params ? { params } : {}),
    querystring: listQuery({ ...filterProps, ...searchProp, fields: { type: 'string', description: `Top-level members to return (${ORG_FIELDS.join(', ')})` } }),
    response: { 200: listOf(organisationSchema, 'Organisations with everything they belong to') },
  });
  const list = orgList();
  app.get('/organisations', { schema: orgListSchema('Organisations where children are cared for, nested with their trust/board, ICB, region, country, PDU and networks') }, (req, rep) => list(req, rep));
  app.get('/organisations.csv', { schema: { ...orgListSchema('Organisations (flat CSV)'), response: {} } }, (req, rep) => list(req, rep, true));

  app.get(
    '/organisations/limited',
    {
      schema: {
        summary: 'Organisations as code and name only, sorted by name (for drop-downs); same filters as /organisations',
        tags,
        querystring: { type: 'object', additionalProperties: false, properties: { as_of: DATE, edition: EDITION, ...filterProps, ...searchProp } },
        response: { 200: { type: 'object', properties: { ...metaProperties, valid_from: { type: ['string', 'null'] }, total: { type: 'integer' }, items: { type: 'array', items: limitedSchema } } } },
      },
    },
    async (request, reply) => {
      const o = await open(request, reply);
      if (!o) return reply;
      return answer(request, reply, o.snap, () => {
        const items = filterOrgs(o.snap, request.query as Query)
          .map((r) => ({ ods_code: r.ods_code, name: r.name }))
          .sort((a, b) => a.name.localeCompare(b.name) || a.ods_code.localeCompare(b.ods_code));
        return { ...meta(o.snap), total: items.length, items };
      });
    },
  );

  const oneOrg = async (request: FastifyRequest, reply: FastifyReply) => {
    const code = (request.params as { code: string }).code.toUpperCase();
    const o = await open(request, reply);
    if (!o) return null;
    const org = o.snap.orgs.get(code);
    if (!org) throw gone(o.snap, 'organisation', code, 'organisation');
    return { ...o, org };
  };
  app.get(
    '/organisations/:code',
    {
      schema: {
        summary: 'One organisation by ODS code, with everything it belongs to (a former code answers 404 naming its successor)',
        tags,
        params: codeParams,
        querystring: { type: 'object', additionalProperties: false, properties: { as_of: DATE, edition: EDITION, fields: { type: 'string', description: `Top-level members (${ORG_FIELDS.join(', ')})` } } },
        response: { 200: { type: 'object', properties: { ...metaProperties, valid_from: { type: ['string', 'null'] }, item: organisationSchema } } },
      },
    },
    async (request, reply) => {
      const fields = pickFields(request.query as Query);
      const r = await oneOrg(request, reply);
      if (!r) return reply;
      return answer(request, reply, r.snap, () => ({ ...meta(r.snap), item: project(nested(r.snap, r.org), fields) }));
    },
  );

  app.get(
    '/organisations/:code/networks',
    {
      schema: {
        summary: 'Which paediatric diabetes unit (with its network and member codes) and which OPEN UK network serve an organisation',
        tags,
        params: codeParams,
        querystring: AS_OF_QUERY,
        response: {
          200: {
            type: 'object',
            properties: {
              ...metaProperties,
              valid_from: { type: ['string', 'null'] },
              ods_code: { type: 'string' },
              pdu: {
                type: ['object', 'null'],
                properties: {
                  npda_code: { type: 'string' },
                  attribution: { type: ['string', 'null'] },
                  network: { type: ['object', 'null'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
                  members: { type: 'array', items: { type: 'object', properties: { ods_code: { type: 'string' }, member_type: { type: 'string' } } } },
                },
              },
              openuk_network: { type: ['object', 'null'], properties: { code: { type: 'string' }, name: { type: 'string' }, country: { type: 'string' } } },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const r = await oneOrg(request, reply);
      if (!r) return reply;
      const n = nested(r.snap, r.org) as { pdu: Record<string, unknown> | null; openuk_network: unknown };
      const pdu = n.pdu ? { ...n.pdu, members: r.snap.pdu_members.filter((m) => m.npda_code === n.pdu!.npda_code) } : null;
      return { ...meta(r.snap), ods_code: r.org.ods_code, pdu, openuk_network: n.openuk_network };
    },
  );

  const recordSchema = responseRecordSchema(ds.schemas.organisation_records);
  app.get(
    '/organisations/:code/history',
    {
      schema: {
        summary: 'An organisation over time: its versions in every kept edition (valid from, valid to) and its code history',
        tags,
        params: codeParams,
        response: {
          200: {
            type: 'object',
            properties: {
              dataset: { type: 'string' },
              ods_code: { type: 'string' },
              code_history: { type: ['object', 'null'], additionalProperties: true },
              successors: { type: 'array', items: { type: 'object', additionalProperties: true } },
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { valid_from: { type: 'string' }, valid_to: { type: ['string', 'null'] }, edition_ids: { type: 'array', items: { type: 'integer' } }, record: recordSchema },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const code = (request.params as { code: string }).code.toUpperCase();
      const current = await ds.edition(request);
      if (ds.cacheFor(request, reply, current)) return reply;
      const snap = await snaps.get(current);
      const editions = await ds
        .db(`${ds.tableName('edition_info')} as i`)
        .join('catalogue.editions as e', 'e.id', 'i.edition_id')
        .where({ 'e.dataset_id': ds.id, 'e.retired': false })
        .where('i.edition_id', '<=', current.id)
        .orderBy([{ column: 'i.valid_from' }, { column: 'i.edition_id' }])
        .select('i.edition_id', 'i.valid_from');
      const rows = await ds.db(ds.tableName('organisation_records')).where({ ods_code: code }).whereIn('edition_id', editions.map((e) => e.edition_id));
      const byEdition = new Map(rows.map(({ edition_id, ...r }) => [edition_id as number, r]));
      const versions: { valid_from: string; valid_to: string | null; edition_ids: number[]; record: Record<string, unknown> }[] = [];
      let last: string | null = null;
      for (const e of editions) {
        const r = byEdition.get(e.edition_id);
        const prev = versions.at(-1);
        if (!r) {
          if (prev && prev.valid_to === null) prev.valid_to = e.valid_from;
          last = null;
          continue;
        }
        const json = JSON.stringify(r);
        if (prev && prev.valid_to === null && json === last) prev.edition_ids.push(e.edition_id);
        else {
          if (prev && prev.valid_to === null) prev.valid_to = e.valid_from;
          versions.push({ valid_from: e.valid_from, valid_to: null, edition_ids: [e.edition_id], record: r });
        }
        last = json;
      }
      const h = snap.history.get(`organisation|${code}`) ?? null;
      if (!h && versions.length === 0) throw notFound(`no organisation with code "${code}" has ever been listed in the kept editions`);
      return { dataset: ds.id, ods_code: code, code_history: h, successors: successorChain(snap, 'organisation', code).slice(1), versions };
    },
  );

  app.get(
    '/successions/:code',
    {
      schema: {
        summary: 'What succeeded a code (organisation, trust, board, ICB, region, PDU or network): the chain of successions to the code in use now',
        tags,
        params: codeParams,
        querystring: AS_OF_QUERY,
        response: { 200: { type: 'object', properties: { ...metaProperties, valid_from: { type: ['string', 'null'] }, code: { type: 'string' }, matches: { type: 'array', items: { type: 'object', additionalProperties: true } } } } },
      },
    },
    async (request, reply) => {
      const code = (request.params as { code: string }).code.toUpperCase();
      const o = await open(request, reply);
      if (!o) return reply;
      const entities = [...new Set([...o.snap.history.values()].filter((h) => h.code === code).map((h) => h.entity))];
      if (!entities.length) throw notFound(`the code "${code}" has never been listed in ${ds.id}`);
      const matches = entities.map((entity) => {
        const chain = successorChain(o.snap, entity, code);
        const end = chain.at(-1)!;
        return { entity, chain, current: end.status === 'active' ? end.code : null };
      });
      return { ...meta(o.snap), code, matches };
    },
  );

  // Structures: list, one by code (with what it contains), and its organisations.
  for (const s of STRUCTURES) {
    const record = responseRecordSchema(ds.schemas[s.path]);
    const all = (snap: Snapshot) => [...(snap[s.map] as Map<string, Record<string, unknown>>).values()];
    const structList = async (request: FastifyRequest, reply: FastifyReply, csv = false) => {
      const q = request.query as Query;
      const o = await open(request, reply);
      if (!o) return reply;
      const rows = all(o.snap);
      if (wantsCsv(request, csv)) return sendCsv(reply, Object.keys(record.properties as object), rows, `${ds.id}-${s.path}`);
      return answer(request, reply, o.snap, () => ({ ...meta(o.snap), ...page(request, reply, rows, (r) => String(r[s.key]), q) }));
    };
    const listSchema = { summary: `List ${s.label}s`, tags, querystring: listQuery(), response: { 200: listOf(record, `${s.label}s`) } };
    app.get(`/${s.path}`, { schema: listSchema }, (req, rep) => structList(req, rep));
    app.get(`/${s.path}.csv`, { schema: { ...listSchema, summary: `List ${s.label}s (CSV)`, response: {} } }, (req, rep) => structList(req, rep, true));

    const one = async (request: FastifyRequest, reply: FastifyReply) => {
      const code = (request.params as { code: string }).code.toUpperCase();
      const o = await open(request, reply);
      if (!o) return null;
      const map = o.snap[s.map] as Map<string, Record<string, unknown>>;
      const item = map.get(code) ?? (s.path === 'regions' ? [...map.values()].find((r) => r.gss_code === code) : undefined);
      if (!item) throw gone(o.snap, s.entity, code, s.label);
      return { ...o, code: String(item[s.key]), item };
    };
    app.get(
      `/${s.path}/:code`,
      {
        schema: {
          summary: `One ${s.label} by code, with what it contains`,
          tags,
          params: codeParams,
          querystring: AS_OF_QUERY,
          response: {
            200: {
              type: 'object',
              properties: {
                ...metaProperties,
                valid_from: { type: ['string', 'null'] },
                item: record,
                organisations_count: { type: 'integer' },
                related: { type: 'object', additionalProperties: true },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const r = await one(request, reply);
        if (!r) return reply;
        const count = r.snap.organisations.filter((o) => s.match(o, r.code)).length;
        return { ...meta(r.snap), item: r.item, organisations_count: count, related: s.related?.(r.snap, r.code) ?? {} };
      },
    );
    const orgsOf = orgList((snap, request) => {
      const code = (request.params as { code: string }).code.toUpperCase();
      const map = snap[s.map] as Map<string, Record<string, unknown>>;
      const item = map.get(code) ?? (s.path === 'regions' ? [...map.values()].find((r) => r.gss_code === code) : undefined);
      if (!item) throw gone(snap, s.entity, code, s.label);
      const key = String(item[s.key]);
      return (o) => s.match(o, key);
    });
    app.get(`/${s.path}/:code/organisations`, { schema: orgListSchema(`Organisations of a ${s.label}`, codeParams) }, (req, rep) => orgsOf(req, rep));
  }

  // Nearest organisations to a point or a postcode.
  app.get(
    '/nearest',
    {
      schema: {
        summary: 'Nearest organisations to a latitude/longitude or a postcode (postcode directory), with distances in km; optionally within a PDU, network or other structure',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lat: { type: 'number', minimum: -90, maximum: 90, description: 'WGS84 latitude' },
            long: { type: 'number', minimum: -180, maximum: 180, description: 'WGS84 longitude' },
            postcode: { type: 'string', minLength: 1, maxLength: 16, description: 'UK postcode (looked up in the postcodes dataset)' },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 5 },
            max_km: { type: 'number', exclusiveMinimum: 0, description: 'Only organisations within this distance' },
            fields: { type: 'string', description: `Top-level members of each organisation (${ORG_FIELDS.join(', ')})` },
            as_of: DATE,
            edition: EDITION,
            ...filterProps,
            ...searchProp,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              ...metaProperties,
              valid_from: { type: ['string', 'null'] },
              origin: {
                type: 'object',
                properties: { lat: { type: 'number' }, long: { type: 'number' }, postcode: { type: ['string', 'null'] }, postcode_status: { type: ['string', 'null'] } },
              },
              items: { type: 'array', items: { type: 'object', properties: { distance_km: { type: 'number' }, organisation: organisationSchema } } },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as Query;
      const fields = pickFields(q);
      const hasPoint = q.lat !== undefined || q.long !== undefined;
      if (hasPoint && q.postcode !== undefined) throw badRequest('give either lat and long, or postcode', [{ name: 'postcode', reason: 'conflicts with lat/long' }]);
      if (!hasPoint && q.postcode === undefined) throw badRequest('give lat and long, or postcode', [{ name: 'lat', reason: 'required without postcode' }]);
      if (hasPoint && (q.lat === undefined || q.long === undefined))
        throw badRequest('lat and long go together', [{ name: q.lat === undefined ? 'lat' : 'long', reason: 'required with the other' }]);
      let origin: { lat: number; long: number; postcode: string | null; postcode_status: string | null };
      if (q.postcode !== undefined) {
        const pc = ds.service<PostcodeServices>('postcodes');
        if (pc.normalise(String(q.postcode)) === null) throw badRequest('postcode is not a valid UK postcode', [{ name: 'postcode', reason: 'invalid postcode' }]);
        const [found] = await pc.lookup([String(q.postcode)]);
        if (found.status === 'invalid') throw badRequest('postcode is not a valid UK postcode', [{ name: 'postcode', reason: 'invalid postcode' }]);
        if (found.status === 'not_found' || !found.record) throw notFound(`postcode ${found.postcode} is not in the postcode directory`);
        if (found.record.lat === null || found.record.long === null)
          throw new Problem(422, 'Unprocessable postcode', `postcode ${found.postcode} has no coordinates in the postcode directory`, { postcode_status: found.status });
        origin = { lat: found.record.lat, long: found.record.long, postcode: found.postcode, postcode_status: found.status };
      } else origin = { lat: Number(q.lat), long: Number(q.long), postcode: null, postcode_status: null };
      const o = await open(request, reply);
      if (!o) return reply;
      const limit = typeof q.limit === 'number' ? q.limit : 5;
      const maxKm = typeof q.max_km === 'number' ? q.max_km : Infinity;
      const items = filterOrgs(o.snap, q)
        .filter((r) => r.latitude != null && r.longitude != null)
        .map((r) => ({ r, d: haversineKm(origin.lat, origin.long, r.latitude!, r.longitude!) }))
        .filter((x) => x.d <= maxKm)
        .sort((a, b) => a.d - b.d || a.r.ods_code.localeCompare(b.r.ods_code))
        .slice(0, limit)
        .map((x) => ({ distance_km: Math.round(x.d * 1000) / 1000, organisation: project(nested(o.snap, x.r), fields) }));
      return { ...meta(o.snap), origin, items };
    },
  );

  // Editions with their validity and what changed, and the stored tables.
  app.get(
    '/editions',
    {
      schema: {
        summary: 'Kept editions with the date each took effect, the edition it was compared with, and counts of what changed (details at /changes?edition=)',
        tags,
        response: {
          200: {
            type: 'object',
            properties: {
              dataset: { type: 'string' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    edition_id: { type: 'integer' },
                    label: { type: 'string' },
                    valid_from: { type: 'string' },
                    previous_edition_id: { type: ['integer', 'null'] },
                    imported_at: { type: 'string' },
                    changes: { type: 'object', additionalProperties: { type: 'integer' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    async () => {
      const rows = await ds
        .db(`${ds.tableName('edition_info')} as i`)
        .join('catalogue.editions as e', 'e.id', 'i.edition_id')
        .where({ 'e.dataset_id': ds.id, 'e.retired': false })
        .orderBy([{ column: 'i.valid_from' }, { column: 'i.edition_id' }])
        .select('i.edition_id', 'e.label', 'i.valid_from', 'i.previous_edition_id', 'e.imported_at');
      const counts: { edition_id: number; change: string; n: string }[] = await ds.db(ds.tableName('changes')).whereIn('edition_id', rows.map((r) => r.edition_id)).groupBy('edition_id', 'change').select('edition_id', 'change').count({ n: '*' }) as never;
      return {
        dataset: ds.id,
        items: rows.map((r) => ({
          ...r,
          imported_at: new Date(r.imported_at).toISOString(),
          changes: Object.fromEntries(counts.filter((c) => c.edition_id === r.edition_id).map((c) => [c.change, Number(c.n)])),
        })),
      };
    },
  );

  const changeRecord = responseRecordSchema(ds.schemas.changes);
  app.get(
    '/changes/since',
    {
      schema: {
        summary: 'Every change in the editions that took effect after a date, oldest first (for audit software following changes)',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['date'],
          properties: {
            date: { ...DATE, description: 'Changes of editions valid from after this date (YYYY-MM-DD)' },
            entity: { type: 'string', enum: ['organisation', 'trust', 'health_board', 'icb', 'region', 'pdu', 'diabetes_network', 'openuk_network'] },
            code: { type: 'string', maxLength: 20 },
            change: { type: 'string', enum: ['added', 'removed', 'renamed', 're-parented', 'changed', 'succeeded'] },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              dataset: { type: 'string' },
              since: { type: 'string' },
              editions: { type: 'array', items: { type: 'object', properties: { edition_id: { type: 'integer' }, valid_from: { type: 'string' } } } },
              items: {
                type: 'array',
                items: { ...changeRecord, properties: { edition_id: { type: 'integer' }, valid_from: { type: 'string' }, ...(changeRecord.properties as object) } },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { date: string; entity?: string; code?: string; change?: string };
      if (Number.isNaN(Date.parse(q.date))) throw badRequest(`date "${q.date}" is not a date`, [{ name: 'date', reason: 'must be a valid date YYYY-MM-DD' }]);
      const current = await ds.edition(request);
      if (ds.cacheFor(request, reply, current)) return reply;
      const editions: { edition_id: number; valid_from: string }[] = await ds
        .db(`${ds.tableName('edition_info')} as i`)
        .join('catalogue.editions as e', 'e.id', 'i.edition_id')
        .where({ 'e.dataset_id': ds.id, 'e.retired': false })
        .where('i.valid_from', '>', q.date)
        .where('i.edition_id', '<=', current.id)
        .whereNotNull('i.previous_edition_id')
        .orderBy([{ column: 'i.valid_from' }, { column: 'i.edition_id' }])
        .select('i.edition_id', 'i.valid_from');
      const qb = ds
        .db(`${ds.tableName('changes')} as c`)
        .join(`${ds.tableName('edition_info')} as i`, 'i.edition_id', 'c.edition_id')
        .whereIn(
          'c.edition_id',
          editions.map((e) => e.edition_id),
        )
        .orderBy([{ column: 'i.valid_from' }, { column: 'c.edition_id' }, { column: 'c.seq' }])
        .select('c.*', 'i.valid_from');
      if (q.entity) qb.where('c.entity', q.entity);
      if (q.code) qb.where('c.code', q.code.toUpperCase());
      if (q.change) qb.where('c.change', q.change);
      return { dataset: ds.id, since: q.date, editions, items: await qb };
    },
  );

  ds.serveTable('changes', { summary: 'What changed in this edition since the previous one (added, removed, renamed, re-parented, changed, succeeded)' });
  ds.serveTable('code_history', { summary: 'Every code ever listed, with valid_from/valid_to, status and successor', byKey: false });
  ds.serveTable('organisation_records', { summary: 'Organisations as flat records (filters on every code; CSV)' });
  ds.serveTable('pdu_members', { summary: 'ODS codes assigned to paediatric diabetes units, with what each code is', byKey: false });
  ds.serveTable('icb_mappings', { summary: 'The curated ICB / sub-ICB / local authority / trust mapping' });
  ds.serveTable('edition_info', { summary: 'When this edition took effect', byKey: false });
};

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type { DatasetContext };
export default routes;
