// The documented shapes of the boundaries routes: their parameters and answers, as they appear in
// /openapi.json. Collections and features are serialised through these schemas; the /locate answer
// is written by hand (locate-answer.ts) and its tests validate it against locateResponse.
import { latitude, longitude, metaProperties, pageSize } from '../../core/contract.ts';
import { LEVELS } from './collections.ts';

export const GEOJSON = 'application/geo+json; charset=utf-8';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const problem = { $ref: 'Problem#' };

const editionParam = { type: 'string', description: 'Edition id or label; default: the current edition.' } as const;
const editionOnly = { type: 'object', additionalProperties: false, properties: { edition: editionParam } } as const;
const nullableString = { type: ['string', 'null'] } as const;
const lightParams = {
  precision: {
    type: 'integer',
    minimum: 0,
    maximum: 7,
    default: 7,
    description: 'Decimal places of each coordinate (7 ≈ 1 cm, as stored; 5 ≈ 1 m; 4 ≈ 11 m, enough for a web map).',
  },
  simplify: {
    type: 'number',
    minimum: 0,
    maximum: 10000,
    default: 0,
    description:
      'Douglas–Peucker simplification tolerance in metres (0: full resolution). 100–500 suits a web map of England; islands and holes that vanish are dropped, every area keeps a valid polygon. Areas are simplified one by one: shared borders may no longer match exactly (display only, never for point-in-area).',
  },
} as const;

// --- parameters -------------------------------------------------------------------------------

export const collectionParams = {
  type: 'object',
  additionalProperties: false,
  required: ['collection'],
  properties: { collection: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,40}$', description: 'Collection id (see /collections)' } },
} as const;

export const itemParams = {
  type: 'object',
  additionalProperties: false,
  required: ['collection', 'code'],
  properties: { ...collectionParams.properties, code: { type: 'string', maxLength: 40, description: 'GSS code, e.g. E54000008' } },
} as const;

export const collectionsQuery = editionOnly;

export const itemsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: pageSize(1000, 100),
    cursor: { type: 'string', description: 'Opaque cursor from the `next` link.' },
    bbox: { type: 'string', description: 'Only features whose bounding box intersects west,south,east,north (WGS84 degrees).' },
    edition: editionParam,
    ...lightParams,
  },
} as const;

export const itemQuery = { type: 'object', additionalProperties: false, properties: { edition: editionParam, ...lightParams } } as const;

export const locateQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lat: latitude(),
    lon: longitude(),
    postcode: { type: 'string', minLength: 1, maxLength: 32, description: 'A UK postcode in any case and spacing (instead of lat/lon)' },
    edition: editionParam,
  },
} as const;

// --- answers ----------------------------------------------------------------------------------

const bboxSchema = { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4, description: '[west, south, east, north] in WGS84' } as const;
const geometrySchema = {
  type: 'object',
  description: 'GeoJSON Polygon or MultiPolygon, WGS84 [longitude, latitude], exterior rings counter-clockwise (RFC 7946)',
  required: ['type', 'coordinates'],
  properties: { type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] }, coordinates: { type: 'array' } },
} as const;
const featureProperties = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'name_welsh', 'collection', 'level', 'vintage'],
  properties: {
    code: { type: 'string', description: 'GSS code' },
    name: { type: 'string' },
    name_welsh: nullableString,
    collection: { type: 'string' },
    level: { type: 'string', enum: LEVELS },
    vintage: { type: 'string' },
  },
} as const;
const featureMembers = {
  type: { type: 'string', enum: ['Feature'] },
  id: { type: 'string', description: 'GSS code' },
  bbox: bboxSchema,
  properties: featureProperties,
  geometry: geometrySchema,
} as const;
const featureSchema = { type: 'object', additionalProperties: false, required: Object.keys(featureMembers), properties: featureMembers } as const;
const linkSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['href', 'rel'],
  properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } },
} as const;
const links = { type: 'array', items: linkSchema } as const;
const metaRequired = Object.keys(metaProperties);
const collectionMembers = {
  id: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  level: { type: 'string', enum: LEVELS },
  vintage: { type: 'string' },
  publisher: { type: 'string' },
  source_file: { type: 'string' },
  feature_count: { type: 'integer' },
  itemType: { type: 'string', enum: ['feature'] },
  crs: { type: 'array', items: { type: 'string' } },
  extent: {
    type: 'object',
    properties: { spatial: { type: 'object', properties: { bbox: { type: 'array', items: bboxSchema }, crs: { type: 'string' } } } },
  },
  links,
} as const;
const collectionSchema = { type: 'object', required: Object.keys(collectionMembers), properties: collectionMembers } as const;

export const collectionsResponse = {
  type: 'object',
  required: [...metaRequired, 'collections', 'links'],
  properties: { ...metaProperties, collections: { type: 'array', items: collectionSchema }, links },
} as const;

export const collectionResponse = {
  type: 'object',
  required: [...metaRequired, ...collectionSchema.required],
  properties: { ...metaProperties, ...collectionMembers },
} as const;

export const featureCollectionResponse = {
  type: 'object',
  description: 'GeoJSON FeatureCollection (RFC 7946) with OGC API - Features paging members',
  additionalProperties: false,
  required: [...metaRequired, 'type', 'collection', 'vintage', 'numberMatched', 'numberReturned', 'bbox', 'next', 'links', 'features'],
  properties: {
    ...metaProperties,
    type: { type: 'string', enum: ['FeatureCollection'] },
    collection: { type: 'string' },
    vintage: { type: 'string' },
    numberMatched: { type: 'integer', description: 'Features matching bbox (all of the collection without it)' },
    numberReturned: { type: 'integer' },
    bbox: bboxSchema,
    next: { type: ['string', 'null'], description: 'URL of the next page, null on the last' },
    links,
    features: { type: 'array', items: featureSchema },
  },
} as const;

export const featureResponse = {
  type: 'object',
  description: 'GeoJSON Feature (RFC 7946) with the dataset block and links',
  additionalProperties: false,
  required: [...metaRequired, ...featureSchema.required, 'links'],
  properties: { ...metaProperties, ...featureMembers, links },
} as const;

const areaRefSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['collection', 'level', 'code', 'name', 'name_welsh', 'vintage'],
  properties: {
    collection: { type: 'string' },
    level: { type: 'string', enum: LEVELS },
    code: { type: 'string' },
    name: { type: 'string' },
    name_welsh: nullableString,
    vintage: { type: 'string' },
  },
} as const;

export const locateResponse = {
  type: 'object',
  additionalProperties: false,
  required: [...metaRequired, 'point', 'found', 'areas', 'by_level'],
  properties: {
    ...metaProperties,
    point: { type: 'object', additionalProperties: false, required: ['lat', 'lon'], properties: { lat: { type: 'number' }, lon: { type: 'number' } } },
    postcode: {
      type: 'object',
      description: 'Present when a postcode was given: how the postcode directory resolved it',
      additionalProperties: false,
      required: ['postcode', 'status', 'postcodes_edition', 'onspd'],
      properties: {
        postcode: { type: 'string' },
        status: { type: 'string', enum: ['found', 'terminated'] },
        postcodes_edition: { type: 'object', required: ['id', 'label'], properties: { id: { type: 'integer' }, label: { type: 'string' } } },
        onspd: {
          type: 'object',
          description: "The directory's own codes for the postcode (current vintages), for comparison",
          additionalProperties: false,
          required: ['ctry', 'nhser', 'icb', 'oslaua'],
          properties: { ctry: nullableString, nhser: nullableString, icb: nullableString, oslaua: nullableString },
        },
      },
    },
    found: { type: 'boolean', description: 'True when at least one area contains the point' },
    areas: { type: 'array', items: areaRefSchema, description: 'Every area containing the point, in level order' },
    by_level: {
      type: 'object',
      description: 'The area of each level containing the point, or null',
      additionalProperties: false,
      required: LEVELS,
      properties: Object.fromEntries(LEVELS.map((l) => [l, { ...areaRefSchema, type: ['object', 'null'] }])),
    },
    note: { type: 'string', description: 'Present when no area contains the point: why that may be' },
  },
} as const;
