// postcodes.io's errors: {"status": <HTTP status>, "error": "<its message>"} as application/json,
// with its messages and statuses (an invalid postcode is a 404 there, and clients test for it).
// Every other error this service raises on these routes (validation, a body that is not JSON, the
// database or dataset not ready, too many requests) is answered in the same shape.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BULK, problemFor } from '../../core/contract.ts';

/** Locations per bulk reverse-geocoding request (postcodes.io's limit: each is a search). */
export const MAX_GEOLOCATIONS = 100;

const JSON_HELP = 'You need to submit a JSON object with an array of postcodes or geolocation objects.\nAlso ensure that Content-Type is set to application/json\n';

/** postcodes.io's messages, by its error names. */
export const MESSAGES = {
  invalidJson: `Invalid JSON submitted.\n${JSON_HELP}`,
  invalidJsonQuery: `Invalid JSON query submitted. \n${JSON_HELP}`,
  jsonArrayRequired: 'Invalid data submitted. You need to provide a JSON array',
  tooManyPostcodes: `Too many postcodes submitted. Up to ${MAX_BULK} postcodes can be bulk requested at a time`,
  tooManyLocations: `Too many locations submitted. Up to ${MAX_GEOLOCATIONS} locations can be bulk requested at a time`,
  queryRequired: 'No postcode query submitted. Remember to include query parameter',
  invalidGeolocation: 'Invalid longitude/latitude submitted',
  invalidLimit: 'Invalid result limit submitted',
  invalidRadius: 'Invalid lookup radius submitted',
  invalidPostcode: 'Invalid postcode',
  postcodeNotFound: 'Postcode not found',
  terminatedNotFound: 'Terminated postcode not found',
  outcodeNotFound: 'Outcode not found',
  notFound: 'Resource not found',
} as const;

export class PostcodesIoError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PostcodesIoError';
  }
}

export const invalid = (message: string) => new PostcodesIoError(400, message);
export const notFound = (message: string, extra?: Record<string, unknown>) => new PostcodesIoError(404, message, extra);

/** The documented shape of every error of these routes. */
export const errorSchema = {
  type: 'object',
  description: "postcodes.io's error: the HTTP status and a message",
  required: ['status', 'error'],
  properties: {
    status: { type: 'integer' },
    error: { type: 'string' },
    terminated: {
      type: 'object',
      description: 'GET /postcodes/{postcode} of a terminated postcode: when it was terminated and where it was',
      properties: {
        postcode: { type: 'string' },
        year_terminated: { type: 'integer' },
        month_terminated: { type: 'integer' },
        longitude: { type: ['number', 'null'] },
        latitude: { type: ['number', 'null'] },
      },
    },
  },
} as const;

function send(reply: FastifyReply, status: number, error: string, extra: Record<string, unknown> = {}) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .serializer((body: unknown) => JSON.stringify(body))
    .send({ status, error, ...extra });
}

/** Fastify's own errors for a request body, as postcodes.io answers them (its JSON parser, or no body at all). */
const BODY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: MESSAGES.invalidJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: MESSAGES.invalidJson,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: MESSAGES.invalidJsonQuery,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: MESSAGES.invalidJson,
};

/** Every error and unknown path under the plug-in's prefix answered in postcodes.io's shape. */
export function postcodesIoErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof PostcodesIoError) return send(reply, err.status, err.message, err.extra);
    if (err.code && err.code in BODY_ERRORS) return send(reply, 400, BODY_ERRORS[err.code]);
    const { problem, retryAfter } = problemFor(err, request);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return send(reply, problem.status, problem.detail ?? problem.title);
  });
  app.setNotFoundHandler((_request, reply) => send(reply, 404, MESSAGES.notFound));
}
