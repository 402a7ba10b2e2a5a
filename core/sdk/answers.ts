// Answers bound to immutable editions, serialised once per URL through the route's own response
// schema (so the documented shape is enforced) and compressed once, on first demand (brotli or gzip).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { boundedCache } from './caches.ts';

interface CachedAnswer {
  body: string;
  type: string;
  link?: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** Smaller answers are not worth compressing (the compression plug-in uses the same threshold). */
export const COMPRESS_THRESHOLD = 4096;

// A content coding listed in Accept-Encoding and not refused with q=0.
const accepts = (header: string, coding: string) => new RegExp(`(^|[\\s,])${coding}(?!\\s*;\\s*q=0(\\.0*)?\\s*(,|$))`, 'i').test(header);

export interface AnswerCache {
  /**
   * Sends the answer of `key` (the editions it depends on) for this URL: built, serialised and
   * compressed the first time, the same bytes afterwards. `build` may set a Link header.
   */
  send(request: FastifyRequest, reply: FastifyReply, key: string | number, build: () => unknown): Promise<FastifyReply>;
}

/** A cache of serialised answers bounded by their total size in characters. */
export function answerCache(maxChars = 64 << 20): AnswerCache {
  const cache = boundedCache<string, CachedAnswer>({ maxSize: maxChars, sizeOf: (a) => a.body.length + (a.br?.length ?? 0) + (a.gzip?.length ?? 0) });
  return {
    async send(request, reply, key, build) {
      const id = `${key}|${request.url}`;
      let entry = cache.get(id);
      if (!entry) {
        const value = await build();
        const link = reply.getHeader('link');
        const type = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
        entry = { body: String(reply.serialize(value)), type, ...(typeof link === 'string' ? { link } : {}) };
        cache.set(id, entry);
      }
      if (entry.link) reply.header('link', entry.link);
      reply.type(entry.type);
      if (entry.body.length < COMPRESS_THRESHOLD) return reply.send(entry.body);
      reply.header('vary', 'Accept, Accept-Encoding');
      const ae = String(request.headers['accept-encoding'] ?? '');
      const coding = accepts(ae, 'br') ? 'br' : accepts(ae, 'gzip') ? 'gzip' : null;
      if (!coding) return reply.send(entry.body);
      let bytes = entry[coding];
      if (!bytes) {
        bytes = coding === 'br' ? brotliCompressSync(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(entry.body);
        cache.set(id, { ...entry, [coding]: bytes }); // re-set: the entry's size changed
      }
      return reply.header('content-encoding', coding).send(bytes);
    },
  };
}
