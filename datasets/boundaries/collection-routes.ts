// Boundaries in the style of OGC API - Features: the collections with their extents, a collection's
// items as a GeoJSON FeatureCollection (bbox filter, limit and next links, lighter geometry on
// request), and one item by GSS code. Every answer is serialised through its documented schema;
// those a web map asks for again (a collection's pages, one item) are kept and compressed once per
// edition and URL (answerCache).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerCache, badRequest, decodeCursor, encodeCursor, nextLink, notFound, type DatasetContext, type EditionInfo } from '../../core/contract.ts';
import { AREA_COLUMNS, featureMaker, type AreaRow } from './features.ts';
import {
  CRS84,
  GEOJSON,
  collectionParams,
  collectionResponse,
  collectionsQuery,
  collectionsResponse,
  featureCollectionResponse,
  featureResponse,
  itemParams,
  itemQuery,
  itemsQuery,
  problem,
} from './route-schemas.ts';
import type { SetsRecord } from './types.ts';

interface ItemsQuery {
  limit: number;
  cursor?: string;
  bbox?: string;
  precision: number;
  simplify: number;
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

/** The extent of bounding boxes, or `fallback` when there is none. */
const extentOf = (boxes: number[][], fallback: number[]) =>
  boxes.length ? [0, 1, 2, 3].map((i) => (i < 2 ? Math.min : Math.max)(...boxes.map((b) => b[i]))) : fallback;

export function collectionRoutes(app: FastifyInstance, ds: DatasetContext): void {
  const areasTable = ds.tableName('areas');
  const setsTable = ds.tableName('sets');
  const featuresOf = featureMaker(ds.db, areasTable);
  // Whole answers by edition and URL (a web map asks for the same pages again), compressed once.
  const answers = answerCache(32 * 1024 * 1024);
  const tags = [ds.id];
  const prefix = `/v1/${ds.id}`;

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
  /** The dataset block of a collection's answers: its geography vintage is the collection's. */
  const describeWith = (edition: EditionInfo, set: SetsRecord) => ({ ...ds.describe(edition), geography_vintage: `${set.title}, ${set.vintage}` });
  const collectionLink = (collection: string) => ({ href: `${prefix}/collections/${collection}`, rel: 'collection', type: 'application/json' });

  // --- collections ----------------------------------------------------------------------------
  app.get(
    '/collections',
    {
      schema: {
        summary: 'Boundary collections (OGC API - Features) with their vintage and extent',
        tags,
        querystring: collectionsQuery,
        response: { 200: collectionsResponse, 404: problem, 503: problem },
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
        querystring: collectionsQuery,
        response: { 200: collectionResponse, 400: problem, 404: problem, 503: problem },
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
  const itemsPage = async (request: FastifyRequest, reply: FastifyReply, edition: EditionInfo, collection: string, q: ItemsQuery, after: string | null, bbox?: number[]) => {
    const set = await setOf(edition, collection);
    const base = () => {
      const b = ds.db(areasTable).where({ edition_id: edition.id, collection });
      if (bbox) b.where('min_lon', '<=', bbox[2]).where('max_lon', '>=', bbox[0]).where('min_lat', '<=', bbox[3]).where('max_lat', '>=', bbox[1]);
      return b;
    };
    const page = base().orderBy('code').limit(q.limit + 1).select(AREA_COLUMNS);
    if (after !== null) page.where('code', '>', after);
    const [rows, [{ total }]] = await Promise.all([page as Promise<AreaRow[]>, base().count({ total: '*' })]);
    const shown = rows.slice(0, q.limit);
    const features = await featuresOf(edition, shown, set.vintage, q);
    const next = rows.length > q.limit ? nextLink(request, reply, encodeCursor([shown[shown.length - 1].code])) : null;
    return {
      ...describeWith(edition, set),
      type: 'FeatureCollection',
      collection,
      vintage: set.vintage,
      numberMatched: Number(total),
      numberReturned: features.length,
      bbox: extentOf(features.map((f) => f.bbox), [set.min_lon, set.min_lat, set.max_lon, set.max_lat]),
      next,
      links: [
        { href: request.url, rel: 'self', type: 'application/geo+json' },
        ...(next ? [{ href: next, rel: 'next', type: 'application/geo+json' }] : []),
        collectionLink(collection),
      ],
      features,
    };
  };
  const items = async (request: FastifyRequest, reply: FastifyReply) => {
    const { collection } = request.params as { collection: string };
    const q = request.query as ItemsQuery;
    // a cursor holds the last code of its page (null: from the start)
    const after = q.cursor === undefined ? null : (decodeCursor(q.cursor, ['string'])[0] as string | null);
    const bbox = q.bbox === undefined ? undefined : parseBbox(q.bbox);
    const edition = await ds.edition(request);
    if (ds.cacheFor(request, reply, edition)) return reply;
    reply.type(GEOJSON);
    // A bbox follows a map's viewport: such answers rarely repeat, so they are not kept (the
    // compression plug-in compresses each, at a quality made for answers made on the fly).
    if (bbox) return itemsPage(request, reply, edition, collection, q, after, bbox);
    return answers.send(request, reply, edition.id, () => itemsPage(request, reply, edition, collection, q, after));
  };
  const itemsSchema = {
    summary: "A collection's features as a GeoJSON FeatureCollection (WGS84, RFC 7946)",
    description:
      'Paged by `limit` (default 100) and the `next` link (also in the Link header); `bbox` keeps features whose bounding box intersects it; `precision` and `simplify` give lighter geometry for web maps (e.g. precision=4&simplify=200). `items.geojson` gives the same answer.',
    tags,
    params: collectionParams,
    querystring: itemsQuery,
    response: { 200: featureCollectionResponse, 400: problem, 404: problem, 503: problem },
  };
  app.get('/collections/:collection/items', { schema: itemsSchema }, items);
  app.get('/collections/:collection/items.geojson', { schema: { ...itemsSchema, summary: `${itemsSchema.summary} (.geojson)` } }, items);

  app.get(
    '/collections/:collection/items/:code',
    {
      schema: {
        summary: 'One area of a collection as a GeoJSON Feature, by GSS code',
        tags,
        params: itemParams,
        querystring: itemQuery,
        response: { 200: featureResponse, 400: problem, 404: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const { collection, code: raw } = request.params as { collection: string; code: string };
      const q = request.query as { precision: number; simplify: number };
      const code = raw.replace(/\.geojson$/i, '').toUpperCase();
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      reply.type(GEOJSON);
      return answers.send(request, reply, edition.id, async () => {
        const set = await setOf(edition, collection);
        const row: AreaRow | undefined = await ds.db(areasTable).where({ edition_id: edition.id, collection, code }).first(AREA_COLUMNS);
        if (!row) throw notFound(`no area ${code} in collection ${collection} (${set.vintage}; edition ${edition.label})`);
        const [feature] = await featuresOf(edition, [row], set.vintage, q);
        return { ...describeWith(edition, set), ...feature, links: [{ href: request.url, rel: 'self', type: 'application/geo+json' }, collectionLink(collection)] };
      });
    },
  );
}
