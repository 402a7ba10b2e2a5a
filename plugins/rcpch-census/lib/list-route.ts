// One Census Platform list: a GET route answering a DRF page of the whole list in the platform's
// order, narrowed by its filters (as django-filter reads them: each given filter must match;
// parameters it does not know are ignored, as DRF does).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { drfPage, pageQuery, pageSchema } from './drf-page.ts';

/** A whole list in the platform's order; records are made for the page served only. */
export interface ListSource<E, R> {
  items: readonly E[];
  /** The value a filter compares (its `key`), or undefined when the item has none. */
  value(item: E, key: string): string | undefined;
  record(item: E): R;
}

export interface Filter {
  /** The entry key it compares. */
  key: string;
  /** icontains (the IMD lists' filters) or exact (the districts' filterset fields). */
  match: 'contains' | 'exact';
  description: string;
  /** An integer filter refuses what is not one (400), as django-filter's number filters do. */
  integer?: boolean;
}

export interface ListRouteSpec<E, R> {
  path: string;
  summary: string;
  description: string;
  item: object;
  /** Parameters that choose the list (e.g. year), documented beside paging and filters. */
  query?: Record<string, object>;
  filters?: Record<string, Filter>;
  source(request: FastifyRequest): Promise<ListSource<E, R>>;
}

const matches = (f: Filter, actual: string | undefined, wanted: string) =>
  f.match === 'exact' ? actual === wanted : (actual ?? '').toLowerCase().includes(wanted.toLowerCase());

export function listRoute<E, R>(app: FastifyInstance, spec: ListRouteSpec<E, R>): void {
  const filters = Object.entries(spec.filters ?? {});
  const filterQuery = Object.fromEntries(filters.map(([name, f]) => [name, f.integer ? { type: 'integer', description: f.description } : { type: 'string', maxLength: 200, description: f.description }]));
  app.get(
    spec.path,
    {
      schema: {
        summary: spec.summary,
        description: spec.description,
        querystring: { type: 'object', properties: { ...pageQuery, ...spec.query, ...filterQuery } },
        response: { 200: pageSchema(spec.item) },
      },
    },
    async (request) => {
      const q = request.query as Record<string, unknown>;
      const source = await spec.source(request);
      let items = source.items;
      for (const [name, f] of filters) {
        const wanted = q[name];
        if (wanted !== undefined) items = items.filter((item) => matches(f, source.value(item, f.key), String(wanted)));
      }
      const page = drfPage(request, items);
      return { ...page, results: page.results.map((item) => source.record(item)) };
    },
  );
}
