// The structures organisations belong to (trusts, health boards, ICBs, regions, countries, PDUs,
// diabetes and OPEN UK networks, London boroughs): each a list (and its CSV), one by code with what
// it contains, and its organisations.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { responseRecordSchema, type OrganisationStructure } from '../../../core/contract.ts';
import type { Snapshot } from '../snapshot.ts';
import { STRUCTURE_KINDS } from '../structure-kinds.ts';
import { AS_OF_QUERY, codeParams, gone, listOf, listQuery, sendList, snapshotAnswer, type Kit } from './kit.ts';
import { organisationList, organisationListSchema } from './organisations.ts';

type Schemas = Record<string, Record<string, unknown>>;
type Related = { schema: (records: Schemas) => Record<string, unknown>; of: (snap: Snapshot, code: string) => Record<string, unknown> };

const s = { type: 'string' } as const;
const ns = { type: ['string', 'null'] } as const;
const object = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, properties });
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: ['object', 'null'] });
const arrayOf = (items: unknown) => ({ type: 'array', items });
const codeAndName = object({ ods_code: s, name: ns });
const sorted = (codes: Iterable<string | null | undefined>) => [...new Set([...codes].filter((c): c is string => !!c))].sort();

/** What one structure contains beyond its organisations, by kind. */
const RELATED: Partial<Record<OrganisationStructure, Related>> = {
  trust: {
    schema: (r) => object({ icbs: arrayOf(r.icbs), openuk_network: nullable(r.openuk_networks), pdus: arrayOf(r.pdus) }),
    of: (snap, c) => ({
      icbs: sorted(snap.icb_mappings.filter((m) => m.trust_code === c).map((m) => m.icb_code)).map((i) => snap.structure('icb', i)).filter((i) => i !== null),
      openuk_network: snap.structure('openuk_network', snap.structure('trust', c)?.openuk_network_code ?? ''),
      pdus: snap.pdu_members.filter((m) => m.ods_code === c).map((m) => snap.structure('pdu', m.npda_code)).filter((p) => p !== null),
    }),
  },
  health_board: {
    schema: (r) => object({ openuk_network: nullable(r.openuk_networks) }),
    of: (snap, c) => ({ openuk_network: snap.structure('openuk_network', snap.structure('health_board', c)?.openuk_network_code ?? '') }),
  },
  icb: {
    schema: (r) => object({ region: nullable(r.regions), trusts: arrayOf(codeAndName), local_authorities: arrayOf(object({ la_ods_code: ns, name: ns, sub_icb_code: ns })) }),
    of: (snap, c) => {
      const rows = snap.icb_mappings.filter((m) => m.icb_code === c);
      return {
        region: snap.structure('region', snap.structure('icb', c)?.region_code ?? ''),
        trusts: sorted(rows.map((m) => m.trust_code)).map((t) => ({ ods_code: t, name: snap.structure('trust', t)?.name ?? null })),
        local_authorities: [...new Map(rows.map((m) => [m.la_ods_code, { la_ods_code: m.la_ods_code, name: m.local_authority_name, sub_icb_code: m.sub_icb_code }])).values()],
      };
    },
  },
  region: {
    schema: (r) => object({ icbs: arrayOf(r.icbs) }),
    of: (snap, c) => ({ icbs: snap.structures('icb').filter((i) => i.region_code === c) }),
  },
  pdu: {
    schema: (r) => object({
      network: nullable(r.diabetes_networks),
      members: arrayOf(r.pdu_members),
      primary_organisation: nullable(codeAndName),
      parent: nullable(object({ type: s, ods_code: s, name: s })),
    }),
    of: (snap, c) => {
      const v = snap.pdu(c)!;
      const primary = v.primary_organisation;
      return {
        network: v.network,
        members: v.members,
        primary_organisation: primary && { ods_code: primary.ods_code, name: primary.name },
        parent: v.parent && { type: v.parent.type, ods_code: v.parent.record.ods_code, name: v.parent.record.name },
      };
    },
  },
  diabetes_network: {
    schema: (r) => object({ pdus: arrayOf(r.pdus) }),
    of: (snap, c) => ({ pdus: snap.structures('pdu').filter((p) => p.network_code === c) }),
  },
  openuk_network: {
    schema: () => object({ trusts: arrayOf(codeAndName), health_boards: arrayOf(codeAndName) }),
    of: (snap, c) => ({
      trusts: snap.structures('trust').filter((t) => t.openuk_network_code === c).map((t) => ({ ods_code: t.ods_code, name: t.name })),
      health_boards: snap.structures('health_board').filter((b) => b.openuk_network_code === c).map((b) => ({ ods_code: b.ods_code, name: b.name })),
    }),
  },
};

const LABELS: Record<OrganisationStructure, string> = {
  trust: 'NHS trust',
  health_board: 'local health board',
  icb: 'integrated care board',
  region: 'NHS England region',
  country: 'country',
  pdu: 'paediatric diabetes unit',
  diabetes_network: 'paediatric diabetes network',
  openuk_network: 'OPEN UK network',
  london_borough: 'London borough',
};

export function structureRoutes(app: FastifyInstance, kit: Kit): void {
  const { ds, tags } = kit;
  const records: Schemas = Object.fromEntries(Object.keys(ds.schemas).map((t) => [t, responseRecordSchema(ds.schemas[t])]));
  for (const [kind, { table, key }] of Object.entries(STRUCTURE_KINDS) as [OrganisationStructure, (typeof STRUCTURE_KINDS)[OrganisationStructure]][]) {
    const label = LABELS[kind];
    const record = records[table];
    const related = RELATED[kind];
    const columns = Object.keys(record.properties as object);

    const list = async (request: FastifyRequest, reply: FastifyReply, suffix?: 'csv') => {
      const snap = await kit.open(request, reply);
      if (!snap) return reply;
      const rows = snap.structures(kind) as unknown as readonly Record<string, unknown>[];
      return sendList(kit, request, reply, snap, { rows: () => rows, key: (r) => String(r[key]), csv: { columns, filename: `${ds.id}-${table}` } }, suffix);
    };
    const listSchema = { summary: `List ${label}s`, tags, querystring: listQuery(), response: { 200: listOf(record, `${label}s`) } };
    app.get(`/${table}`, { schema: listSchema }, (req, rep) => list(req, rep));
    app.get(`/${table}.csv`, { schema: { ...listSchema, summary: `List ${label}s (CSV; without limit= every one)`, response: {} } }, (req, rep) => list(req, rep, 'csv'));

    app.get(
      `/${table}/:code`,
      {
        schema: {
          summary: `One ${label} by code, with what it contains`,
          tags,
          params: codeParams,
          querystring: AS_OF_QUERY,
          response: { 200: snapshotAnswer({ item: record, organisations_count: { type: 'integer' }, related: related?.schema(records) ?? object({}) }) },
        },
      },
      async (request, reply) => {
        const code = (request.params as { code: string }).code.toUpperCase();
        const snap = await kit.open(request, reply);
        if (!snap) return reply;
        const item = snap.structure(kind, code);
        if (!item) throw gone(snap, kind, code, label);
        const own = String((item as unknown as Record<string, unknown>)[key]);
        return { ...kit.meta(snap), item, organisations_count: snap.organisationsOf(kind, own).length, related: related?.of(snap, own) ?? {} };
      },
    );

    const organisations = organisationList(kit, (snap, request) => {
      const code = (request.params as { code: string }).code.toUpperCase();
      if (!snap.structure(kind, code)) throw gone(snap, kind, code, label);
      return snap.organisationsOf(kind, code);
    });
    app.get(`/${table}/:code/organisations`, { schema: organisationListSchema(kit, `Organisations of a ${label}`, codeParams) }, (req, rep) => organisations(req, rep));
  }
}
