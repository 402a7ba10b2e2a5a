// The app factory: cross-cutting plug-ins, the catalogue routes, then every dataset's routes
// under /v1/<id>. A dataset whose routes throw is listed as failed; the others are served.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cluster from 'node:cluster';
import { constants as zlib } from 'node:zlib';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import compress from '@fastify/compress';
import type { Platform } from './platform.ts';
import { routesContext } from './dataset-context.ts';
import { createPluginContext } from './plugin-context.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { adminRoutes } from './catalogue/admin.ts';
import errors, { clientError, frameworkError } from '../plugins/errors.ts';
import openapi from '../plugins/openapi.ts';
import safeInput from '../plugins/safe-input.ts';
import responseHeaders from '../plugins/response-headers.ts';
import { RequestLog } from '../plugins/request-log.ts';
import web from '../plugins/web/index.ts';
import queryCancel from '../plugins/query-cancel.ts';
import { healthRoutes } from './health.ts';
import { keptAnswers, withKeptAnswers } from './rest/kept-answers.ts';
import { Problem } from './sdk/problem.ts';
import { COMPRESS_THRESHOLD } from './sdk/answers.ts';

export interface AppOptions {
  /** Requests per minute per client; 0 turns the limit off (benchmarks on 127.0.0.1). */
  rateLimit?: number;
  /** Event-loop delay (ms) beyond which requests are shed with 503; 0 turns shedding off. Default 2000. */
  maxEventLoopDelay?: number;
}

// Open data is read from any origin, without credentials; the options are static (a delegator
// choosing them per request normalised them again on every request).
/** The admin routes: not offered to other origins. */
const ADMIN = /^\/admin(\/|$)/;

const PUBLIC_CORS = {
  origin: '*',
  credentials: false,
  methods: ['GET', 'HEAD', 'POST'],
  allowedHeaders: ['Accept', 'Content-Type', 'If-None-Match'],
  exposedHeaders: ['Link', 'ETag', 'Retry-After'],
  maxAge: 600,
};
/** What @fastify/cors would add to a simple request with PUBLIC_CORS. */
const OPEN_DATA_CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': PUBLIC_CORS.exposedHeaders.join(', ') };

// What answers without the database: liveness, the API documentation, the web pages' static files.
const NO_DATABASE = /^\/(health|docs|openapi\.json|web\/static)(\/|\.|$)/;

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: platform.log as unknown as FastifyBaseLogger,
    trustProxy: platform.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    // Path parameters are bounded by their schemas (a 400 naming the parameter); beyond this, a 414.
    // Clients of the emulated APIs call paths with and without the trailing slash, and some do not
    // follow redirects: both forms are answered directly, on every route.
    routerOptions: { maxParamLength: 500, ignoreTrailingSlash: true },
    // one line per request, when it is answered
    logController: new RequestLog(),
  });
  const info = platform.catalogue.info;
  // Which HTTP worker answered (npm start runs one per core): for operators and tests.
  const worker = platform.config.clusterWorker ? String(cluster.worker?.id ?? '') : '';
  if (worker)
    app.addHook('onRequest', (_request, reply, done) => {
      reply.header('x-worker', worker);
      done();
    });
  await app.register(errors);
  await app.register(safeInput);
  await app.register(queryCancel);
  // Security headers for a JSON API, and open data's CORS headers (the /docs page sets its own
  // Content-Security-Policy, @fastify/swagger-ui staticCSP, and so do the web pages).
  await app.register(responseHeaders, { cors: OPEN_DATA_CORS, closed: (url) => ADMIN.test(url) });
  // Every large answer compressed, negotiated once here (answers cached per edition bring their own
  // compressed bytes and are passed through). Brotli at quality 4: on the fly, speed over size.
  await app.register(compress, { threshold: COMPRESS_THRESHOLD, brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });
  const pluginTags = platform.plugins.map((p) => ({ name: p.manifest.title, description: p.manifest.description }));
  await app.register(openapi, { title: info.title ?? 'Data catalogue', description: info.description ?? '', tags: pluginTags });
  // Open data: any origin may read, without credentials; the admin routes are not offered to browsers
  // (no CORS headers on them, and their preflights are not found). @fastify/cors, in a scope of its
  // own, answers the preflights (its OPTIONS * route) and nothing else: the headers of a simple
  // request are static (responseHeaders above).
  await app.register(async (preflights) => preflights.register(cors, PUBLIC_CORS));
  app.options('/admin/*', { schema: { hide: true } }, (_request, reply) => reply.callNotFound());
  const limit = options.rateLimit ?? platform.config.rateLimit;
  if (limit > 0) await app.register(rateLimit, { max: limit, timeWindow: '1 minute' });
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelay ?? 2000,
    retryAfter: 10,
    // A sample interval with no delay readings reads as an infinite delay (typically the first
    // second after start on a busy machine): not a reason to refuse requests.
    pressureHandler: (_req, _reply, _type, value) =>
      value === Infinity ? undefined : Promise.reject(new Problem(503, 'Service unavailable', 'the server is under pressure; retry shortly')),
  });
  // Answers of routes with config.keepAnswers, kept until the next edition switch.
  const kept = keptAnswers(platform.editions, platform.config.answerCacheBytes);
  app.addHook('onRoute', (route) => withKeptAnswers(route, kept));
  await app.register(healthRoutes, { platform, keptAnswers: kept.stats });
  // Opened in the background (the server listens while the database is unreachable at start): until
  // the database has been reached and migrated, what needs it answers 503 with Retry-After.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!platform.isReady() && request.routeOptions.url !== undefined && !NO_DATABASE.test(request.routeOptions.url))
      return done(new Problem(503, 'Database unavailable', 'the database cannot be reached yet; retry shortly', { retry_after: 5 }));
    done();
  });

  const endpoints = new Map<string, string[]>();
  app.addHook('onRoute', (route) => {
    const m = /^\/v1\/([a-z][a-z0-9-]*)(\/.*)?$/.exec(route.url);
    if (!m || route.method === 'HEAD' || route.url.endsWith('.json')) return;
    endpoints.set(m[1], [...new Set([...(endpoints.get(m[1]) ?? []), route.url])]);
  });

  await app.register(catalogueRoutes, { platform, endpoints });
  if (platform.config.adminToken) await app.register(adminRoutes, { platform, token: platform.config.adminToken });

  for (const d of platform.datasets) {
    const ds = platform.contexts.get(d.id);
    if (d.loadError || !d.routes || !ds) continue;
    await app.register(
      async (scope) => {
        try {
          await d.routes!(scope, routesContext(platform, ds, scope));
        } catch (err) {
          d.loadError = `routes failed: ${(err as Error).message}`;
          platform.log.error({ dataset: d.id, err: d.loadError }, 'dataset routes failed to register');
        }
      },
      { prefix: `/v1/${d.id}` },
    );
  }
  for (const p of platform.plugins) if (!p.loadError && p.routes) await registerPlugin(app, platform, p);
  // The human pages (and `/`: HTML for browsers, a redirect to /catalogue for everyone else).
  await app.register(web, { platform });
  return app;
}

/** A platform plug-in's routes under its prefix, each documented under the plug-in's own OpenAPI tag. */
async function registerPlugin(app: FastifyInstance, platform: Platform, p: Platform['plugins'][number]): Promise<void> {
  const ctx = createPluginContext(platform, p);
  await app.register(
    async (scope) => {
      scope.addHook('onRoute', (route) => {
        route.schema = { ...(route.schema ?? {}), tags: [p.manifest.title] };
      });
      try {
        await p.routes!(scope, ctx);
      } catch (err) {
        p.loadError = `routes failed: ${(err as Error).message}`;
        platform.log.error({ plugin: p.id, err: p.loadError }, 'platform plug-in routes failed to register');
      }
    },
    { prefix: p.manifest.prefix },
  );
}
