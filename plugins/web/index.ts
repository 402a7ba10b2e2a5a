// The human pages: a platform plug-in that is not a dataset. The catalogue pages (home, one page
// per dataset, record browser) are generated from the catalogue, the manifests and the JSON
// Schemas, so a new dataset plug-in appears with no page written for it; the deprivation,
// organisations and map pages read their datasets through the public JSON API only. Server-rendered
// (Eta), no inline script or style (a strict Content-Security-Policy applies), every core flow a
// plain form that works without JavaScript. Negotiation keeps JSON clients on JSON: `/` and
// `/catalogue…` answer HTML only to clients that prefer text/html (prefersHtml).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse as parseQuery } from 'node:querystring';
import view from '@fastify/view';
import serveStatic from '@fastify/static';
import { Eta } from 'eta';
import type { Platform } from '../../core/platform.ts';
import { badRequest } from '../../core/sdk/problem.ts';
import { prefersHtml } from './negotiate.ts';
import { cataloguePages } from './catalogue-pages.ts';
import { deprivationPages } from './deprivation-page.ts';
import { enrichRoutes } from './enrich/routes.ts';
import { organisationPages } from './organisation-pages.ts';
import { mapPage } from './map-page.ts';
import { guidePages } from './guide.ts';

export interface WebOptions {
  platform: Platform;
}

const here = import.meta.dirname;
const leafletDist = join(dirname(createRequire(import.meta.url).resolve('leaflet/package.json')), 'dist');

/** JSON URL → the page that shows it to people. */
const PAGE_OF: Record<string, (params: Record<string, string>) => string> = {
  '/catalogue': () => '/',
  '/catalogue/:id': (p) => `/web/datasets/${encodeURIComponent(p.id)}`,
};

// Pages use this service's own scripts, styles and images only (the API's answers keep the core's
// default-src 'none'); forms post back here; no page may be framed.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

async function pages(app: FastifyInstance, opts: WebOptions) {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', PAGE_CSP);
    return payload;
  });
  await app.register(view, {
    engine: { eta: new Eta({ views: join(here, 'templates'), cache: true }) },
    templates: join(here, 'templates'),
    production: true,
  });
  await app.register(serveStatic, { root: join(here, 'static'), prefix: '/web/static/', maxAge: '1h', index: false });
  await app.register(serveStatic, { root: leafletDist, prefix: '/web/static/leaflet/', decorateReply: false, maxAge: '1d', index: false });
  // The deployment's name (catalogue.yaml), for the layout of every page.
  const site = opts.platform.catalogue.info.title ?? 'Data catalogue';
  app.addHook('onRequest', async (_request, reply) => {
    const r = reply as unknown as { locals?: Record<string, unknown> };
    r.locals = { ...r.locals, site };
  });
  // Plain HTML forms post application/x-www-form-urlencoded.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
    try {
      done(null, parseQuery(body as string));
    } catch {
      done(badRequest('the form could not be read'), undefined);
    }
  });
  await cataloguePages(app, opts.platform);
  await deprivationPages(app);
  await enrichRoutes(app, opts.platform);
  await organisationPages(app);
  await mapPage(app);
  await guidePages(app, opts.platform);
}

export default fp(
  async function web(app: FastifyInstance, opts: WebOptions) {
    // a callback hook (it runs for every request of the service): no promise per request
    app.addHook('onRequest', (request: FastifyRequest, reply, done) => {
      // (routeOptions is built anew at every read: only for URLs that may be one of these routes)
      const pageOf = request.url.startsWith('/catalogue') ? PAGE_OF[request.routeOptions.url ?? ''] : undefined;
      if (!pageOf) return done();
      reply.header('vary', 'Accept');
      if (request.method === 'GET' && prefersHtml(request.headers.accept)) return void reply.redirect(pageOf(request.params as Record<string, string>), 303);
      done();
    });
    await app.register(pages, opts);
  },
  { name: 'web-pages' },
);
