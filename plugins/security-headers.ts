// Security headers for a JSON API (nothing to render, frame or script), from helmet's own rules.
// They do not depend on the request, so helmet runs once, at start, and every answer gets the same
// headers from one synchronous hook (@fastify/helmet built helmet's middleware again on every
// request: about a tenth of a single lookup's cost). Pages with their own policy (/docs, the web
// pages) replace Content-Security-Policy in their onSend hooks.
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

export default fp(async function securityHeaders(app: FastifyInstance) {
  const headers = helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
