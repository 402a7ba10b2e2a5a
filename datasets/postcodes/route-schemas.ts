// The documented shapes of the postcode routes (as in /openapi.json): parameters, and answers built
// around the record schema of schemas/postcodes.json. Every answer is serialised through them.
import { MAX_BULK, latitude, longitude, metaProperties, pageSize, radiusMetres, responseRecordSchema } from '../../core/contract.ts';

export const problem = { $ref: 'Problem#' };
const editionParam = { type: 'string', description: 'Edition id or label; default: the current edition.' } as const;

export const statusSchema = {
  type: 'string',
  enum: ['found', 'terminated', 'not_found', 'invalid'],
  description: 'found; terminated (found, with a termination date); not_found (valid format, not in the directory); invalid (not a UK postcode format)',
} as const;

const namesSchema = {
  type: 'object',
  description: 'Names of the codes in the record, by field (from the ONS name tables of this edition; absent when no name is known)',
  additionalProperties: { type: 'string' },
} as const;

// --- parameters -------------------------------------------------------------------------------

export const postcodeParams = {
  type: 'object',
  additionalProperties: false,
  required: ['postcode'],
  properties: { postcode: { type: 'string', maxLength: 32, description: 'Postcode in any case and spacing' } },
} as const;

export const editionQuery = { type: 'object', additionalProperties: false, properties: { edition: editionParam } } as const;

export const bulkQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { edition: editionParam, format: { type: 'string', enum: ['json', 'csv'], description: 'Response format (or Accept: text/csv)' } },
} as const;

export const outcodeParams = { type: 'object', additionalProperties: false, required: ['outcode'], properties: { outcode: { type: 'string', maxLength: 8 } } } as const;

export const outcodeQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    edition: editionParam,
    limit: pageSize(1000, 100),
    cursor: { type: 'string', description: 'Opaque cursor from the `next` link' },
    include_terminated: { type: 'boolean', default: true, description: 'List terminated postcodes too (default true)' },
  },
} as const;

/** Nearest postcodes: within the UK's extent, a bounded radius and count. */
export const NEAREST = { maxRadius: 10_000, defaultRadius: 1000, maxCount: 100, defaultCount: 10 } as const;

export const nearestQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['lat', 'long'],
  properties: {
    lat: { ...latitude('Latitude (WGS84), within the UK (49 to 61.5)'), minimum: 49, maximum: 61.5 },
    long: { ...longitude('Longitude (WGS84), within the UK (-9 to 3)'), minimum: -9, maximum: 3 },
    radius: radiusMetres(NEAREST.maxRadius, NEAREST.defaultRadius),
    limit: { ...pageSize(NEAREST.maxCount, NEAREST.defaultCount), description: `Number of postcodes (default ${NEAREST.defaultCount}, at most ${NEAREST.maxCount})` },
    include_terminated: { type: 'boolean', default: false },
    edition: editionParam,
  },
} as const;

// --- answers ----------------------------------------------------------------------------------

/** The answers of the routes, around the record schema of schemas/postcodes.json. */
export function answerSchemas(recordSchema: Record<string, unknown>) {
  const record = responseRecordSchema(recordSchema);
  const nullableRecord = { ...record, type: ['object', 'null'] };
  const result = {
    type: 'object',
    properties: { input: { type: 'string' }, postcode: { type: ['string', 'null'] }, status: statusSchema, record: nullableRecord, names: namesSchema },
  };
  return {
    /** One result of a bulk answer. */
    result,
    postcode: {
      type: 'object',
      properties: { ...metaProperties, postcode: { type: 'string' }, status: statusSchema, terminated: { type: 'boolean' }, record, names: namesSchema },
    },
    bulk: {
      type: 'object',
      description: `One result per input (at most ${MAX_BULK}), in order`,
      properties: { ...metaProperties, count: { type: 'integer' }, results: { type: 'array', items: result } },
    },
    outcode: {
      type: 'object',
      properties: {
        ...metaProperties,
        outcode: { type: 'string' },
        total: { type: 'integer', description: 'Postcodes listed (with include_terminated as given)' },
        live: { type: 'integer', description: 'Postcodes without a termination date' },
        terminated: { type: 'integer' },
        centroid: {
          type: ['object', 'null'],
          properties: { lat: { type: 'number' }, long: { type: 'number' }, from: { type: 'string', enum: ['live', 'all'] } },
        },
        limit: { type: 'integer' },
        next: { type: ['string', 'null'], description: 'URL of the next page, null on the last' },
        items: { type: 'array', items: record },
      },
    },
    nearest: {
      type: 'object',
      properties: {
        ...metaProperties,
        lat: { type: 'number' },
        long: { type: 'number' },
        radius: { type: 'integer' },
        count: { type: 'integer' },
        items: { type: 'array', items: { ...record, properties: { ...(record.properties as object), distance_m: { type: 'number' } } } },
      },
    },
  };
}
