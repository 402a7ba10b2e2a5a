// Point in area: which country, region, ICB, health board and borough contain a latitude/longitude
// or a postcode (placed through the postcode directory), answered from the in-memory spatial index.
import type { FastifyInstance } from 'fastify';
import { Problem, badRequest, type DatasetContext, type PostcodeServices } from '../../core/contract.ts';
import { locateWriter, type PostcodePlacement } from './locate-answer.ts';
import { locateQuery, locateResponse, problem } from './route-schemas.ts';
import { sharedIndexes } from './spatial-index.ts';

interface LocateQuery {
  lat?: number;
  lon?: number;
  postcode?: string;
}

/** The point a request names: lat and lon, or a postcode, never both (400 problems otherwise). */
function checkPoint(q: LocateQuery): void {
  if (q.postcode !== undefined && (q.lat !== undefined || q.lon !== undefined))
    throw badRequest('give either postcode or lat and lon, not both', [{ name: 'postcode', reason: 'not with lat/lon' }]);
  if (q.postcode === undefined && (q.lat === undefined || q.lon === undefined)) {
    const missing = (['lat', 'lon'] as const).filter((name) => q[name] === undefined);
    throw badRequest(`give lat and lon (WGS84), or postcode; missing: ${missing.join(', ')}`, missing.map((name) => ({ name, reason: 'is required' })));
  }
}

export function locateRoutes(app: FastifyInstance, ds: DatasetContext): void {
  const indexOf = sharedIndexes(ds.db, ds.tableName('areas'), ds.tableName('sets'));
  const write = locateWriter((edition) => ds.describe(edition));

  /** A postcode's coordinates from the directory, and how it placed them (404/422 problems otherwise). */
  async function placePostcode(input: string, postcodes: PostcodeServices, editionId: number, label: string): Promise<{ point: { lat: number; lon: number }; placement: PostcodePlacement }> {
    const [found] = await postcodes.lookup([input], editionId);
    if (found.status === 'invalid') throw badRequest('postcode is not a valid UK postcode format', [{ name: 'postcode', reason: 'not a valid UK postcode format' }]);
    if (!found.record) throw new Problem(404, 'Not found', `postcode ${found.postcode} is not in the postcode directory (edition ${label})`, { postcode: found.postcode, lookup_status: 'not_found' });
    const r = found.record;
    if (r.lat === null || r.long === null)
      throw new Problem(422, 'Postcode has no coordinates', `postcode ${found.postcode} has no grid reference in the postcode directory, so it cannot be placed in an area`, {
        postcode: found.postcode,
      });
    const placement: PostcodePlacement = {
      postcode: r.pcds,
      status: found.status === 'terminated' ? 'terminated' : 'found',
      postcodes_edition: { id: editionId, label },
      onspd: { ctry: r.ctry, nhser: r.nhser, icb: r.icb, oslaua: r.oslaua },
    };
    return { point: { lat: r.lat, lon: r.long }, placement };
  }

  app.get(
    '/locate',
    {
      schema: {
        summary: 'Which country, NHS England region, ICB, Welsh health board and London borough contain a point or a postcode',
        description:
          'Give `lat` and `lon` (WGS84), or `postcode` (resolved through the postcodes dataset). Answered from an in-memory spatial index (R-tree + point-in-polygon). A point in no area (at sea, outside the UK, or outside the generalised coastline) gives `found: false` and every level null. Areas are from generalised boundaries: near a boundary or the coast, prefer the ONSPD codes of a postcode.',
        tags: [ds.id],
        querystring: locateQuery,
        response: { 200: locateResponse, 400: problem, 404: problem, 422: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const q = request.query as LocateQuery;
      checkPoint(q);
      const edition = await ds.edition(request);
      let point = { lat: q.lat!, lon: q.lon! };
      let placement: PostcodePlacement | undefined;
      if (q.postcode !== undefined) {
        const postcodes = ds.service<PostcodeServices>('postcodes');
        const pe = await postcodes.currentEdition();
        if (!pe) throw new Problem(503, 'Dependency unavailable', 'the postcode directory has no edition yet; see /catalogue/postcodes', { dataset: 'postcodes' });
        // The answer depends on both editions: the ETag names both.
        if (ds.cacheFor(request, reply, edition, pe)) return reply;
        ({ point, placement } = await placePostcode(q.postcode, postcodes, pe.id, pe.label));
      } else if (ds.cacheFor(request, reply, edition)) return reply;
      const areas = (await indexOf(edition.id)).locate(point.lon, point.lat);
      return reply.type('application/json; charset=utf-8').send(write(edition, point.lat, point.lon, areas, placement));
    },
  );
}
