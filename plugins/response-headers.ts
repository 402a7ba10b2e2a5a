// The headers an API answer carries whatever the request, computed once at start and set by one
// synchronous hook: helmet's security headers for a JSON API (nothing to render, frame or script;
// helmet runs once, at start: @fastify/helmet built helmet's middleware again on every request, about
// a tenth of a single lookup's cost), and the two CORS headers of open data on every route but the
// admin routes (@fastify/cors, which answers the preflights, spread its options and made closures on
// every request to add the same two headers). Pages with their own policy (/docs, the web pages)
// replace Content-Security-Policy in their onSend hooks.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

const API: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
};

/** The headers helmet sets with these options (which must not depend on the request: no nonces). */
export function helmetHeaders(options: HelmetOptions = API): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let failed: unknown;
  helmet(options)({ headers: {} } as never, response as never, (err?: unknown) => void (failed = err));
  if (failed) throw failed;
  return headers;
}

export interface ResponseHeadersOptions {
  /** The CORS headers of a simple (not preflight) request to an open route. */
  cors: Record<string, string>;
  /** URLs not offered to other origins. */
  closed: (url: string) => boolean;
}

export default fp(async function responseHeaders(app: FastifyInstance, opts: ResponseHeadersOptions) {
  const security = Object.entries(helmetHeaders());
  const open = [...security, ...Object.entries(opts.cors)];
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of opts.closed(request.url) ? security : open) reply.header(name, value);
    done();
  });
});
