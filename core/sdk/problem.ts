// RFC 9457 problem details: every error a client sees, in one shape.
import type { FastifyReply } from 'fastify';

export interface InvalidParam {
  name: string;
  reason: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }

  toJSON(instance?: string): Record<string, unknown> {
    // Extension members first: they never override the standard ones (RFC 9457: status is the HTTP status).
    return {
      ...this.extra,
      type: `https://catalogue.rcpch.invalid/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
    };
  }
}

export const badRequest = (detail: string, invalid_params?: InvalidParam[]) =>
  new Problem(400, 'Bad request', detail, invalid_params ? { invalid_params } : {});
export const notFound = (detail: string) => new Problem(404, 'Not found', detail);
/** 503: a dataset answers nothing before its first import (`detail` says what waits for it). */
export const notImported = (dataset: string, detail = `${dataset} has no edition yet; its import status is at /catalogue/${dataset}`, extra: Record<string, unknown> = { dataset }) =>
  new Problem(503, 'Dataset not imported yet', detail, extra);

export function sendProblem(reply: FastifyReply, problem: Problem, instance?: string): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .serializer((p: unknown) => JSON.stringify(p))
    .send(problem.toJSON(instance));
}

/** OpenAPI description of a problem answer, reused by every route schema. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    invalid_params: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'string' } } } },
  },
  additionalProperties: true,
} as const;
