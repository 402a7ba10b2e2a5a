// Data change only when an edition changes: the ETag is the edition plus the request, so a
// client (or a CDN) revalidates cheaply and gets 304 until the next switch.
import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function editionEtag(editionId: number | string, request: FastifyRequest): string {
  const h = hash('sha1', `${request.method} ${request.url} ${request.headers.accept ?? ''}`, 'base64url').slice(0, 16);
  return `W/"e${editionId}-${h}"`;
}

/** Sets ETag and Cache-Control; answers 304 and returns true when the client's copy is current. */
export function cacheFor(request: FastifyRequest, reply: FastifyReply, editionId: number | string, maxAge: number): boolean {
  const etag = editionEtag(editionId, request);
  reply.header('etag', etag).header('cache-control', `public, max-age=${maxAge}`).header('vary', 'Accept');
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}
