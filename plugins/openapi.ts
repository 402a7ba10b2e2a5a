// OpenAPI 3 document at /openapi.json and an interactive page at /docs, both from route schemas.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { problemSchema } from '../core/sdk/problem.ts';

/** A problem answer, documented in the media type it is sent in (RFC 9457). */
const problemAnswer = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } });

// Answers any operation may give, documented on each: a client error (bad input, not found, too
// large, too many requests) and 503 (the database or the dataset not available yet, Retry-After).
const COMMON_RESPONSES: Record<string, unknown> = {
  '4xx': problemAnswer('Client error (problem details)'),
  503: problemAnswer('Unavailable for now: the database or the dataset; see Retry-After'),
};

const isProblemRef = (answer: unknown): answer is { $ref: string; description?: string } => (answer as { $ref?: unknown } | null)?.$ref === 'Problem#';

export default fp(async function openapi(app: FastifyInstance, opts: { title: string; description: string; tags?: { name: string; description: string }[] }) {
  app.addSchema(problemSchema);
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (!schema || schema.hide) return;
    const response = (schema.response ??= {});
    // An answer with no schema of its own is still documented (as swagger would without the errors added here).
    if (!Object.keys(response).some((s) => s.startsWith('2'))) response[200] = { description: 'Default Response' };
    for (const [status, answer] of Object.entries(COMMON_RESPONSES)) if (!(status in response)) response[status] = answer;
    // A route's own problem answers ({$ref: 'Problem#'}) as application/problem+json, the type they are sent in.
    for (const [status, answer] of Object.entries(response)) if (isProblemRef(answer)) response[status] = problemAnswer(answer.description ?? 'Problem details (RFC 9457)');
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: opts.title, description: opts.description, version: '1' },
      tags: [{ name: 'catalogue', description: 'What datasets exist, their editions and imports' }, ...(opts.tags ?? [])],
      // The admin routes name it (security: [{ bearer: [] }]); undeclared, the document cannot be built.
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'CATALOGUE_ADMIN_TOKEN' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
