// One postcode (lookup, validation, terminated), a random postcode, an outward code.
import type { FastifyInstance } from 'fastify';
import type { PluginContext, PostcodeServices } from '../../core/contract.ts';
import { directoryOf, lookupOne } from './directory.ts';
import { MESSAGES, notFound } from './errors.ts';
import { outcodeJson, postcodeJson, terminatedJson } from './postcode-json.ts';
import { errors, outcodeParams, postcodeParams, randomQuery, results } from './schemas.ts';

/** Answers that depend only on the URL and the directory's edition: kept in memory until it changes (core's keepAnswers). */
const KEPT = { keepAnswers: true };

export function postcodeRoutes(app: FastifyInstance, ctx: PluginContext): void {
  const isValid = (input: string) => ctx.service<PostcodeServices>('postcodes').normalise(input) !== null;

  app.get(
    '/postcodes/:postcode',
    {
      config: KEPT,
      schema: {
        summary: 'Look up a postcode',
        description:
          'postcodes.io `GET /postcodes/{postcode}`: any case, with or without the space. 404 "Invalid postcode" when it is not a postcode, 404 "Postcode not found" when the directory has no live postcode of that name (with `terminated` when it was terminated).',
        params: postcodeParams,
        response: { 200: results.postcode, ...errors },
      },
    },
    async (request, reply) => {
      if (await ctx.cacheFor(request, reply)) return reply;
      const { postcode: input } = request.params as { postcode: string };
      if (!isValid(input)) throw notFound(MESSAGES.invalidPostcode);
      const { dir, found } = await lookupOne(ctx, input);
      if (found.status === 'found') return { status: 200, result: postcodeJson(found.record!, dir.names) };
      throw notFound(MESSAGES.postcodeNotFound, found.status === 'terminated' ? { terminated: terminatedJson(found.record!) } : {});
    },
  );

  app.get(
    '/postcodes/:postcode/validate',
    {
      config: KEPT,
      schema: {
        summary: 'Validate a postcode',
        description: 'postcodes.io `GET /postcodes/{postcode}/validate`: `result` is true when the directory has this live postcode, false otherwise (never an error).',
        params: postcodeParams,
        response: { 200: results.validate, ...errors },
      },
    },
    async (request, reply) => {
      if (await ctx.cacheFor(request, reply)) return reply;
      const { postcode: input } = request.params as { postcode: string };
      if (!isValid(input)) return { status: 200, result: false };
      const { found } = await lookupOne(ctx, input);
      return { status: 200, result: found.status === 'found' };
    },
  );

  app.get(
    '/terminated_postcodes/:postcode',
    {
      config: KEPT,
      schema: {
        summary: 'Look up a terminated postcode',
        description:
          'postcodes.io `GET /terminated_postcodes/{postcode}`: `postcode`, `year_terminated`, `month_terminated`, `longitude`, `latitude`. 404 "Invalid postcode", or 404 "Terminated postcode not found" for a live or unknown postcode.',
        params: postcodeParams,
        response: { 200: results.terminated, ...errors },
      },
    },
    async (request, reply) => {
      if (await ctx.cacheFor(request, reply)) return reply;
      const { postcode: input } = request.params as { postcode: string };
      if (!isValid(input)) throw notFound(MESSAGES.invalidPostcode);
      const { found } = await lookupOne(ctx, input);
      if (found.status !== 'terminated') throw notFound(MESSAGES.terminatedNotFound);
      return { status: 200, result: terminatedJson(found.record!) };
    },
  );

  app.get(
    '/random/postcodes',
    {
      schema: {
        summary: 'A random postcode',
        description: 'postcodes.io `GET /random/postcodes`: a live postcode drawn at random, from `outcode` when given; `result` null when that outward code has no live postcode.',
        querystring: randomQuery,
        response: { 200: results.random, ...errors },
      },
    },
    async (request) => {
      const { outcode } = request.query as { outcode?: string };
      const dir = await directoryOf(ctx);
      const record = await dir.postcodes.random(outcode ? outcode : undefined, dir.edition.id);
      return { status: 200, result: record ? postcodeJson(record, dir.names) : null };
    },
  );

  app.get(
    '/outcodes/:outcode',
    {
      config: KEPT,
      schema: {
        summary: 'Look up an outward code',
        description:
          'postcodes.io `GET /outcodes/{outcode}`: the mean position and grid reference of its live postcodes, and the names of the districts, parishes, counties, wards, countries and constituencies they lie in. 404 "Outcode not found" when it has no live postcode.',
        params: outcodeParams,
        response: { 200: results.outcode, ...errors },
      },
    },
    async (request, reply) => {
      if (await ctx.cacheFor(request, reply)) return reply;
      const { outcode } = request.params as { outcode: string };
      const dir = await directoryOf(ctx);
      const summary = await dir.postcodes.outcode(outcode, dir.edition.id);
      if (!summary || summary.live === 0) throw notFound(MESSAGES.outcodeNotFound);
      return { status: 200, result: outcodeJson(summary, dir.names) };
    },
  );
}
