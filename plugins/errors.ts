// Every error is application/problem+json, Fastify's own included (bad URL encoding, a path
// parameter too long, a malformed request line or headers too large on the socket); bad input is a
// 4xx with the offending parameters, never a 500; an unreachable database is a 503 with Retry-After.
// No request value is echoed into a log line (it may carry a patient's postcode): errors reach the
// log through the logger's redacting serializer (core/redact.ts).
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Problem, sendProblem, type InvalidParam } from '../core/sdk/problem.ts';
import { databaseFault } from '../core/db/faults.ts';
import { redactText } from '../core/redact.ts';

/** "Payload Too Large" → "Payload too large", "URI Too Long" → "URI too long": the title style of every problem. */
export const statusTitle = (status: number) =>
  (STATUS_CODES[status] ?? 'Error')
    .split(' ')
    .map((w, i) => (i === 0 || (w.length > 1 && w === w.toUpperCase()) ? w : w.toLowerCase()))
    .join(' ');

/** Seconds a client should wait before retrying a 503, by cause. */
const RETRY_AFTER = { database: 5, timeout: 5, other: 30 };

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

/** The problem a client gets for an error, and the Retry-After of a 503. */
export function problemFor(err: FastifyError, request: FastifyRequest): { problem: Problem; retryAfter?: number } {
  if (err instanceof Problem) {
    const own = err.extra.retry_after;
    return { problem: err, retryAfter: err.status !== 503 ? undefined : typeof own === 'number' ? own : RETRY_AFTER.other };
  }
  if (err.validation) return { problem: validationProblem(err) };
  const fault = databaseFault(err);
  if (fault === 'unavailable') {
    request.log.warn({ err }, 'database unavailable');
    return { problem: new Problem(503, 'Database unavailable', 'the database cannot be reached just now; retry shortly'), retryAfter: RETRY_AFTER.database };
  }
  if (fault === 'timeout') {
    if (request.raw.destroyed) request.log.info({ code: '57014' }, 'the client left: its queries were cancelled');
    else request.log.warn({ err }, 'query cancelled: past the statement time limit');
    return { problem: new Problem(503, 'Query timeout', 'the query took longer than the time limit; narrow it (filters, a smaller limit) or retry later'), retryAfter: RETRY_AFTER.timeout };
  }
  if (fault === 'bad-value') {
    request.log.warn({ err }, 'a request value was refused by the database');
    return { problem: new Problem(400, 'Bad request', 'a value in the request is out of range or malformed for the field it is compared with') };
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return { problem: new Problem(status, statusTitle(status), redactText(err.message)) };
  if (status === 503) return { problem: new Problem(503, 'Service unavailable', 'the server is under pressure; retry shortly'), retryAfter: RETRY_AFTER.other };
  request.log.error({ err }, 'unhandled error');
  return { problem: new Problem(500, 'Internal error', 'the server failed to answer; the error has been logged') };
}

function sendError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { problem, retryAfter } = problemFor(err, request);
  if (retryAfter !== undefined && !reply.hasHeader('retry-after')) reply.header('retry-after', String(retryAfter));
  return sendProblem(reply, problem, request.routeOptions?.url);
}

/** Fastify's router errors (frameworkErrors): a path that is not valid URL encoding, a parameter too long. Never echoes the path. */
export function frameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : err.code === 'FST_ERR_BAD_URL' ? 400 : (err.statusCode ?? 500);
  const detail =
    err.code === 'FST_ERR_BAD_URL' ? 'the path is not valid URL encoding (a % must be followed by two hexadecimal digits)'
    : err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path segment is longer than any value this API accepts'
    : 'the request could not be routed';
  return sendProblem(reply, new Problem(status, statusTitle(status), detail));
}

/** Errors on the socket before a request exists (malformed request line, headers too large, timeout). */
export function clientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_URI_TOO_LONG' ? 414 : 400;
  const detail =
    status === 431 ? 'the request headers are larger than this server accepts (16 KB)'
    : status === 408 ? 'the request was not received in time'
    : status === 414 ? 'the request URL is longer than this server accepts'
    : 'the request is not valid HTTP';
  const body = JSON.stringify(new Problem(status, statusTitle(status), detail).toJSON());
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new Problem(404, 'Not found', `no route ${request.method} for this path (see /openapi.json)`)),
  );
});
