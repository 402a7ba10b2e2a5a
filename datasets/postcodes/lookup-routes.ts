// Looking postcodes up: one (the hot path of the service: audit software calls it per patient), or
// up to MAX_BULK at once as JSON or CSV, each answer with the names of its codes.
import type { FastifyInstance } from 'fastify';
import {
  MAX_BULK,
  Problem,
  acceptCsvPostcodes,
  badRequest,
  bulkBodyDescription,
  bulkBodySchema,
  bulkInputs,
  chooseFormat,
  sendCsv,
  sendJsonList,
  type DatasetContext,
} from '../../core/contract.ts';
import { findPostcode, findPostcodes, normalise, RECORD_FIELDS, statusOf, type Found } from './lookup.ts';
import { NAMED_FIELDS, editionNames, namesOf, type Names } from './names.ts';
import { answerSchemas, bulkQuery, editionQuery, postcodeParams, problem } from './route-schemas.ts';

const csvColumns = ['input', 'postcode', 'status', ...RECORD_FIELDS, ...NAMED_FIELDS.map((f) => `${f}_name`)];

function csvRow(f: Found, names: Names): Record<string, unknown> {
  const row: Record<string, unknown> = { input: f.input, postcode: f.postcode, status: f.status, ...(f.row ?? {}) };
  for (const [field, name] of Object.entries(namesOf(names, f.row))) row[`${field}_name`] = name;
  return row;
}

export function lookupRoutes(app: FastifyInstance, ds: DatasetContext): void {
  const table = ds.tableName('postcodes');
  const answers = answerSchemas(ds.schemas.postcodes);
  const { results: _results, ...headProperties } = answers.bulk.properties;
  const bulkHead = { ...answers.bulk, properties: headProperties };
  const namesFor = editionNames(ds.db, ds.tableName('names'));
  const tags = [ds.id];

  app.get(
    '/postcodes/:postcode',
    {
      // the answer depends on the URL and the editions only: kept until the next switch
      config: { keepAnswers: true },
      schema: {
        summary: 'Look up one postcode (any case and spacing)',
        description:
          'Normalises the postcode (e.g. "sw1a1aa" → "SW1A 1AA"). 400 when it is not a UK postcode format, 404 when it is valid but not in the directory. A terminated postcode is returned with status "terminated" and its termination date (doterm).',
        tags,
        params: postcodeParams,
        querystring: editionQuery,
        response: { 200: answers.postcode, 400: problem, 404: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const { postcode: input } = request.params as { postcode: string };
      const postcode = normalise(input);
      if (postcode === null)
        throw badRequest(`"${input.slice(0, 32)}" is not a valid UK postcode format`, [{ name: 'postcode', reason: 'not a valid UK postcode format' }]);
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const row = await findPostcode(ds.db, table, edition.id, postcode);
      if (!row) throw new Problem(404, 'Not found', `postcode ${postcode} is not in the directory (edition ${edition.label})`, { postcode, lookup_status: 'not_found' });
      const names = await namesFor(edition.id);
      const status = statusOf(row);
      return { ...ds.describe(edition), postcode, status, terminated: status === 'terminated', record: row, names: namesOf(names, row) };
    },
  );

  acceptCsvPostcodes(app);
  app.post(
    '/lookup',
    {
      schema: {
        summary: `Look up up to ${MAX_BULK} postcodes at once (JSON or CSV)`,
        description:
          `${bulkBodyDescription} ` +
          'One result per input, in the same order, each with its own status; one bad entry never fails the batch. CSV out with ?format=csv or Accept: text/csv (one row per input, names as <field>_name columns).',
        tags,
        querystring: bulkQuery,
        body: bulkBodySchema,
        response: { 200: answers.bulk, 400: problem, 404: problem, 413: problem, 415: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const inputs = bulkInputs(request.body);
      const edition = await ds.edition(request);
      const found = await findPostcodes(ds.db, table, edition.id, inputs);
      const names = await namesFor(edition.id);
      reply.header('cache-control', 'no-store');
      if (chooseFormat(request) === 'csv') {
        reply.header('x-dataset-edition', `${ds.id}@${edition.label}`);
        return sendCsv(reply, csvColumns, found.map((f) => csvRow(f, names)), 'postcodes');
      }
      // streamed as each result is serialised by its documented schema (the bytes of the whole answer's serialiser)
      const head = reply.compileSerializationSchema(bulkHead)({ ...ds.describe(edition), count: found.length });
      const result = reply.compileSerializationSchema(answers.result);
      return sendJsonList(reply, head, 'results', found, (f) => result({ input: f.input, postcode: f.postcode, status: f.status, record: f.row, names: namesOf(names, f.row) }));
    },
  );
}
