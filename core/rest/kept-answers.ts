// Answers kept in memory, as sent, until the next edition switch: a read-through cache for routes
// whose answer depends only on the URL, the Accept header and the current editions (a lookup by
// postcode: the same patient's postcode is asked for again and again). A route opts in with
// `config: { keepAnswers: true }` (GET only). Its 200 answers are kept as the bytes that were sent,
// with the headers its handler set; a request for a kept URL is answered from an onRequest hook,
// before validation and the handler (the URL was valid when it was kept), with the same body and
// headers, or 304 when its If-None-Match names the kept ETag (as ds.cacheFor would). Every answer
// is bound to the editions current when its request arrived (EditionCache.generation): a switch
// of any dataset's edition empties the cache. Bounded by bytes (ANSWER_CACHE_MB), least recently
// used first out; each HTTP worker has its own.
import type { FastifyRequest, onRequestHookHandler, onSendHookHandler } from 'fastify';
import { boundedCache } from '../sdk/caches.ts';

/** Headers of the handler's answer that are replayed (those of the cross-cutting hooks are set again by them). */
const KEPT_HEADERS = ['content-type', 'etag', 'cache-control', 'vary', 'link', 'x-dataset-edition', 'content-disposition'];
/** What ds.cacheFor sends with a 304. */
const NOT_MODIFIED_HEADERS = ['etag', 'cache-control', 'vary'];

interface Kept {
  body: Buffer;
  headers: Record<string, string>;
  etag?: string;
}

export interface KeptAnswersStats {
  entries: number;
  bytes: number;
  max_bytes: number;
  hits: number;
  misses: number;
}

export interface KeptAnswers {
  /** onRequest hook of a route: answers from the cache when it can. */
  replay: onRequestHookHandler;
  /** onSend hook of a route: keeps a 200 answer. */
  keep: onSendHookHandler;
  stats(): KeptAnswersStats;
}

const generationOf = new WeakMap<FastifyRequest, number>();
const replayed = new WeakSet<FastifyRequest>();

const keyOf = (request: FastifyRequest) => `${request.url}\u0000${request.headers.accept ?? ''}`;

/** `editions.generation` changes with every edition switch; `maxBytes` 0 keeps nothing. */
export function keptAnswers(editions: { generation: number }, maxBytes: number): KeptAnswers {
  const cache = maxBytes > 0 ? boundedCache<string, Kept>({ maxSize: maxBytes, sizeOf: (v, k) => v.body.length + k.length * 2 + 200 }) : undefined;
  let generation = editions.generation;
  let hits = 0;
  let misses = 0;
  /** The cache of the current editions (emptied when they change). */
  const current = () => {
    if (editions.generation !== generation) {
      cache?.clear();
      generation = editions.generation;
    }
    return cache;
  };
  return {
    replay(request, reply, done) {
      // a HEAD route made from the GET route has these hooks too: it neither replays nor keeps
      if (request.method !== 'GET') return done();
      const kept = current()?.get(keyOf(request));
      if (!kept) {
        misses++;
        generationOf.set(request, generation);
        return done();
      }
      hits++;
      replayed.add(request);
      const inm = request.headers['if-none-match'];
      if (kept.etag && inm && inm.split(',').some((t) => t.trim() === kept.etag)) {
        for (const h of NOT_MODIFIED_HEADERS) if (kept.headers[h] !== undefined) reply.header(h, kept.headers[h]);
        reply.code(304).send();
        return;
      }
      reply.headers(kept.headers);
      reply.send(kept.body);
    },
    keep(request, reply, payload, done) {
      const bound = generationOf.get(request);
      if (
        bound !== undefined &&
        !replayed.has(request) &&
        reply.statusCode === 200 &&
        (typeof payload === 'string' || Buffer.isBuffer(payload)) &&
        reply.getHeader('content-encoding') === undefined &&
        current() !== undefined &&
        bound === generation
      ) {
        const headers: Record<string, string> = {};
        for (const h of KEPT_HEADERS) {
          const v = reply.getHeader(h);
          if (v !== undefined) headers[h] = String(v);
        }
        const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
        cache!.set(keyOf(request), { body, headers, etag: headers.etag });
      }
      done(null, payload);
    },
    stats: () => ({ entries: cache?.size ?? 0, bytes: cache?.calculatedSize ?? 0, max_bytes: maxBytes, hits, misses }),
  };
}

/** The route options that make a GET route keep its answers (a route's own hooks come first). */
export function withKeptAnswers(route: { method: string | string[]; config?: unknown; onRequest?: unknown; onSend?: unknown }, kept: KeptAnswers): void {
  const config = route.config as { keepAnswers?: boolean } | undefined;
  if (!config?.keepAnswers || route.method !== 'GET') return;
  const list = (h: unknown) => (h === undefined ? [] : Array.isArray(h) ? h : [h]);
  route.onRequest = [...list(route.onRequest), kept.replay];
  route.onSend = [...list(route.onSend), kept.keep];
}
