// POST /admin/imports/{id}: queue an import as a background job (Bearer CATALOGUE_ADMIN_TOKEN).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.ts';
import { requireAdmin } from '../../plugins/admin-auth.ts';
import { notFound } from '../sdk/problem.ts';
import { enqueueImport } from '../worker.ts';

export async function adminRoutes(app: FastifyInstance, opts: { platform: Platform; token: string }) {
  app.addHook('onRequest', requireAdmin(opts.token));
  app.post(
    '/admin/imports/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Queue an import of a dataset from its sources (admin)',
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        response: { 202: { type: 'object', properties: { dataset: { type: 'string' }, run: { type: 'integer' }, status: { type: 'string' }, progress: { type: 'string' } } } },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!opts.platform.dataset(id)) throw notFound(`no dataset "${id}" in this catalogue`);
      const run = await enqueueImport(opts.platform, id, 'api');
      const progress = `/catalogue/${id}/imports/${run}`;
      return reply.code(202).header('location', progress).send({ dataset: id, run, status: 'queued', progress });
    },
  );
}
