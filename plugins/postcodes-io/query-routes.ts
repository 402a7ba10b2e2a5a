// Postcodes near a point (GET /postcodes?lon=&lat=, the path forms, near a postcode) and postcodes
// starting with a text (GET /postcodes?q=, autocomplete).
import type { FastifyInstance } from 'fastify';
import type { PluginContext } from '../../core/contract.ts';
import { directoryOf, lookupOne, type Directory } from './directory.ts';
import { invalid, MESSAGES, notFound } from './errors.ts';
import { nearestJson } from './nearest.ts';
import { nearestParams, searchLimit, type NearestInput } from './params.ts';
import { postcodeJson } from './postcode-json.ts';
import { errors, limitQuery, lonLatParams, nearestQuery, postcodeParams, postcodesQuery, results } from './schemas.ts';

type Query = Record<string, string | undefined>;

const search = async (dir: Directory, text: string, limit: unknown) => dir.postcodes.search(text, searchLimit(limit), dir.edition.id);

export function queryRoutes(app: FastifyInstance, ctx: PluginContext): void {
  const nearestTo = async (input: NearestInput) => {
    const params = nearestParams(input);
    return { status: 200, result: await nearestJson(await directoryOf(ctx), params) };
  };

  app.get(
    '/postcodes',
    {
      schema: {
        summary: 'Nearest postcodes to a point, or a postcode search',
        description:
          'postcodes.io `GET /postcodes`: with `lon` and `lat` (or `longitude` and `latitude`), the live postcodes nearest to the point (`radius` default 100 m, at most 2,000; `limit` default 10, at most 100; `widesearch`: within 20 km, at most 10), nearest first with `distance` in metres; otherwise `q` (or `query`): live postcodes starting with it. `result` null when none; 400 "No postcode query submitted…" without either.',
        querystring: postcodesQuery,
        response: { 200: results.postcodes, ...errors },
      },
    },
    async (request) => {
      const q = request.query as Query;
      if (q.latitude && q.longitude) return nearestTo(q);
      if (q.lat && q.lon) return nearestTo({ ...q, latitude: q.lat, longitude: q.lon });
      const text = q.q || q.query;
      if (!text || !text.trim()) throw invalid(MESSAGES.queryRequired);
      const dir = await directoryOf(ctx);
      const found = await search(dir, text, q.limit);
      return { status: 200, result: found.length ? found.map((r) => postcodeJson(r, dir.names)) : null };
    },
  );

  for (const path of ['/postcodes/lon/:longitude/lat/:latitude', '/postcodes/lat/:latitude/lon/:longitude'])
    app.get(
      path,
      {
        schema: {
          summary: 'Nearest postcodes to a point (path form)',
          description: 'postcodes.io reverse geocoding with the point in the path; `limit`, `radius`, `widesearch` as on `GET /postcodes`.',
          params: lonLatParams,
          querystring: nearestQuery,
          response: { 200: results.postcodes, ...errors },
        },
      },
      async (request) => nearestTo({ ...(request.query as Query), ...(request.params as Query) }),
    );

  app.get(
    '/postcodes/:postcode/nearest',
    {
      schema: {
        summary: 'Nearest postcodes to a postcode',
        description: 'postcodes.io `GET /postcodes/{postcode}/nearest`: the live postcodes nearest to it (itself first); `limit`, `radius`, `widesearch` as on `GET /postcodes`. 404 "Postcode not found".',
        params: postcodeParams,
        querystring: nearestQuery,
        response: { 200: results.postcodes, ...errors },
      },
    },
    async (request) => {
      const { postcode } = request.params as { postcode: string };
      const { dir, found } = await lookupOne(ctx, postcode);
      if (found.status !== 'found') throw notFound(MESSAGES.postcodeNotFound);
      const params = nearestParams({ ...(request.query as Query), longitude: found.record!.long ?? '', latitude: found.record!.lat ?? '' });
      return { status: 200, result: await nearestJson(dir, params) };
    },
  );

  app.get(
    '/postcodes/:postcode/autocomplete',
    {
      schema: {
        summary: 'Complete a partial postcode',
        description: 'postcodes.io `GET /postcodes/{postcode}/autocomplete`: up to `limit` (default 10, at most 100) live postcodes starting with the text; `result` null when none.',
        params: postcodeParams,
        querystring: limitQuery,
        response: { 200: results.autocomplete, ...errors },
      },
    },
    async (request) => {
      const { postcode } = request.params as { postcode: string };
      const dir = await directoryOf(ctx);
      const found = await search(dir, postcode, (request.query as Query).limit);
      return { status: 200, result: found.length ? found.map((r) => r.pcds) : null };
    },
  );
}
