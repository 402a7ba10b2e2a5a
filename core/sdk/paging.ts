// Keyset paging, one implementation for every list: typed opaque cursors, the page size a client
// asked for, next links (body and Link header), and pages of lists already held in memory.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from './problem.ts';

export type CursorKind = 'string' | 'number' | 'integer' | 'boolean';

export const encodeCursor = (values: readonly unknown[]): string => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

const fits = (v: unknown, kind: CursorKind): boolean => {
  if (v === null) return true;
  if (kind === 'string') return typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000');
  if (kind === 'boolean') return typeof v === 'boolean';
  return typeof v === 'number' && Number.isFinite(v) && (kind === 'number' || Number.isSafeInteger(v));
};

/** The values of a cursor made by encodeCursor for keys of these kinds; a 400 problem for anything else. */
export function decodeCursor(cursor: string, kinds: readonly CursorKind[]): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (Array.isArray(values) && values.length === kinds.length && values.every((v, i) => fits(v, kinds[i]))) return values;
  throw badRequest('cursor is not valid for this query: use the next link as given', [{ name: 'cursor', reason: 'invalid cursor' }]);
}

/**
 * The page size written in the URL, or undefined when the client gave none. Fastify's ajv fills
 * declared defaults into every parsed query (useDefaults), so the parsed `limit` cannot tell.
 */
export function requestedLimit(request: FastifyRequest): number | undefined {
  const i = request.url.indexOf('?');
  if (i < 0 || !new URLSearchParams(request.url.slice(i + 1)).has('limit')) return undefined;
  const limit = (request.query as { limit?: unknown } | undefined)?.limit;
  return typeof limit === 'number' ? limit : undefined;
}

/** The page size of a JSON page: the one asked for, else the default. */
export const pageLimit = (request: FastifyRequest, defaultLimit: number): number => requestedLimit(request) ?? defaultLimit;

/** Longest next link also sent as a Link header: HTTP clients refuse response headers over 8–16 KB. */
export const MAX_LINK_HEADER = 8000;

/** The URL of the next page (this request with its cursor replaced), also sent as a Link header unless too long for one. */
export function nextLink(request: FastifyRequest, reply: FastifyReply, cursor: string): string {
  const url = new URL(request.url, 'http://x');
  url.searchParams.set('cursor', cursor);
  const next = url.pathname + url.search;
  if (next.length <= MAX_LINK_HEADER) reply.header('link', `<${next}>; rel="next"`);
  return next;
}

export interface Page<T> {
  total: number;
  limit: number;
  next: string | null;
  items: T[];
}

/**
 * One keyset page of a list held in memory, in the order of a unique string key. Without `limit` in the
 * URL and with `whole` set (CSV downloads), the page is the whole list.
 */
export function pageOf<T>(request: FastifyRequest, reply: FastifyReply, rows: readonly T[], key: (row: T) => string, options: { defaultLimit: number; whole?: boolean }): Page<T> {
  const { cursor } = (request.query ?? {}) as { cursor?: unknown };
  const after = typeof cursor === 'string' ? (decodeCursor(cursor, ['string'])[0] as string | null) : null;
  const start = after === null ? 0 : rows.findIndex((r) => key(r) > after);
  if (start < 0) return { total: rows.length, limit: requestedLimit(request) ?? options.defaultLimit, next: null, items: [] };
  const asked = requestedLimit(request);
  const limit = asked ?? (options.whole ? Math.max(rows.length - start, 1) : options.defaultLimit);
  const items = rows.slice(start, start + limit);
  const next = start + limit < rows.length ? nextLink(request, reply, encodeCursor([key(items[items.length - 1])])) : null;
  return { total: rows.length, limit, next, items };
}
