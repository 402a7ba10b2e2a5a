// One way to answer a page: the layout's common data, HTML type, status, and caching. Pages that
// show a visitor's postcodes are never cached anywhere (no-store).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemBody } from './api.ts';

export interface PageOptions {
  status?: number;
  /** Answers derived from what the visitor sent (postcodes, files): never stored by a cache. */
  private?: boolean;
  /** Extra stylesheet and script files (served under /web/static/) this page needs. */
  styles?: string[];
  scripts?: string[];
}

const NAV = [
  { href: '/', label: 'Datasets' },
  { href: '/web/deprivation', label: 'Deprivation by postcode' },
  { href: '/web/enrich', label: 'Enrich a file' },
  { href: '/web/organisations', label: 'Organisations' },
  { href: '/web/map', label: 'Map' },
  { href: '/docs', label: 'API documentation' },
];

const numberFormat = new Intl.NumberFormat('en-GB');
export const fmt = {
  number: (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? numberFormat.format(n) : n === null || n === undefined ? '' : String(n)),
  date: (iso: unknown) => (typeof iso === 'string' && iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : ''),
  bytes: (n: unknown) => {
    if (typeof n !== 'number') return '';
    const units = ['bytes', 'KB', 'MB', 'GB'];
    let v = n;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
  },
  json: (v: unknown) => JSON.stringify(v, null, 2),
  cell: (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)),
};

export function page(request: FastifyRequest, reply: FastifyReply, template: string, title: string, data: Record<string, unknown>, options: PageOptions = {}) {
  const path = request.url.split('?')[0];
  const nav = NAV.map((n) => ({ ...n, current: n.href === '/' ? path === '/' || path.startsWith('/web/datasets') : path.startsWith(n.href) }));
  reply
    .code(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', options.private ? 'no-store' : 'no-cache');
  return reply.view(template, { ...data, title, nav, fmt, styles: options.styles ?? [], scripts: options.scripts ?? [] });
}

/** A page saying what went wrong, with the API's own words (problem+json detail and parameters). */
export function problemPage(request: FastifyRequest, reply: FastifyReply, status: number, problem: ProblemBody, options: PageOptions = {}) {
  const title = problem.title ?? (status === 404 ? 'Not found' : status === 503 ? 'Not available yet' : 'Something went wrong');
  return page(request, reply, 'problem', title, { problem, status }, { ...options, status });
}
