// The calls as Epilepsy12 and the NPDA send them: the URL built by string formatting from the
// postcode as entered (python-requests and httpx send its space as %20), one of the API gateway's
// key headers, no redirect followed.
import type { FastifyInstance } from 'fastify';

export const PREFIX = '/deprivation/v1';

/** The key headers the clients (and the gateway) send: accepted and ignored. */
export const KEY_HEADERS: Record<string, string>[] = [
  { 'subscription-key': 'e12-subscription-key' },
  { 'ocp-apim-subscription-key': 'npda-subscription-key' },
  { authorization: 'Token 0123456789abcdef' },
];

/** A postcode in a query string as the clients' HTTP libraries write it. */
export const asSent = (postcode: string) => postcode.replace(/ /g, '%20');

export async function get(app: FastifyInstance, pathAndQuery: string, headers: Record<string, string> = KEY_HEADERS[0]) {
  return app.inject({ method: 'GET', url: `${PREFIX}${pathAndQuery}`, headers });
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
}
