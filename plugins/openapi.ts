// OpenAPI 3 document at /openapi.json and an interactive page at /docs, both from route schemas.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { problemSchema } from '../core/sdk/problem.ts';

export default fp(async function openapi(app: FastifyInstance, opts: { title: string; description: string; tags?: { name: string; description: string }[] }) {
  app.addSchema(problemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: opts.title, description: opts.description, version: '1' },
      tags: [{ name: 'catalogue', description: 'What datasets exist, their editions and imports' }, ...(opts.tags ?? [])],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
