// The local authority districts around a point: those with live postcodes within the radius
// (from the postcode directory, the districts named from the ONS names), ordered by name
// descending as the original lists them.
import type { FastifyInstance } from 'fastify';
import { latitude, longitude, type PluginContext, type PostcodeServices } from '../../core/contract.ts';
import { byName } from './filters.ts';
import { many, one, problem } from './schemas.ts';
import type { District } from './types.ts';

/** Beyond this a look-up would scan a large part of the directory. */
export const MAX_RADIUS = 100_000;

export function districtRoute(app: FastifyInstance, ctx: PluginContext): void {
  app.get(
    '/local_authority_districts/within_radius',
    {
      schema: {
        summary: 'Local authority districts having postcodes within a radius of a point',
        description: `long, lat (WGS84) and radius (metres, at most ${MAX_RADIUS}) are required. A district counts when one of its live postcodes lies within the radius.`,
        querystring: {
          type: 'object',
          required: ['long', 'lat', 'radius'],
          properties: {
            long: longitude('Longitude of the centre (WGS84)'),
            lat: latitude('Latitude of the centre (WGS84)'),
            radius: { type: 'number', minimum: 0, maximum: MAX_RADIUS, description: `Radius in metres (at most ${MAX_RADIUS})` },
          },
        },
        response: { 200: many(one('district')), 400: problem },
      },
    },
    async (request) => {
      const q = request.query as { long: number; lat: number; radius: number };
      const districts = await ctx.service<PostcodeServices>('postcodes').districtsWithin(q.lat, q.long, q.radius);
      return byName<District>(districts.map((d) => ({ lad24cd: d.code, lad24nm: d.name })), 'lad24cd', true, 'lad24nm');
    },
  );
}
