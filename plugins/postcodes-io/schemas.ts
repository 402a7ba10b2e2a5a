// The documented shapes of the routes (as in /openapi.json): postcodes.io's envelope
// {status, result} around its postcode, terminated postcode and outward code objects, its error
// shape, and the parameters each route reads.
import { MAX_BULK } from '../../core/contract.ts';
import { CODE_FIELDS, RESULT_FIELDS, typeOf } from './fields.ts';
import { errorSchema, MAX_GEOLOCATIONS } from './errors.ts';

const nullable = (type: string) => ({ type: [type, 'null'] });

export const postcodeSchema = {
  type: 'object',
  description: "A postcode as postcodes.io answers it (its keys, in its order); null where this service's directory has no value",
  properties: {
    ...Object.fromEntries(RESULT_FIELDS.map(([key, source]) => [key, nullable(typeOf(source))])),
    codes: { type: 'object', description: 'GSS (and other) codes of the named areas', properties: Object.fromEntries(CODE_FIELDS.map(([key, source]) => [key, nullable(typeOf(source))])) },
    distance: { type: 'number', description: 'Nearest searches: metres from the point (great-circle)' },
  },
} as const;

export const terminatedSchema = errorSchema.properties.terminated;

const names = { type: 'array', items: { type: 'string' } } as const;
export const outcodeSchema = {
  type: 'object',
  description: 'An outward code: the mean position and grid reference of its live postcodes, the names of the areas they lie in',
  properties: {
    outcode: { type: 'string' },
    longitude: nullable('number'),
    latitude: nullable('number'),
    northings: nullable('integer'),
    eastings: nullable('integer'),
    admin_district: names,
    parish: names,
    admin_county: names,
    admin_ward: names,
    country: names,
    parliamentary_constituency: names,
  },
} as const;

/** {"status": 200, "result": <result>} */
export const envelope = (result: object, description: string) => ({
  type: 'object',
  description,
  required: ['status', 'result'],
  properties: { status: { type: 'integer', enum: [200] }, result },
});

const nullOr = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
export const results = {
  postcode: envelope(postcodeSchema, 'The postcode'),
  validate: envelope({ type: 'boolean' }, 'Whether the postcode is a live postcode of the directory'),
  terminated: envelope(terminatedSchema, 'The terminated postcode'),
  random: envelope(nullOr(postcodeSchema), 'A random live postcode; null when there is none (an outward code without live postcodes)'),
  outcode: envelope(outcodeSchema, 'The outward code'),
  postcodes: envelope(nullOr({ type: 'array', items: postcodeSchema }), 'Postcodes, nearest first for a point (with distance); null when none'),
  autocomplete: envelope(nullOr({ type: 'array', items: { type: 'string' } }), 'Postcodes starting with the text; null when none'),
  bulk: envelope(
    {
      type: 'array',
      description: `One item per query, in order: {query, result} (postcodes: a postcode or null; geolocations: postcodes nearest first, or null)`,
      items: {
        type: 'object',
        properties: {
          query: { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }] },
          result: { anyOf: [postcodeSchema, { type: 'array', items: postcodeSchema }, { type: 'null' }] },
        },
      },
    },
    'Bulk lookup or reverse geocoding',
  ),
};

/**
 * Errors: postcodes.io's shape; a request the router refuses before it reaches these routes (a path
 * that is not valid URL encoding, a path segment over 500 characters) is a problem+json.
 */
export const errors = {
  '4xx': {
    description: "postcodes.io's error {status, error}; problem+json only for a path the router cannot read",
    content: { 'application/json': { schema: errorSchema }, 'application/problem+json': { schema: { $ref: 'Problem#' } } },
  },
  503: { description: 'The directory is not imported yet, or the database is unavailable (Retry-After)', content: { 'application/json': { schema: errorSchema } } },
} as const;

const text = (description: string) => ({ type: 'string', description });

export const postcodeParams = { type: 'object', required: ['postcode'], properties: { postcode: text('Postcode in any case, with or without its space (%20)') } } as const;
export const outcodeParams = { type: 'object', required: ['outcode'], properties: { outcode: text('Outward code, e.g. AB10') } } as const;
export const lonLatParams = { type: 'object', required: ['longitude', 'latitude'], properties: { longitude: text('Longitude (WGS84)'), latitude: text('Latitude (WGS84)') } } as const;

const nearestProperties = {
  limit: text('Number of postcodes (default 10, at most 100; 10 with widesearch)'),
  radius: text('Metres (default 100, at most 2,000)'),
  widesearch: text('Any value: the nearest postcodes within 20 km (at most 10)'),
  wideSearch: text('Same as widesearch'),
};
export const nearestQuery = { type: 'object', properties: nearestProperties } as const;
export const postcodesQuery = {
  type: 'object',
  properties: {
    q: text('Search: postcodes starting with this text'),
    query: text('Same as q'),
    lon: text('Nearest search: longitude (with lat)'),
    lat: text('Nearest search: latitude (with lon)'),
    longitude: text('Same as lon'),
    latitude: text('Same as lat'),
    ...nearestProperties,
    limit: text('Number of postcodes (search: default 10, at most 100; nearest: as on the nearest routes)'),
  },
} as const;
export const randomQuery = { type: 'object', properties: { outcode: text('Draw from this outward code') } } as const;
export const limitQuery = { type: 'object', properties: { limit: text('Number of postcodes (default 10, at most 100)') } } as const;
export const bulkQuery = {
  type: 'object',
  properties: { ...nearestProperties, filter: text('Comma-separated keys to keep in each postcode (postcodes.io\'s filterable keys, e.g. postcode,longitude,latitude)') },
} as const;

export const bulkBody = {
  description:
    `{"postcodes": [...]} (up to ${MAX_BULK} postcodes here; postcodes.io takes 100) or {"geolocations": [{"longitude", "latitude", "limit"?, "radius"?, "widesearch"?}, ...]} ` +
    `(up to ${MAX_GEOLOCATIONS}); answered in order`,
  type: 'object',
  properties: {
    postcodes: { type: 'array', items: { type: 'string' } },
    geolocations: { type: 'array', items: { type: 'object', properties: { longitude: { type: 'number' }, latitude: { type: 'number' }, limit: { type: 'integer' }, radius: { type: 'number' }, widesearch: { type: 'boolean' } } } },
  },
} as const;
