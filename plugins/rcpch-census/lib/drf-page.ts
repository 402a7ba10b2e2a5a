// Page-number pagination as Django REST Framework's PageNumberPagination answers (the Census
// Platform's lists): {count, next, previous, results}, `page` (a number from 1, or `last`), next and
// previous as absolute URLs with the query's other parameters kept, and an out-of-range page a 404
// "Invalid page.". The Census Platform's page size was 10 and fixed; `page_size` (up to 1,000) is
// accepted here too. A page or page size that is not a number is a 400 (DRF answered 404, or
// ignored the size).
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../../core/contract.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 1000;

export const pageQuery = {
  page: { type: 'string', pattern: '^([0-9]{1,15}|last)$', description: 'Page number, from 1 (or `last`); a page beyond the last is a 404' },
  page_size: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, description: `Items per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE})` },
} as const;

export interface DrfPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The response schema of a page of items of this schema. */
export const pageSchema = (item: object) => ({
  type: 'object',
  additionalProperties: false,
  required: ['count', 'next', 'previous', 'results'],
  properties: {
    count: { type: 'integer', description: 'Items in the whole list' },
    next: { type: ['string', 'null'], description: 'URL of the next page, null on the last' },
    previous: { type: ['string', 'null'], description: 'URL of the previous page, null on the first' },
    results: { type: 'array', items: item },
  },
});

/** This request's absolute URL with `page` set (or removed, for page 1, as DRF does); the other parameters sorted by name. */
function pageLink(request: FastifyRequest, page: number): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const params = [...url.searchParams].filter(([k]) => k !== 'page');
  if (page > 1) params.push(['page', String(page)]);
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

export function drfPage<T>(request: FastifyRequest, items: readonly T[]): DrfPage<T> {
  const q = request.query as { page?: string; page_size?: number };
  const size = q.page_size ?? DEFAULT_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = q.page === undefined ? 1 : q.page === 'last' ? pages : Number(q.page);
  if (!(page >= 1 && page <= pages)) throw notFound('Invalid page.');
  return {
    count: items.length,
    next: page < pages ? pageLink(request, page + 1) : null,
    previous: page > 1 ? pageLink(request, page - 1) : null,
    results: items.slice((page - 1) * size, page * size),
  };
}
