// Deprivation by postcode: one (GET) or up to 1,000 (POST), each result with its own status.
import type { FastifyRequest } from 'fastify';
import { MAX_BULK, acceptCsvPostcodes, bulkBodyDescription, bulkBodySchema, bulkInputs, Problem, notImported, badRequest, chooseFormat, indices, sendCsv, sendJsonList, type DatasetRoutes, type EditionInfo } from '../../core/contract.ts';
import { createDeprivationService } from './lib/service.ts';
import { composeOne } from './lib/compose.ts';
import { bulkResponse, singleResponse } from './lib/response-schemas.ts';
import { CSV_COLUMNS, csvRow } from './lib/csv.ts';
import { resultJson } from './lib/results-json.ts';

const problem = { $ref: 'Problem#' };

const { MIN_QUANTILE, MAX_QUANTILE } = indices;

const routes: DatasetRoutes = (app, ds) => {
  acceptCsvPostcodes(app);
  ds.serveTable('indices', { summary: 'Index editions the by-postcode service composes, with their join and quantile rules' });
  const service = createDeprivationService(ds);
  const tags = [ds.id];

  const labels = service.registry.national.map((d) => d.label);
  const commonQuery = {
    quantile: {
      type: 'integer',
      minimum: MIN_QUANTILE,
      maximum: MAX_QUANTILE,
      description: `Also return the quantile of this size (${MIN_QUANTILE}..${MAX_QUANTILE}; 10 = decile), published where the publisher gives it, else computed by the publisher's rule.`,
    },
    edition: {
      type: 'string',
      maxLength: 200,
      description:
        `Index edition(s) to use, comma-separated, at most one per nation (${labels.join(', ') || 'none registered'}); nations not named use their default. See /v1/deprivation/indices.`,
    },
  };

  /** The deprivation edition (the recorded registry of indices), which every answer names. */
  const ownEdition = async () => {
    const e = await ds.currentEdition();
    if (!e) throw notImported(ds.id, 'deprivation has no edition yet; see /catalogue/deprivation');
    return e;
  };
  const meta = (own: EditionInfo, postcodes: EditionInfo) => ({
    ...ds.describe(own),
    postcodes_edition: { id: postcodes.id, label: postcodes.label, imported_at: postcodes.imported_at },
  });

  app.get(
    '/postcodes/:postcode',
    {
      // the answer depends on the URL and the editions only: kept until the next switch
      config: { keepAnswers: true },
      schema: {
        summary: 'Deprivation of one postcode: its nation\'s index (rank, deciles, domains) and the UK composite',
        description:
          'Statuses: found, terminated (answered for the last small area), outside_indices (Channel Islands, Isle of Man), no_small_area, area_not_in_index, index_not_loaded, index_edition_unavailable, index_absent (200, with a message); an invalid postcode format is a 400 and a postcode not in the directory a 404 (problem+json with lookup_status).',
        tags,
        params: {
          type: 'object',
          additionalProperties: false,
          required: ['postcode'],
          properties: { postcode: { type: 'string', maxLength: 32, description: 'Postcode in any case and spacing' } },
        },
        querystring: { type: 'object', additionalProperties: false, properties: commonQuery },
        response: { 200: singleResponse, 400: problem, 404: problem, 503: problem },
      },
    },
    async (request: FastifyRequest, reply) => {
      const { postcode } = request.params as { postcode: string };
      const q = request.query as { quantile?: number; edition?: string };
      const reg = await ownEdition();
      const plan = await service.plan(q.edition, q.quantile);
      if (ds.cacheFor(request, reply, reg, plan.key)) return reply;
      const [result] = await service.run([postcode], plan);
      if (result.status === 'invalid')
        throw badRequest(`"${postcode.slice(0, 32)}" is not a valid UK postcode format`, [{ name: 'postcode', reason: 'not a valid UK postcode format' }]);
      if (result.status === 'not_found')
        throw new Problem(404, 'Not found', `postcode ${result.postcode} is not in the postcode directory (edition ${plan.postcodes.label})`, {
          postcode: result.postcode,
          lookup_status: 'not_found',
        });
      return { ...meta(reg, plan.postcodes), result };
    },
  );

  app.post(
    '/postcodes',
    {
      schema: {
        summary: `Deprivation of up to ${MAX_BULK} postcodes: one result per input, in order, each with its own status`,
        description:
          `${bulkBodyDescription} Invalid or unknown postcodes do not fail the batch: they get status invalid / not_found. ` +
          `CSV out with ?format=csv or Accept: text/csv: one row per input, columns ${CSV_COLUMNS.join(', ')} (the caveat: ranks and quantiles compare areas within one nation only).`,
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...commonQuery, format: { type: 'string', enum: ['json', 'csv'], description: 'Response format (or Accept: text/csv)' } },
        },
        body: bulkBodySchema,
        response: {
          200: bulkResponse,
          400: problem,
          413: problem,
          503: problem,
        },
      },
    },
    async (request, reply) => {
      const inputs = bulkInputs(request.body);
      const q = request.query as { quantile?: number; edition?: string; format?: string };
      const reg = await ownEdition();
      const plan = await service.plan(q.edition, q.quantile);
      const lookups = await service.lookup(inputs, plan);
      reply.header('cache-control', 'no-store');
      // Every result is composed as it is written, and is garbage at once (a thousand are never held together).
      if (chooseFormat(request) === 'csv') {
        reply.header('x-dataset-edition', `${ds.id}@${reg.label}; postcodes@${plan.postcodes.label}`);
        const rows = function* () {
          for (const l of lookups) yield csvRow(composeOne(l, plan));
        };
        return sendCsv(reply, CSV_COLUMNS, rows(), 'deprivation');
      }
      // Written by hand, each small area's answer serialised once (lib/results-json.ts); the answer is
      // the documented one (test/by-postcode.test.ts validates it against bulkResponse).
      return sendJsonList(reply, JSON.stringify({ ...meta(reg, plan.postcodes), count: lookups.length }), 'results', lookups, (l) => resultJson(composeOne(l, plan)));
    },
  );
};

export default routes;

