// The two routes by postcode: /index_of_multiple_deprivation_quantile (the one call Epilepsy12 and
// the NPDA make: they read result.data_quantile) and /indices_of_multiple_deprivation (the nation's
// index record of the postcode's small area).
import type { FastifyInstance } from 'fastify';
import { Problem, indices, type Nation, type PluginContext } from '../../../core/contract.ts';
import type { IndexEditions } from '../lib/indices.ts';
import { COUNTRY, answerPostcode } from '../lib/postcode-answer.ts';
import { QUANTILE_NAMES } from '../lib/quantile-names.ts';
import { englishRecord } from '../lib/records/england.ts';
import { welshRecord } from '../lib/records/wales.ts';
import { scottishRecord } from '../lib/records/scotland.ts';
import { northernIrishRecord } from '../lib/records/northern-ireland.ts';
import type { QuantileAnswerRecord } from '../types.ts';
import quantileAnswer from '../schemas/quantile-answer.json' with { type: 'json' };
import english from '../schemas/english-imd.json' with { type: 'json' };
import welsh from '../schemas/welsh-imd.json' with { type: 'json' };
import scottish from '../schemas/scottish-imd.json' with { type: 'json' };
import northernIrish from '../schemas/northern-ireland-imd.json' with { type: 'json' };

const postcode = { type: 'string', maxLength: 32, description: 'Postcode, any case, with or without its space (WC1X 8SH, wc1x8sh)' };
const year = {
  type: 'integer',
  description: `Index edition year. England: 2019 (IoD2019 through LSOA 2011; the default) or 2025 (IoD2025 through LSOA 2021). Wales: 2019 (WIMD 2019). Scotland and Northern Ireland have one index each (SIMD 2020v2, NIMDM 2017), used whatever the year. A year no loaded edition of the postcode's nation has is a 400 naming those loaded.`,
};
const ERRORS =
  'Errors (problem+json with `detail`): no postcode, an invalid postcode, a missing or unknown quantile, an unknown year, a postcode outside the four UK indices (Channel Islands, Isle of Man) → 400; a postcode not in the directory, or with no small area in the edition → 404; a terminated postcode → 410.';

const RECORDS: Record<Nation, typeof englishRecord | typeof welshRecord | typeof scottishRecord | typeof northernIrishRecord> = {
  England: englishRecord,
  Wales: welshRecord,
  Scotland: scottishRecord,
  'Northern Ireland': northernIrishRecord,
};

export function postcodeRoutes(app: FastifyInstance, ctx: PluginContext, editions: IndexEditions): void {
  app.get(
    '/index_of_multiple_deprivation_quantile',
    {
      // the same patients' postcodes are asked for again and again: answers kept until an edition changes
      config: { keepAnswers: true },
      schema: {
        summary: 'The deprivation quantile of a postcode (Census Platform compatible)',
        description: `The rank of the postcode's small area in its nation's index and its quantile of the size asked for (1 = most deprived), by the publisher's rule (published values where the publisher gives that size). ${ERRORS}`,
        querystring: {
          type: 'object',
          required: ['postcode', 'quantile'],
          properties: {
            postcode,
            quantile: { type: 'integer', minimum: indices.MIN_QUANTILE, maximum: indices.MAX_QUANTILE, description: 'Quantile size, 2 to 20 (5 = quintiles, 10 = deciles)' },
            year,
          },
        },
        response: { 200: quantileAnswer },
      },
    },
    async (request): Promise<QuantileAnswerRecord> => {
      const q = request.query as { postcode: string; quantile: number; year?: number };
      const { deprivation: d } = await answerPostcode(ctx, editions, q.postcode, q.year, q.quantile);
      if (!d.quantile) throw new Problem(500, 'Internal error', 'the deprivation service gave no quantile');
      return {
        result: {
          rank: d.rank,
          requested_quantile: q.quantile,
          requested_quantile_name: QUANTILE_NAMES[q.quantile],
          data_quantile: d.quantile.value,
          country: COUNTRY[d.nation] as QuantileAnswerRecord['result']['country'],
          error: null,
          index_edition: d.index_edition,
        },
      };
    },
  );

  app.get(
    '/indices_of_multiple_deprivation',
    {
      config: { keepAnswers: true },
      schema: {
        summary: "The nation's index record of a postcode's small area (Census Platform compatible)",
        description: `One object with the fields of the postcode's nation (England: IMD, domain, sub-domain, IDACI and IDAOPI scores, ranks and deciles; Wales: ranks, quartiles, quintiles, deciles and scores; Scotland and Northern Ireland: the index and domain ranks), and \`type\` naming the nation. ${ERRORS}`,
        querystring: { type: 'object', required: ['postcode'], properties: { postcode, year } },
        response: { 200: { anyOf: [english, welsh, scottish, northernIrish] } },
      },
    },
    async (request) => {
      const q = request.query as { postcode: string; year?: number };
      const { deprivation: d } = await answerPostcode(ctx, editions, q.postcode, q.year);
      const edition = editions.byLabel(d.index_edition);
      const snap = edition ? await edition.services.snapshot(d.edition.id) : null;
      const row = snap?.byCode.get(d.area.code);
      if (!edition || !snap || !row) throw new Problem(503, 'Index not available', `${d.index_edition} is not registered with this adapter`, { retry_after: 60 });
      return RECORDS[d.nation](row, edition, snap.areas);
    },
  );
}
