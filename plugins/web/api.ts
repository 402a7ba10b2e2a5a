// The pages read the datasets through their public JSON API (an in-process request to the
// documented route), so that a page shows exactly what the API answers and knows no dataset's
// code. The request carries the visitor's address (rate limits apply per visitor, not to the
// server) and host (links in answers point where the visitor is).
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

/** The problem+json detail of a failed answer, for a page to show. */
export interface ProblemBody {
  title?: string;
  detail?: string;
  status?: number;
  invalid_params?: { name: string; reason: string }[];
}

export type Api = <T = Record<string, unknown>>(url: string, init?: { method?: 'GET' | 'POST'; body?: unknown; accept?: string }) => Promise<ApiAnswer<T>>;

export function apiFor(app: FastifyInstance, request: FastifyRequest): Api {
  return async <T>(url: string, init: { method?: 'GET' | 'POST'; body?: unknown; accept?: string } = {}) => {
    const res = await app.inject({
      method: init.method ?? 'GET',
      url,
      remoteAddress: request.ip,
      headers: {
        accept: init.accept ?? 'application/json',
        host: request.host,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { payload: JSON.stringify(init.body) }),
    });
    const type = String(res.headers['content-type'] ?? '');
    const body = (/json/.test(type) ? res.json() : {}) as T;
    return { status: res.statusCode, body, headers: res.headers, text: res.body };
  };
}

/** Query string of the non-empty values (a form leaves fields empty: they mean "any"). */
export function queryString(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && String(v).trim() !== '') q.set(k, String(v).trim());
  const s = q.toString();
  return s ? `?${s}` : '';
}
