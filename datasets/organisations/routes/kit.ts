// What every route of the plug-in shares: the snapshot a request reads (with its ETag), the block
// every answer carries, answers serialised once per edition and URL, the parameters' schemas, and
// the 404 of a former code.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, answerCache, chooseFormat, metaProperties, notFound, pageOf, pageSize, sendCsv, type AnswerCache, type DatasetContext } from '../../../core/contract.ts';
import { snapshots, type Entity, type Snapshot } from '../snapshot.ts';
import { requestedEdition } from '../validity.ts';

export interface Kit {
  ds: DatasetContext;
  tags: string[];
  /** The snapshot of the edition a request reads; null when a 304 was sent. */
  open(request: FastifyRequest, reply: FastifyReply): Promise<Snapshot | null>;
  /** The block every answer of a snapshot carries. */
  meta(snap: Snapshot): ReturnType<DatasetContext['describe']> & { valid_from: string | null };
  /** Answers of a snapshot, serialised through the route's schema and compressed once per URL. */
  answers: AnswerCache;
}

export function routeKit(ds: DatasetContext): Kit {
  const snapshotOf = snapshots(ds);
  return {
    ds,
    tags: [ds.id],
    async open(request, reply) {
      const edition = await requestedEdition(ds, request);
      return ds.cacheFor(request, reply, edition) ? null : snapshotOf(edition);
    },
    meta: (snap) => ({ ...ds.describe(snap.edition), valid_from: snap.valid_from }),
    answers: answerCache(),
  };
}

export const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Answer as of this date (YYYY-MM-DD): the edition valid then' } as const;
const EDITION = { type: 'string', description: 'Edition id or label; default: the current edition' } as const;
export const AS_OF_QUERY = { type: 'object', additionalProperties: false, properties: { as_of: DATE, edition: EDITION } } as const;
export const codeParams = { type: 'object', additionalProperties: false, properties: { code: { type: 'string', minLength: 1, maxLength: 20 } }, required: ['code'] } as const;
const validFrom = { type: ['string', 'null'], description: 'Date from which the edition answered describes the lists' } as const;

export const listQuery = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: pageSize(1000, 100),
    cursor: { type: 'string', maxLength: 200, description: 'Opaque cursor from the next link' },
    as_of: DATE,
    edition: EDITION,
    format: { type: 'string', enum: ['json', 'csv'], description: 'Response format (or the .csv suffix / Accept: text/csv); a CSV without limit= is the whole list' },
    ...extra,
  },
});

/** The schema of an answer from a snapshot: the block every answer carries, and these members. */
export const snapshotAnswer = (properties: Record<string, unknown>, description?: string) => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties: { ...metaProperties, valid_from: validFrom, ...properties },
});

export const listOf = (items: unknown, description: string) =>
  snapshotAnswer({ total: { type: 'integer' }, limit: { type: 'integer' }, next: { type: ['string', 'null'] }, items: { type: 'array', items } }, description);

/**
 * A list of a snapshot in the order of `key`: CSV (without limit= the whole list, else one page) or
 * a JSON page (items made by `items`), with its next link.
 */
export function sendList<T>(
  kit: Kit,
  request: FastifyRequest,
  reply: FastifyReply,
  snap: Snapshot,
  list: { rows: () => readonly T[]; key: (row: T) => string; csv: { columns: string[]; filename: string }; items?: (page: T[]) => unknown[] },
  suffix?: 'csv',
): FastifyReply | Promise<FastifyReply> {
  if (chooseFormat(request, suffix) === 'csv') {
    const { items } = pageOf(request, reply, list.rows(), list.key, { defaultLimit: 100, whole: true });
    return sendCsv(reply, list.csv.columns, items as unknown as Record<string, unknown>[], list.csv.filename);
  }
  return kit.answers.send(request, reply, snap.edition.id, () => {
    const page = pageOf(request, reply, list.rows(), list.key, { defaultLimit: 100 });
    return { ...kit.meta(snap), ...page, items: list.items ? list.items(page.items) : page.items };
  });
}

/** A code not in the edition: 404, saying what succeeded it when it was listed before. */
export function gone(snap: Snapshot, entity: Entity, code: string, label: string): Problem {
  const h = snap.history(entity, code);
  if (!h || h.status === 'active') return notFound(`no ${label} with code "${code}" in ${snap.edition.label} (valid from ${snap.valid_from})`);
  const end = snap.successors(entity, code).at(-1);
  return new Problem(404, 'Not found', `${label} ${code} (${h.name}) is no longer listed: ${h.status} on ${h.valid_to}${h.succeeded_by ? `, succeeded by ${h.succeeded_by}` : ''}`, {
    code,
    code_status: h.status, // not `status`: in a problem that is the HTTP status
    valid_to: h.valid_to,
    succession_type: h.succession_type,
    succeeded_by: h.succeeded_by,
    current_successor: end?.status === 'active' ? end.code : null,
  });
}
