// The nearest organisations to a point, or to a postcode found through the postcodes dataset.
import type { FastifyInstance } from 'fastify';
import { Problem, badRequest, haversineKm, latitude, longitude, notFound, pageSize, type PostcodeServices } from '../../../core/contract.ts';
import { organisationSchema } from '../shapes.ts';
import { filterOrgs, filterProps, fieldsProp, pickFields, project, type Query } from './filters.ts';
import { AS_OF_QUERY, snapshotAnswer, type Kit } from './kit.ts';

interface Origin {
  lat: number;
  long: number;
  postcode: string | null;
  postcode_status: string | null;
}

async function originOf(kit: Kit, q: Query): Promise<Origin> {
  const hasPoint = q.lat !== undefined || q.long !== undefined;
  if (hasPoint && q.postcode !== undefined) throw badRequest('give either lat and long, or postcode', [{ name: 'postcode', reason: 'conflicts with lat/long' }]);
  if (!hasPoint && q.postcode === undefined) throw badRequest('give lat and long, or postcode', [{ name: 'lat', reason: 'required without postcode' }]);
  if (hasPoint && (q.lat === undefined || q.long === undefined)) throw badRequest('lat and long go together', [{ name: q.lat === undefined ? 'lat' : 'long', reason: 'required with the other' }]);
  if (q.postcode === undefined) return { lat: Number(q.lat), long: Number(q.long), postcode: null, postcode_status: null };
  const invalid = () => badRequest('postcode is not a valid UK postcode', [{ name: 'postcode', reason: 'invalid postcode' }]);
  const pc = kit.ds.service<PostcodeServices>('postcodes');
  if (pc.normalise(String(q.postcode)) === null) throw invalid();
  const [found] = await pc.lookup([String(q.postcode)]);
  if (found.status === 'invalid') throw invalid();
  if (found.status === 'not_found' || !found.record) throw notFound(`postcode ${found.postcode} is not in the postcode directory`);
  if (found.record.lat === null || found.record.long === null)
    throw new Problem(422, 'Unprocessable postcode', `postcode ${found.postcode} has no coordinates in the postcode directory`, { postcode_status: found.status });
  return { lat: found.record.lat, long: found.record.long, postcode: found.postcode, postcode_status: found.status };
}

export function nearestRoutes(app: FastifyInstance, kit: Kit): void {
  app.get(
    '/nearest',
    {
      schema: {
        summary: 'Nearest organisations to a latitude/longitude or a postcode (postcode directory), with distances in km; optionally within a PDU, network or other structure',
        tags: kit.tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lat: latitude(),
            long: longitude(),
            postcode: { type: 'string', minLength: 1, maxLength: 16, description: 'UK postcode (looked up in the postcodes dataset)' },
            limit: pageSize(100, 5),
            max_km: { type: 'number', exclusiveMinimum: 0, description: 'Only organisations within this distance' },
            ...AS_OF_QUERY.properties,
            ...filterProps,
            ...fieldsProp,
          },
        },
        response: {
          200: snapshotAnswer({
            origin: {
              type: 'object',
              properties: { lat: { type: 'number' }, long: { type: 'number' }, postcode: { type: ['string', 'null'] }, postcode_status: { type: ['string', 'null'] } },
            },
            items: { type: 'array', items: { type: 'object', properties: { distance_km: { type: 'number' }, organisation: organisationSchema } } },
          }),
        },
      },
    },
    async (request, reply) => {
      const q = request.query as Query;
      const fields = pickFields(q);
      const origin = await originOf(kit, q);
      const snap = await kit.open(request, reply);
      if (!snap) return reply;
      const limit = Number(q.limit);
      const maxKm = typeof q.max_km === 'number' ? q.max_km : Infinity;
      const items = filterOrgs(snap, q)
        .filter((r) => r.latitude !== null && r.longitude !== null)
        .map((r) => ({ r, d: haversineKm(origin.lat, origin.long, r.latitude!, r.longitude!) }))
        .filter((x) => x.d <= maxKm)
        .sort((a, b) => a.d - b.d || a.r.ods_code.localeCompare(b.r.ods_code))
        .slice(0, limit)
        .map((x) => ({ distance_km: Math.round(x.d * 1000) / 1000, organisation: project(snap.nested(x.r.ods_code)!, fields) }));
      return { ...kit.meta(snap), origin, items };
    },
  );
}
