// When a client goes away before its answer is complete, the database queries its request still
// runs are cancelled (core/db/cancel.ts): ten abandoned slow searches must not hold the pool.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { cancelRequestQueries, newRequestScope, runInRequestScope } from '../core/db/cancel.ts';

export default fp(async function queryCancel(app: FastifyInstance) {
  // A callback hook: the handler is called from done(), so it runs, with all it awaits, in the scope.
  app.addHook('preHandler', (request, reply, done) => {
    const scope = newRequestScope();
    reply.raw.once('close', () => {
      if (reply.raw.writableFinished) return;
      void cancelRequestQueries(scope).then((n) => n > 0 && request.log.info({ cancelled: n }, 'client left before its answer: queries cancelled'));
    });
    runInRequestScope(scope, done);
  });
});
