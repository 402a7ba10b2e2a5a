// Every error is application/problem+json; bad input is a 4xx with the offending parameters,
// never a 500, and never echoed into the logs (it may carry a patient's postcode).
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Problem, sendProblem, type InvalidParam } from '../core/sdk/problem.ts';

function validationProblem(err: FastifyError): Problem {
  const where = err.validationContext ?? 'request';
  const params: InvalidParam[] = (err.validation ?? []).map((v) => {
    const p = v.params as Record<string, string>;
    const name = p.additionalProperty ?? p.missingProperty ?? (v.instancePath.replace(/^\//, '').replace(/\//g, '.') || where);
    const reason = p.additionalProperty ? `unknown ${where} parameter` : p.missingProperty ? 'is required' : v.message ?? 'is invalid';
    return { name, reason };
  });
  return new Problem(400, 'Bad request', `invalid ${where}: ${params.map((p) => `${p.name} ${p.reason}`).join('; ')}`, { invalid_params: params });
}

export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let problem: Problem;
    if (err instanceof Problem) problem = err;
    else if (err.validation) problem = validationProblem(err);
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      problem = new Problem(err.statusCode, err.statusCode === 429 ? 'Too many requests' : 'Bad request', err.message);
    else if (err.statusCode === 503) problem = new Problem(503, 'Service unavailable', 'the server is under pressure; retry shortly');
    else {
      request.log.error({ err: { message: err.message, stack: err.stack, code: err.code } }, 'unhandled error');
      problem = new Problem(500, 'Internal error', 'the server failed to answer; the error has been logged');
    }
    if (problem.status === 503) reply.header('retry-after', '30');
    return sendProblem(reply, problem, request.routeOptions?.url);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new Problem(404, 'Not found', `no route ${request.method} ${request.url.split('?')[0]} (see /openapi.json)`)),
  );
});
