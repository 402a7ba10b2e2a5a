// The lists over time: an organisation's versions across kept editions, what succeeded a code,
// the editions with the date each took effect, and every change since a date.
import type { FastifyInstance } from 'fastify';
import { notFound, responseRecordSchema } from '../../../core/contract.ts';
import { snapshots } from '../snapshot.ts';
import { checkDate, timeline } from '../validity.ts';
import { AS_OF_QUERY, DATE, codeParams, snapshotAnswer, type Kit } from './kit.ts';

interface Version {
  valid_from: string;
  valid_to: string | null;
  edition_ids: number[];
  record: Record<string, unknown>;
}

export function historyRoutes(app: FastifyInstance, kit: Kit): void {
  const { ds, tags } = kit;
  const snapshotOf = snapshots(ds);
  const historyRecord = responseRecordSchema(ds.schemas.code_history);
  const changeRecord = responseRecordSchema(ds.schemas.changes);

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
              code_history: { ...historyRecord, type: ['object', 'null'] },
              successors: { type: 'array', items: historyRecord, description: 'The codes that succeeded it, in order, to the one in use now' },
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    valid_from: { type: 'string' },
                    valid_to: { type: ['string', 'null'] },
                    edition_ids: { type: 'array', items: { type: 'integer' } },
                    record: responseRecordSchema(ds.schemas.organisation_records),
                  },
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
      const snap = await snapshotOf(current);
      const periods = (await timeline(ds)).filter((p) => p.edition.id <= current.id);
      const rows: Record<string, unknown>[] = await ds
        .db(ds.tableName('organisation_records'))
        .where({ ods_code: code })
        .whereIn(
          'edition_id',
          periods.map((p) => p.edition.id),
        );
      const byEdition = new Map(rows.map(({ edition_id, ...r }) => [edition_id as number, r]));
      // Consecutive editions with the same record are one version.
      const versions: Version[] = [];
      let last: string | null = null;
      for (const p of periods) {
        const r = byEdition.get(p.edition.id);
        const open = versions.at(-1)?.valid_to === null ? versions.at(-1)! : null;
        const json = r ? JSON.stringify(r) : null;
        if (open && json !== null && json === last) open.edition_ids.push(p.edition.id);
        else {
          if (open) open.valid_to = p.valid_from;
          if (r) versions.push({ valid_from: p.valid_from, valid_to: null, edition_ids: [p.edition.id], record: r });
        }
        last = json;
      }
      const h = snap.history('organisation', code);
      if (!h && versions.length === 0) throw notFound(`no organisation with code "${code}" has ever been listed in the kept editions`);
      return { dataset: ds.id, ods_code: code, code_history: h, successors: snap.successors('organisation', code).slice(1), versions };
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
        response: {
          200: snapshotAnswer({
            code: { type: 'string' },
            matches: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  entity: { type: 'string' },
                  chain: { type: 'array', items: historyRecord, description: 'The code itself first, then each successor' },
                  predecessors: { type: 'array', items: historyRecord, description: 'The codes this code succeeded' },
                  current: { type: ['string', 'null'], description: 'The code in use now, null after a closure' },
                },
              },
            },
          }),
        },
      },
    },
    async (request, reply) => {
      const code = (request.params as { code: string }).code.toUpperCase();
      const snap = await kit.open(request, reply);
      if (!snap) return reply;
      const entities = snap.entitiesWithCode(code);
      if (!entities.length) throw notFound(`the code "${code}" has never been listed in ${ds.id}`);
      const matches = entities.map((entity) => {
        const chain = snap.successors(entity, code);
        const end = chain.at(-1)!;
        return { entity, chain, predecessors: snap.predecessors(entity, code), current: end.status === 'active' ? end.code : null };
      });
      return { ...kit.meta(snap), code, matches };
    },
  );

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
                    imported_at: { type: 'string', format: 'date-time' },
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
      const periods = await timeline(ds);
      const counts: { edition_id: number; change: string; n: number }[] = await ds
        .db(ds.tableName('changes'))
        .whereIn(
          'edition_id',
          periods.map((p) => p.edition.id),
        )
        .groupBy('edition_id', 'change')
        .select('edition_id', 'change')
        .count({ n: '*' });
      return {
        dataset: ds.id,
        items: periods.map((p) => ({
          edition_id: p.edition.id,
          label: p.edition.label,
          valid_from: p.valid_from,
          previous_edition_id: p.previous_edition_id,
          imported_at: p.edition.imported_at,
          changes: Object.fromEntries(counts.filter((c) => c.edition_id === p.edition.id).map((c) => [c.change, Number(c.n)])),
        })),
      };
    },
  );

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
            edition: { type: 'string', description: 'Changes up to this edition (id or label); default: the current edition' },
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
      checkDate(q.date, 'date');
      const current = await ds.edition(request);
      if (ds.cacheFor(request, reply, current)) return reply;
      const periods = (await timeline(ds)).filter((p) => p.valid_from > q.date && p.edition.id <= current.id && p.previous_edition_id !== null);
      const editions = periods.map((p) => ({ edition_id: p.edition.id, valid_from: p.valid_from }));
      const qb = ds
        .db(ds.tableName('changes'))
        .whereIn(
          'edition_id',
          editions.map((e) => e.edition_id),
        )
        .orderBy([{ column: 'edition_id' }, { column: 'seq' }]);
      if (q.entity) qb.where('entity', q.entity);
      if (q.code) qb.where('code', q.code.toUpperCase());
      if (q.change) qb.where('change', q.change);
      const rows: Record<string, unknown>[] = await qb;
      // Oldest first: the order the editions took effect in, each edition's changes in sequence.
      const items = editions.flatMap((e) => rows.filter((r) => r.edition_id === e.edition_id).map((r) => ({ ...r, valid_from: e.valid_from })));
      return { dataset: ds.id, since: q.date, editions, items };
    },
  );
}
