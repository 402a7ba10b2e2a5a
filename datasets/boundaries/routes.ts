// Boundaries in the style of OGC API - Features: collections with extents, a collection's items as
// a GeoJSON FeatureCollection (bbox filter, limit and next links, lighter geometry on request), one
// item by GSS code; and point-in-area by latitude/longitude or postcode from the in-memory index.
// The standard table routes serve the same rows as tables (sets, areas; CSV, filters).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, badRequest, metaProperties, notFound, responseRecordSchema, type DatasetRoutes, type EditionInfo, type PostcodeServices } from '../../core/contract.ts';
import { LEVELS } from './collections.ts';
import { bboxOf, lighten, type Geometry } from './geometry.ts';
import { sharedIndexCache, type AreaRef } from './spatial-index.ts';
import type { AreasRecord, SetsRecord } from './types.ts';

const problem = { $ref: 'Problem#' };
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const GEOJSON = 'application/geo+json; charset=utf-8';
const editionParam = { type: 'string', description: 'Edition id or label; default: the current edition.' } as const;
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

const bboxSchema = { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4, description: '[west, south, east, north] in WGS84' } as const;
const geometrySchema = {
  type: 'object',
  description: 'GeoJSON Polygon or MultiPolygon, WGS84 [longitude, latitude], exterior rings counter-clockwise (RFC 7946)',
  properties: { type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] }, coordinates: { type: 'array' } },
} as const;
const featurePropertiesSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', description: 'GSS code' },
    name: { type: 'string' },
    name_welsh: { type: ['string', 'null'] },
    collection: { type: 'string' },
    level: { type: 'string' },
    vintage: { type: 'string' },
  },
} as const;
const featureSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['Feature'] },
    id: { type: 'string', description: 'GSS code' },
    bbox: bboxSchema,
    properties: featurePropertiesSchema,
    geometry: geometrySchema,
  },
} as const;
const linkSchema = {
  type: 'object',
  properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } },
} as const;
const collectionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    level: { type: 'string' },
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
    links: { type: 'array', items: linkSchema },
  },
} as const;
const areaRefSchema = {
  type: 'object',
  properties: {
    collection: { type: 'string' },
    level: { type: 'string', enum: LEVELS },
    code: { type: 'string' },
    name: { type: 'string' },
    name_welsh: { type: ['string', 'null'] },
    vintage: { type: 'string' },
  },
} as const;
const collectionParams = {
  type: 'object',
  additionalProperties: false,
  required: ['collection'],
  properties: { collection: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,40}$', description: 'Collection id (see /collections)' } },
} as const;

type Row = Pick<AreasRecord, 'collection' | 'level' | 'code' | 'name' | 'name_welsh' | 'min_lon' | 'min_lat' | 'max_lon' | 'max_lat'>;

/** Least-recently-used map of serialised geometries, bounded by total characters. */
class JsonCache<V extends { json: string }> {
  private map = new Map<string, V>();
  private size = 0;
  constructor(private readonly maxChars: number) {}
  get(key: string) {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V) {
    if (this.map.has(key)) return;
    this.map.set(key, v);
    this.size += v.json.length;
    while (this.size > this.maxChars && this.map.size > 1) {
      const [k, old] = this.map.entries().next().value!;
      this.map.delete(k);
      this.size -= old.json.length;
    }
  }
}

const encodeCursor = (code: string) => Buffer.from(JSON.stringify([code]), 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  } catch {
    /* 400 below */
  }
  throw badRequest('cursor is not a cursor from a next link', [{ name: 'cursor', reason: 'not a cursor from a next link' }]);
}

function parseBbox(raw: string): [number, number, number, number] {
  const parts = raw.split(',').map((s) => Number(s.trim()));
  const bad = (reason: string) => badRequest(`bbox ${reason}`, [{ name: 'bbox', reason }]);
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v))) throw bad('must be four numbers: west,south,east,north');
  const [w, s, e, n] = parts;
  if (Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(s) > 90 || Math.abs(n) > 90) throw bad('is outside WGS84 longitude/latitude ranges');
  if (w > e || s > n) throw bad('must have west ≤ east and south ≤ north (no antimeridian crossing in the UK)');
  return [w, s, e, n];
}

const routes: DatasetRoutes = (app, ds) => {
  const areasTable = ds.tableName('areas');
  const setsTable = ds.tableName('sets');
  const indexes = sharedIndexCache(ds.db, areasTable, setsTable);
  const tags = [ds.id];
  const prefix = `/v1/${ds.id}`;

  ds.serveTable('sets', { summary: 'Boundary sets as a table (vintage, source, extent, counts)' });
  ds.serveTable('areas', { summary: 'Boundary areas as a table (codes, names, bounding boxes; geometry with fields=geometry)' });
  ds.serveTable('hospital_checks', { summary: 'RCPCH hospitals against the boundaries that contain them (status=disagrees lists the data-quality findings)' });

  const setsOf = async (edition: EditionInfo): Promise<SetsRecord[]> => ds.db(setsTable).where({ edition_id: edition.id }).orderBy('collection').select('*');
  const setOf = async (edition: EditionInfo, collection: string): Promise<SetsRecord> => {
    const set: SetsRecord | undefined = await ds.db(setsTable).where({ edition_id: edition.id, collection }).first('*');
    if (!set) {
      const known = (await setsOf(edition)).map((s) => s.collection);
      throw notFound(`no boundary collection "${collection}" in ${ds.id} edition ${edition.label} (collections: ${known.join(', ')})`);
    }
    return set;
  };
  const describeSet = (s: SetsRecord) => ({
    id: s.collection,
    title: s.title,
    description: s.description,
    level: s.level,
    vintage: s.vintage,
    publisher: s.publisher,
    source_file: s.source_file,
    feature_count: Number(s.feature_count),
    itemType: 'feature',
    crs: [CRS84],
    extent: { spatial: { bbox: [[s.min_lon, s.min_lat, s.max_lon, s.max_lat]], crs: CRS84 } },
    links: [
      { href: `${prefix}/collections/${s.collection}`, rel: 'self', type: 'application/json', title: s.title },
      { href: `${prefix}/collections/${s.collection}/items`, rel: 'items', type: 'application/geo+json', title: `${s.title} (GeoJSON)` },
    ],
  });
  // Lightened geometries, serialised once per edition, area and (precision, simplify): a web map
  // asks for the same few variants again and again. Bounded by total characters.
  const geometries = new JsonCache<{ json: string; bbox: number[] }>(64 * 1024 * 1024);
  // Whole FeatureCollection bodies by edition and URL (a web map asks for the same page again).
  const bodies = new JsonCache<{ json: string; link: string | null }>(32 * 1024 * 1024);
  const featuresOf = async (edition: EditionInfo, rows: Row[], vintage: string, light: { precision: number; simplify: number }): Promise<{ json: string; bbox: number[] }[]> => {
    const key = (r: Row) => `${edition.id}|${r.collection}|${r.code}|${light.precision}|${light.simplify}`;
    const missing = rows.filter((r) => !geometries.get(key(r)));
    if (missing.length) {
      const full: { collection: string; code: string; geometry: Geometry }[] = await ds.db(areasTable)
        .where({ edition_id: edition.id })
        .whereIn(['collection', 'code'], missing.map((r) => [r.collection, r.code]))
        .select('collection', 'code', 'geometry');
      for (const f of full) {
        const row = missing.find((r) => r.collection === f.collection && r.code === f.code)!;
        const geometry = lighten(f.geometry, light);
        // a lighter geometry has its own extent (rounding may move a position past the stored bbox)
        const bbox = geometry === f.geometry ? [row.min_lon, row.min_lat, row.max_lon, row.max_lat] : bboxOf(geometry);
        geometries.set(key(row), { json: JSON.stringify(geometry), bbox });
      }
    }
    return rows.map((r) => {
      const g = geometries.get(key(r))!;
      const head = {
        type: 'Feature',
        id: r.code,
        bbox: g.bbox,
        properties: { code: r.code, name: r.name, name_welsh: r.name_welsh, collection: r.collection, level: r.level, vintage },
      };
      return { json: `${JSON.stringify(head).slice(0, -1)},"geometry":${g.json}}`, bbox: g.bbox };
    });
  };

  // --- collections ----------------------------------------------------------------------------
  app.get(
    '/collections',
    {
      schema: {
        summary: 'Boundary collections (OGC API - Features) with their vintage and extent',
        tags,
        querystring: { type: 'object', additionalProperties: false, properties: { edition: editionParam } },
        response: {
          200: { type: 'object', properties: { ...metaProperties, collections: { type: 'array', items: collectionSchema }, links: { type: 'array', items: linkSchema } } },
          404: problem,
          503: problem,
        },
      },
    },
    async (request, reply) => {
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const sets = await setsOf(edition);
      return {
        ...ds.describe(edition),
        collections: sets.map(describeSet),
        links: [{ href: `${prefix}/collections`, rel: 'self', type: 'application/json', title: 'Boundary collections' }],
      };
    },
  );

  app.get(
    '/collections/:collection',
    {
      schema: {
        summary: 'One boundary collection: vintage, source, extent',
        tags,
        params: collectionParams,
        querystring: { type: 'object', additionalProperties: false, properties: { edition: editionParam } },
        response: { 200: { type: 'object', properties: { ...metaProperties, ...collectionSchema.properties } }, 400: problem, 404: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const { collection } = request.params as { collection: string };
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      return { ...ds.describe(edition), ...describeSet(await setOf(edition, collection)) };
    },
  );

  // --- items ----------------------------------------------------------------------------------
  const itemsQuery = {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Features per page (at most 1000).' },
      cursor: { type: 'string', description: 'Opaque cursor from the `next` link.' },
      bbox: { type: 'string', description: 'Only features whose bounding box intersects west,south,east,north (WGS84 degrees).' },
      edition: editionParam,
      ...lightParams,
    },
  } as const;
  const featureCollectionSchema = {
    type: 'object',
    description: 'GeoJSON FeatureCollection (RFC 7946) with OGC API - Features paging members',
    properties: {
      ...metaProperties,
      type: { type: 'string', enum: ['FeatureCollection'] },
      collection: { type: 'string' },
      vintage: { type: 'string' },
      numberMatched: { type: 'integer' },
      numberReturned: { type: 'integer' },
      bbox: bboxSchema,
      next: { type: ['string', 'null'] },
      links: { type: 'array', items: linkSchema },
      features: { type: 'array', items: featureSchema },
    },
  };
  const items = async (request: FastifyRequest, reply: FastifyReply) => {
    const { collection } = request.params as { collection: string };
    const q = request.query as { limit: number; cursor?: string; bbox?: string; precision: number; simplify: number };
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    const bbox = q.bbox === undefined ? undefined : parseBbox(q.bbox);
    const edition = await ds.edition(request);
    if (ds.cacheFor(request, reply, edition)) return reply;
    const cached = bodies.get(`${edition.id}|${request.url}`);
    if (cached) {
      if (cached.link) reply.header('link', cached.link);
      return reply.type(GEOJSON).send(cached.json);
    }
    const set = await setOf(edition, collection);
    const base = () => {
      const b = ds.db(areasTable).where({ edition_id: edition.id, collection });
      if (bbox) b.where('min_lon', '<=', bbox[2]).where('max_lon', '>=', bbox[0]).where('min_lat', '<=', bbox[3]).where('max_lat', '>=', bbox[1]);
      return b;
    };
    const page = base().orderBy('code').limit(q.limit + 1).select('collection', 'level', 'code', 'name', 'name_welsh', 'min_lon', 'min_lat', 'max_lon', 'max_lat');
    if (after !== undefined) page.where('code', '>', after);
    const [rows, [{ total }]] = await Promise.all([page as Promise<Row[]>, base().count({ total: '*' })]);
    const more = rows.length > q.limit;
    const shown = rows.slice(0, q.limit);
    const features = await featuresOf(edition, shown, set.vintage, q);
    let next: string | null = null;
    if (more) {
      const url = new URL(request.url, 'http://x');
      url.searchParams.set('cursor', encodeCursor(shown[shown.length - 1].code));
      next = url.pathname + url.search;
      reply.header('link', `<${next}>; rel="next"`);
    }
    const boxes = features.map((f) => f.bbox);
    const ext = boxes.length ? [0, 1, 2, 3].map((i) => (i < 2 ? Math.min : Math.max)(...boxes.map((b) => b[i]))) : [set.min_lon, set.min_lat, set.max_lon, set.max_lat];
    const head = {
      type: 'FeatureCollection',
      ...ds.describe(edition),
      geography_vintage: `${set.title}, ${set.vintage}`,
      collection,
      vintage: set.vintage,
      numberMatched: Number(total),
      numberReturned: features.length,
      bbox: ext,
      next,
      links: [
        { href: request.url, rel: 'self', type: 'application/geo+json' },
        ...(next ? [{ href: next, rel: 'next', type: 'application/geo+json' }] : []),
        { href: `${prefix}/collections/${collection}`, rel: 'collection', type: 'application/json' },
      ],
    };
    // Serialised directly: geometry arrays are large and already in their final shape.
    const json = `${JSON.stringify(head).slice(0, -1)},"features":[${features.map((f) => f.json).join(',')}]}`;
    bodies.set(`${edition.id}|${request.url}`, { json, link: next ? `<${next}>; rel="next"` : null });
    return reply.type(GEOJSON).send(json);
  };
  const itemsSchema = {
    summary: "A collection's features as a GeoJSON FeatureCollection (WGS84, RFC 7946)",
    description:
      'Paged by `limit` and the `next` link (also in the Link header); `bbox` keeps features whose bounding box intersects it; `precision` and `simplify` give lighter geometry for web maps (e.g. precision=4&simplify=200).',
    tags,
    params: collectionParams,
    querystring: itemsQuery,
    response: { 200: featureCollectionSchema, 400: problem, 404: problem, 503: problem },
  };
  app.get('/collections/:collection/items', { schema: itemsSchema }, items);
  app.get('/collections/:collection/items.geojson', { schema: { ...itemsSchema, summary: `${itemsSchema.summary} (.geojson)` } }, items);

  app.get(
    '/collections/:collection/items/:code',
    {
      schema: {
        summary: 'One area of a collection as a GeoJSON Feature, by GSS code',
        tags,
        params: {
          type: 'object',
          additionalProperties: false,
          required: ['collection', 'code'],
          properties: { ...collectionParams.properties, code: { type: 'string', maxLength: 40, description: 'GSS code, e.g. E54000008' } },
        },
        querystring: { type: 'object', additionalProperties: false, properties: { edition: editionParam, ...lightParams } },
        response: {
          200: { type: 'object', properties: { ...metaProperties, ...featureSchema.properties, links: { type: 'array', items: linkSchema } } },
          400: problem,
          404: problem,
          503: problem,
        },
      },
    },
    async (request, reply) => {
      const { collection, code: raw } = request.params as { collection: string; code: string };
      const q = request.query as { precision: number; simplify: number };
      const code = raw.replace(/\.geojson$/i, '').toUpperCase();
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const set = await setOf(edition, collection);
      const row: Row | undefined = await ds.db(areasTable)
        .where({ edition_id: edition.id, collection, code })
        .first('collection', 'level', 'code', 'name', 'name_welsh', 'min_lon', 'min_lat', 'max_lon', 'max_lat');
      if (!row) throw notFound(`no area ${code} in collection ${collection} (${set.vintage}; edition ${edition.label})`);
      const [{ json: featureJson }] = await featuresOf(edition, [row], set.vintage, q);
      const extra = {
        ...ds.describe(edition),
        geography_vintage: `${set.title}, ${set.vintage}`,
        links: [
          { href: request.url, rel: 'self', type: 'application/geo+json' },
          { href: `${prefix}/collections/${collection}`, rel: 'collection', type: 'application/json' },
        ],
      };
      return reply.type(GEOJSON).send(`${featureJson.slice(0, -1)},${JSON.stringify(extra).slice(1)}`);
    },
  );

  // --- point in area --------------------------------------------------------------------------
  const metaJson = new Map<number, string>();
  const answers = new Map<string, string>();
  const byLevelSchema = { type: 'object', properties: Object.fromEntries(LEVELS.map((l) => [l, { ...areaRefSchema, type: ['object', 'null'] }])) };
  app.get(
    '/locate',
    {
      schema: {
        summary: 'Which country, NHS England region, ICB, Welsh health board and London borough contain a point or a postcode',
        description:
          'Give `lat` and `lon` (WGS84), or `postcode` (resolved through the postcodes dataset). Answered from an in-memory spatial index (R-tree + point-in-polygon). A point in no area (at sea, outside the UK, or outside the generalised coastline) gives `found: false` and every level null. Areas are from generalised boundaries: near a boundary or the coast, prefer the ONSPD codes of a postcode.',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lat: { type: 'number', minimum: -90, maximum: 90, description: 'Latitude (WGS84 degrees)' },
            lon: { type: 'number', minimum: -180, maximum: 180, description: 'Longitude (WGS84 degrees)' },
            postcode: { type: 'string', minLength: 1, maxLength: 32, description: 'A UK postcode in any case and spacing (instead of lat/lon)' },
            edition: editionParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              ...metaProperties,
              point: { type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } } },
              postcode: {
                type: 'object',
                description: 'Present when a postcode was given: how the postcode directory resolved it',
                properties: {
                  postcode: { type: 'string' },
                  status: { type: 'string', enum: ['found', 'terminated'] },
                  postcodes_edition: { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } },
                  onspd: {
                    type: 'object',
                    description: "The directory's own codes for the postcode (current vintages), for comparison",
                    properties: { ctry: { type: ['string', 'null'] }, nhser: { type: ['string', 'null'] }, icb: { type: ['string', 'null'] }, oslaua: { type: ['string', 'null'] } },
                  },
                },
              },
              found: { type: 'boolean', description: 'True when at least one area contains the point' },
              areas: { type: 'array', items: areaRefSchema, description: 'Every area containing the point' },
              by_level: byLevelSchema,
              note: { type: 'string' },
            },
          },
          400: problem,
          404: problem,
          422: problem,
          503: problem,
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { lat?: number; lon?: number; postcode?: string };
      const hasPoint = q.lat !== undefined || q.lon !== undefined;
      if (q.postcode !== undefined && hasPoint)
        throw badRequest('give either postcode or lat and lon, not both', [{ name: 'postcode', reason: 'not with lat/lon' }]);
      if (q.postcode === undefined && (q.lat === undefined || q.lon === undefined)) {
        const missing = [q.lat === undefined && 'lat', q.lon === undefined && 'lon'].filter(Boolean) as string[];
        throw badRequest(`give lat and lon (WGS84), or postcode; missing: ${missing.join(', ')}`, missing.map((name) => ({ name, reason: 'is required' })));
      }
      for (const name of ['lat', 'lon'] as const)
        if (q[name] !== undefined && !Number.isFinite(q[name])) throw badRequest(`${name} must be a finite number`, [{ name, reason: 'must be a finite number' }]);
      const edition = await ds.edition(request);
      let lat = q.lat!;
      let lon = q.lon!;
      let postcodeInfo: Record<string, unknown> | undefined;
      if (q.postcode !== undefined) {
        const postcodes = ds.service<PostcodeServices>('postcodes');
        const pe = await postcodes.currentEdition();
        if (!pe) throw new Problem(503, 'Dependency unavailable', 'the postcode directory has no edition yet; see /catalogue/postcodes', { dataset: 'postcodes' });
        // The answer depends on both editions: the ETag names both.
        if (ds.cacheFor(request, reply, edition, pe)) return reply;
        const [found] = await postcodes.lookup([q.postcode], pe.id);
        if (found.status === 'invalid') throw badRequest('postcode is not a valid UK postcode format', [{ name: 'postcode', reason: 'not a valid UK postcode format' }]);
        if (!found.record) throw new Problem(404, 'Not found', `postcode ${found.postcode} is not in the postcode directory (edition ${pe.label})`, { postcode: found.postcode, lookup_status: 'not_found' });
        const r = found.record;
        if (r.lat === null || r.long === null)
          throw new Problem(422, 'Postcode has no coordinates', `postcode ${found.postcode} has no grid reference in the postcode directory, so it cannot be placed in an area`, {
            postcode: found.postcode,
          });
        lat = r.lat;
        lon = r.long;
        postcodeInfo = {
          postcode: found.postcode,
          status: found.status,
          postcodes_edition: { id: pe.id, label: pe.label },
          onspd: { ctry: r.ctry, nhser: r.nhser, icb: r.icb, oslaua: r.oslaua },
        };
      } else if (ds.cacheFor(request, reply, edition)) return reply;
      const index = await indexes.get(edition.id);
      const areas: AreaRef[] = index.locate(lon, lat);
      // Serialised by hand from cached pieces: the meta block per edition and the areas part per
      // distinct answer (a few hundred at most), so a look-up costs little beyond the index.
      let meta = metaJson.get(edition.id);
      if (!meta) {
        if (metaJson.size > 8) metaJson.clear();
        metaJson.set(edition.id, (meta = JSON.stringify(ds.describe(edition)).slice(1, -1)));
      }
      const key = `${edition.id}|${areas.map((a) => `${a.collection}:${a.code}`).join(',')}`;
      let answer = answers.get(key);
      if (!answer) {
        const byLevel = Object.fromEntries(LEVELS.map((l) => [l, areas.find((a) => a.level === l) ?? null]));
        const body = {
          found: areas.length > 0,
          areas,
          by_level: byLevel,
          ...(areas.length === 0
            ? { note: 'No boundary of this edition contains the point: it is at sea, outside the United Kingdom (e.g. Channel Islands, Isle of Man), or just outside the generalised coastline.' }
            : {}),
        };
        if (answers.size > 5000) answers.clear();
        answers.set(key, (answer = JSON.stringify(body).slice(1, -1)));
      }
      const point = JSON.stringify({ lat, lon });
      const pc = postcodeInfo ? `,"postcode":${JSON.stringify(postcodeInfo)}` : '';
      return reply.type('application/json; charset=utf-8').send(`{${meta},"point":${point}${pc},${answer}}`);
    },
  );
};

export default routes;
