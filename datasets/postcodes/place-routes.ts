// Postcodes of a place: those of an outward code (keyset-paged, with its centroid), and those
// nearest to a point (bounded radius and count).
import type { FastifyInstance } from 'fastify';
import { validOutcode } from 'postcode';
import { badRequest, decodeCursor, encodeCursor, nextLink, notFound, type DatasetContext } from '../../core/contract.ts';
import { RECORD_FIELDS } from './lookup.ts';
import { findNearest } from './nearest.ts';
import { outcodeCounts, outcodeOf, outcodeRange } from './outcodes.ts';
import { answerSchemas, nearestQuery, outcodeParams, outcodeQuery, problem } from './route-schemas.ts';
import type { PostcodesRecord } from './types.ts';

export function placeRoutes(app: FastifyInstance, ds: DatasetContext): void {
  const table = ds.tableName('postcodes');
  const answers = answerSchemas(ds.schemas.postcodes);
  const tags = [ds.id];

  app.get(
    '/outcodes/:outcode',
    {
      schema: {
        summary: 'Postcodes of an outward code (e.g. AB10), paginated, with its centroid',
        description:
          'centroid: mean latitude/longitude of the live postcodes with coordinates (of all postcodes with coordinates when none is live). Items in postcode order, `limit` (default 100) a page; follow `next` for more.',
        tags,
        params: outcodeParams,
        querystring: outcodeQuery,
        response: { 200: answers.outcode, 400: problem, 404: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const { outcode: raw } = request.params as { outcode: string };
      const q = request.query as { limit: number; cursor?: string; include_terminated: boolean };
      const outcode = outcodeOf(raw);
      if (!validOutcode(outcode)) throw badRequest(`"${raw.slice(0, 8)}" is not a valid UK outward code`, [{ name: 'outcode', reason: 'not a valid outward code' }]);
      // a cursor holds the last postcode of its page (null: from the start)
      const after = q.cursor === undefined ? null : (decodeCursor(q.cursor, ['string'])[0] as string | null);
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const summary = await outcodeCounts(ds.db, table, edition.id, outcode);
      if (!summary) throw notFound(`outward code ${outcode} has no postcode in the directory (edition ${edition.label})`);
      const [from, to] = outcodeRange(outcode);
      // pcds compares bytewise (COLLATE "C"): an outward code is a range of the primary key.
      let query = ds.db(table)
        .select(RECORD_FIELDS)
        .where({ edition_id: edition.id })
        .where('pcds', '>=', from)
        .where('pcds', '<', to)
        .where({ outcode })
        .orderBy('pcds')
        .limit(q.limit + 1);
      if (!q.include_terminated) query = query.whereNull('doterm');
      if (after !== null) query = query.where('pcds', '>', after);
      const rows = (await query) as PostcodesRecord[];
      const items = rows.slice(0, q.limit);
      const next = rows.length > q.limit ? nextLink(request, reply, encodeCursor([items[items.length - 1].pcds])) : null;
      return {
        ...ds.describe(edition),
        outcode,
        total: q.include_terminated ? summary.total : summary.live,
        live: summary.live,
        terminated: summary.terminated,
        centroid: summary.centroid,
        limit: q.limit,
        next,
        items,
      };
    },
  );

  app.get(
    '/nearest',
    {
      schema: {
        summary: 'Postcodes nearest to a latitude/longitude (bounded radius and count)',
        description: 'Live postcodes (add include_terminated=true for all) within `radius` metres, nearest first, with their distance in metres.',
        tags,
        querystring: nearestQuery,
        response: { 200: answers.nearest, 400: problem, 404: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const q = request.query as { lat: number; long: number; radius: number; limit: number; include_terminated: boolean };
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const items = await findNearest(ds.db, table, edition.id, q);
      return { ...ds.describe(edition), lat: q.lat, long: q.long, radius: q.radius, count: items.length, items };
    },
  );
}
