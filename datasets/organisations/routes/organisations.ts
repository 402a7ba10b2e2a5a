// Organisations: the nested list (and its flat CSV), the drop-down list, one by code, its networks;
// and the list of a structure's organisations, which the structures' routes register with this.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { responseRecordSchema, type OrganisationRecord } from '../../../core/contract.ts';
import { limitedSchema, organisationSchema, refSchemas } from '../shapes.ts';
import type { Snapshot } from '../snapshot.ts';
import { filterOrgs, filterProps, fieldsProp, pickFields, project, type Query } from './filters.ts';
import { AS_OF_QUERY, codeParams, gone, listOf, listQuery, sendList, snapshotAnswer, type Kit } from './kit.ts';

type Base = (snap: Snapshot, request: FastifyRequest) => readonly OrganisationRecord[];

/** A list of organisations (all, or those `base` gives): nested JSON pages, or flat CSV. */
export function organisationList(kit: Kit, base?: Base) {
  const { ds } = kit;
  const columns = Object.keys((ds.schemas.organisation_records as { properties: object }).properties);
  return async (request: FastifyRequest, reply: FastifyReply, suffix?: 'csv') => {
    const q = request.query as Query;
    const fields = pickFields(q);
    const snap = await kit.open(request, reply);
    if (!snap) return reply;
    return sendList(
      kit,
      request,
      reply,
      snap,
      {
        rows: () => filterOrgs(snap, q, base?.(snap, request)),
        key: (r) => r.ods_code,
        csv: { columns, filename: `${ds.id}-organisations` },
        items: (page) => page.map((r) => project(snap.nested(r.ods_code)!, fields)),
      },
      suffix,
    );
  };
}

export const organisationListSchema = (kit: Kit, summary: string, params?: unknown) => ({
  summary,
  tags: kit.tags,
  ...(params ? { params } : {}),
  querystring: listQuery({ ...filterProps, ...fieldsProp }),
  response: { 200: listOf(organisationSchema, 'Organisations with everything they belong to') },
});

export function organisationRoutes(app: FastifyInstance, kit: Kit): void {
  const { tags } = kit;
  const list = organisationList(kit);
  const listSchema = organisationListSchema(kit, 'Organisations where children are cared for, nested with their trust/board, ICB, region, country, PDU and networks');
  app.get('/organisations', { schema: listSchema }, (req, rep) => list(req, rep));
  app.get('/organisations.csv', { schema: { ...listSchema, summary: 'Organisations (flat CSV; without limit= every organisation)', response: {} } }, (req, rep) => list(req, rep, 'csv'));

  app.get(
    '/organisations/limited',
    {
      schema: {
        summary: 'Organisations as code and name only, sorted by name (for drop-downs); same filters as /organisations',
        tags,
        querystring: { type: 'object', additionalProperties: false, properties: { ...AS_OF_QUERY.properties, ...filterProps } },
        response: { 200: snapshotAnswer({ total: { type: 'integer' }, items: { type: 'array', items: limitedSchema } }) },
      },
    },
    async (request, reply) => {
      const snap = await kit.open(request, reply);
      if (!snap) return reply;
      return kit.answers.send(request, reply, snap.edition.id, () => {
        const items = filterOrgs(snap, request.query as Query)
          .map((r) => ({ ods_code: r.ods_code, name: r.name }))
          .sort((a, b) => a.name.localeCompare(b.name) || a.ods_code.localeCompare(b.ods_code));
        return { ...kit.meta(snap), total: items.length, items };
      });
    },
  );

  const one = async (request: FastifyRequest, reply: FastifyReply) => {
    const code = (request.params as { code: string }).code.toUpperCase();
    const snap = await kit.open(request, reply);
    if (!snap) return null;
    const org = snap.organisation(code);
    if (!org) throw gone(snap, 'organisation', code, 'organisation');
    return { snap, org };
  };
  app.get(
    '/organisations/:code',
    {
      schema: {
        summary: 'One organisation by ODS code, with everything it belongs to (a former code answers 404 naming its successor)',
        tags,
        params: codeParams,
        querystring: { type: 'object', additionalProperties: false, properties: { ...AS_OF_QUERY.properties, ...fieldsProp } },
        response: { 200: snapshotAnswer({ item: organisationSchema }) },
      },
    },
    async (request, reply) => {
      const fields = pickFields(request.query as Query);
      const r = await one(request, reply);
      if (!r) return reply;
      return kit.answers.send(request, reply, r.snap.edition.id, () => ({ ...kit.meta(r.snap), item: project(r.snap.nested(r.org.ods_code)!, fields) }));
    },
  );

  const memberSchema = responseRecordSchema(kit.ds.schemas.pdu_members);
  app.get(
    '/organisations/:code/networks',
    {
      schema: {
        summary: 'Which paediatric diabetes unit (with its network and member codes) and which OPEN UK network serve an organisation',
        tags,
        params: codeParams,
        querystring: AS_OF_QUERY,
        response: {
          200: snapshotAnswer({
            ods_code: { type: 'string' },
            pdu: {
              type: ['object', 'null'],
              additionalProperties: false,
              properties: { ...organisationSchema.properties.pdu.properties, members: { type: 'array', items: memberSchema } },
            },
            openuk_network: refSchemas.openuk_network,
          }),
        },
      },
    },
    async (request, reply) => {
      const r = await one(request, reply);
      if (!r) return reply;
      const n = r.snap.nested(r.org.ods_code)!;
      return { ...kit.meta(r.snap), ods_code: r.org.ods_code, pdu: n.pdu && { ...n.pdu, members: r.snap.pdu(n.pdu.npda_code)!.members }, openuk_network: n.openuk_network };
    },
  );
}
