// Postcode routes: one postcode, bulk (JSON or CSV), outward code with centroid, nearest to a point,
// plus the standard table routes of the directory and of the code→name table.
import type { FastifyRequest } from 'fastify';
import { validOutcode } from 'postcode';
import {
  MAX_BULK,
  Problem,
  acceptCsvPostcodes,
  badRequest,
  bulkBodyDescription,
  bulkBodySchema,
  bulkInputs,
  chooseFormat,
  metaProperties,
  notFound,
  responseRecordSchema,
  sendCsv,
  type DatasetRoutes,
} from '../../core/contract.ts';
import { findPostcode, findPostcodes, normalise, RECORD_FIELDS, statusOf, type Found } from './lookup.ts';
import { NAMED_FIELDS } from './names.ts';
import type { PostcodesRecord } from './types.ts';

const problem = { $ref: 'Problem#' };
const editionParam = { type: 'string', description: 'Edition id or label; default: the current edition.' } as const;
const statusSchema = {
  type: 'string',
  enum: ['found', 'terminated', 'not_found', 'invalid'],
  description: 'found; terminated (found, with a termination date); not_found (valid format, not in the directory); invalid (not a UK postcode format)',
} as const;
const namesSchema = {
  type: 'object',
  description: 'Names of the codes in the record, by field (from the ONS name tables of this edition; absent when no name is known)',
  additionalProperties: { type: 'string' },
} as const;

type Names = Map<string, Map<string, string>>;

const encode = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor is not a cursor from a next link', [{ name: 'cursor', reason: 'not a cursor from a next link' }]);
  }
}

const routes: DatasetRoutes = (app, ds) => {
  const table = ds.tableName('postcodes');
  const record = responseRecordSchema(ds.schemas.postcodes);
  const nullableRecord = { ...record, type: ['object', 'null'] };
  const tags = [ds.id];

  // Names by edition, loaded once per edition (a few hundred thousand short strings at most).
  const namesCache = new Map<number, Promise<Names>>();
  const namesFor = (editionId: number): Promise<Names> => {
    let p = namesCache.get(editionId);
    if (!p) {
      p = (async () => {
        const rows: { field: string; code: string; name: string }[] = await ds.db(ds.tableName('names')).where({ edition_id: editionId }).select('field', 'code', 'name');
        const m: Names = new Map();
        for (const r of rows) {
          let f = m.get(r.field);
          if (!f) m.set(r.field, (f = new Map()));
          f.set(r.code, r.name);
        }
        return m;
      })();
      p.catch(() => namesCache.delete(editionId));
      namesCache.set(editionId, p);
      while (namesCache.size > 3) namesCache.delete(namesCache.keys().next().value!);
    }
    return p;
  };
  const namesOf = (names: Names, row: PostcodesRecord | null): Record<string, string> => {
    const out: Record<string, string> = {};
    if (!row) return out;
    for (const f of NAMED_FIELDS) {
      const code = (row as unknown as Record<string, unknown>)[f];
      if (typeof code === 'string') {
        const n = names.get(f)?.get(code);
        if (n !== undefined) out[f] = n;
      }
    }
    return out;
  };

  // --- one postcode -------------------------------------------------------------------------
  app.get(
    '/postcodes/:postcode',
    {
      schema: {
        summary: 'Look up one postcode (any case and spacing)',
        description:
          'Normalises the postcode (e.g. "sw1a1aa" → "SW1A 1AA"). 400 when it is not a UK postcode format, 404 when it is valid but not in the directory. A terminated postcode is returned with status "terminated" and its termination date (doterm).',
        tags,
        params: {
          type: 'object',
          additionalProperties: false,
          required: ['postcode'],
          properties: { postcode: { type: 'string', maxLength: 32, description: 'Postcode in any case and spacing' } },
        },
        querystring: { type: 'object', additionalProperties: false, properties: { edition: editionParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              ...metaProperties,
              postcode: { type: 'string' },
              status: statusSchema,
              terminated: { type: 'boolean' },
              record,
              names: namesSchema,
            },
          },
          400: problem,
          404: problem,
          503: problem,
        },
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

  // --- bulk -----------------------------------------------------------------------------------
  acceptCsvPostcodes(app);

  const resultSchema = {
    type: 'object',
    properties: { input: { type: 'string' }, postcode: { type: ['string', 'null'] }, status: statusSchema, record: nullableRecord, names: namesSchema },
  };
  const csvColumns = ['input', 'postcode', 'status', ...RECORD_FIELDS, ...NAMED_FIELDS.map((f) => `${f}_name`)];

  app.post(
    '/lookup',
    {
      schema: {
        summary: `Look up up to ${MAX_BULK} postcodes at once (JSON or CSV)`,
        description:
          `${bulkBodyDescription} ` +
          'One result per input, in the same order, each with its own status; one bad entry never fails the batch. CSV out with ?format=csv or Accept: text/csv (one row per input, names as <field>_name columns).',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { edition: editionParam, format: { type: 'string', enum: ['json', 'csv'], description: 'Response format (or Accept: text/csv)' } },
        },
        body: bulkBodySchema,
        response: {
          200: { type: 'object', properties: { ...metaProperties, count: { type: 'integer' }, results: { type: 'array', items: resultSchema } } },
          400: problem,
          404: problem,
          413: problem,
          415: problem,
          503: problem,
        },
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
      return {
        ...ds.describe(edition),
        count: found.length,
        results: found.map((f) => ({ input: f.input, postcode: f.postcode, status: f.status, record: f.row, names: namesOf(names, f.row) })),
      };
    },
  );
  const csvRow = (f: Found, names: Names): Record<string, unknown> => {
    const row: Record<string, unknown> = { input: f.input, postcode: f.postcode, status: f.status, ...(f.row ?? {}) };
    for (const [field, name] of Object.entries(namesOf(names, f.row))) row[`${field}_name`] = name;
    return row;
  };

  // --- outward code -------------------------------------------------------------------------------
  app.get(
    '/outcodes/:outcode',
    {
      schema: {
        summary: 'Postcodes of an outward code (e.g. AB10), paginated, with its centroid',
        description:
          'centroid: mean latitude/longitude of the live postcodes with coordinates (of all postcodes with coordinates when none is live). Items in postcode order; follow `next` for more.',
        tags,
        params: { type: 'object', additionalProperties: false, required: ['outcode'], properties: { outcode: { type: 'string', maxLength: 8 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            edition: editionParam,
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'Page size (at most 1000)' },
            cursor: { type: 'string', description: 'Opaque cursor from the `next` link' },
            include_terminated: { type: 'boolean', default: true, description: 'List terminated postcodes too (default true)' },
          },
        },
        response: {
          200: {
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
              next: { type: ['string', 'null'] },
              items: { type: 'array', items: record },
            },
          },
          400: problem,
          404: problem,
          503: problem,
        },
      },
    },
    async (request, reply) => {
      const { outcode: raw } = request.params as { outcode: string };
      const q = request.query as { limit: number; cursor?: string; include_terminated: boolean };
      const outcode = raw.replace(/\s+/g, '').toUpperCase();
      if (!validOutcode(outcode)) throw badRequest(`"${raw.slice(0, 8)}" is not a valid UK outward code`, [{ name: 'outcode', reason: 'not a valid outward code' }]);
      const after = q.cursor === undefined ? undefined : decode(q.cursor);
      if (after !== undefined && typeof after !== 'string') throw badRequest('cursor is not a cursor from a next link', [{ name: 'cursor', reason: 'not a cursor from a next link' }]);
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const [stats] = (
        await ds.db.raw(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE doterm IS NULL)::int AS live,
                  avg(lat) FILTER (WHERE doterm IS NULL) AS live_lat, avg(long) FILTER (WHERE doterm IS NULL) AS live_long,
                  avg(lat) AS all_lat, avg(long) AS all_long
             FROM "${table}" WHERE edition_id = ? AND pcds >= ? AND pcds < ? AND outcode = ?`,
          [edition.id, `${outcode} `, `${outcode}!`, outcode],
        )
      ).rows as { total: number; live: number; live_lat: number | null; live_long: number | null; all_lat: number | null; all_long: number | null }[];
      if (stats.total === 0) throw notFound(`outward code ${outcode} has no postcode in the directory (edition ${edition.label})`);
      // pcds compares bytewise (COLLATE "C"): an outward code is a range of the primary key.
      let query = ds.db(table)
        .select(RECORD_FIELDS)
        .where({ edition_id: edition.id })
        .where('pcds', '>=', `${outcode} `)
        .where('pcds', '<', `${outcode}!`)
        .where({ outcode })
        .orderBy('pcds')
        .limit(q.limit + 1);
      if (!q.include_terminated) query = query.whereNull('doterm');
      if (after !== undefined) query = query.where('pcds', '>', after as string);
      const rows = (await query) as PostcodesRecord[];
      const more = rows.length > q.limit;
      const items = more ? rows.slice(0, q.limit) : rows;
      const next = more ? nextUrl(request, encode(items[items.length - 1].pcds)) : null;
      if (next) reply.header('link', `<${next}>; rel="next"`);
      const centroid =
        stats.live_lat !== null && stats.live_long !== null
          ? { lat: round(stats.live_lat), long: round(stats.live_long), from: 'live' }
          : stats.all_lat !== null && stats.all_long !== null
            ? { lat: round(stats.all_lat), long: round(stats.all_long), from: 'all' }
            : null;
      return {
        ...ds.describe(edition),
        outcode,
        total: q.include_terminated ? stats.total : stats.live,
        live: stats.live,
        terminated: stats.total - stats.live,
        centroid,
        limit: q.limit,
        next,
        items,
      };
    },
  );

  // --- nearest ------------------------------------------------------------------------------------
  app.get(
    '/nearest',
    {
      schema: {
        summary: 'Postcodes nearest to a latitude/longitude (bounded radius and count)',
        description: 'Live postcodes (add include_terminated=true for all) within `radius` metres, nearest first, with their distance in metres.',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['lat', 'long'],
          properties: {
            lat: { type: 'number', minimum: 49, maximum: 61.5, description: 'Latitude (WGS84)' },
            long: { type: 'number', minimum: -9, maximum: 3, description: 'Longitude (WGS84)' },
            radius: { type: 'integer', minimum: 1, maximum: 10000, default: 1000, description: 'Search radius in metres (at most 10000)' },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 10, description: 'Number of postcodes (at most 100)' },
            include_terminated: { type: 'boolean', default: false },
            edition: editionParam,
          },
        },
        response: {
          200: {
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
          400: problem,
          404: problem,
          503: problem,
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { lat: number; long: number; radius: number; limit: number; include_terminated: boolean };
      const edition = await ds.edition(request);
      if (ds.cacheFor(request, reply, edition)) return reply;
      const dLat = q.radius / 111_320;
      const dLong = q.radius / (111_320 * Math.cos((q.lat * Math.PI) / 180));
      // The edition id is written into the SQL (an integer from the catalogue) so that the planner
      // uses that edition's partial latitude index.
      const distance = `2 * 6371008.8 * asin(sqrt(power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(long - ?) / 2), 2)))`;
      const { rows } = await ds.db.raw(
        `SELECT * FROM (
           SELECT ${RECORD_FIELDS.map((f) => `"${f}"`).join(', ')}, ${distance} AS distance_m
             FROM "${table}"
            WHERE edition_id = ${Number(edition.id)} AND lat IS NOT NULL AND lat BETWEEN ? AND ? AND long BETWEEN ? AND ? ${q.include_terminated ? '' : 'AND doterm IS NULL'}
         ) d WHERE distance_m <= ? ORDER BY distance_m, pcds LIMIT ?`,
        [q.lat, q.lat, q.long, q.lat - dLat, q.lat + dLat, q.long - dLong, q.long + dLong, q.radius, q.limit],
      );
      const items = (rows as (PostcodesRecord & { distance_m: number })[]).map((r) => ({ ...r, distance_m: Math.round(r.distance_m * 10) / 10 }));
      return { ...ds.describe(edition), lat: q.lat, long: q.long, radius: q.radius, count: items.length, items };
    },
  );

  // --- standard table routes ------------------------------------------------------------------
  ds.serveTable('postcodes', { byKey: false, summary: 'Postcodes, filtered by any geography (e.g. lsoa11=…, oslaua=…), paginated' });
  ds.serveTable('names', { byKey: false, summary: 'Names of the geography codes, by postcode field (e.g. field=lsoa11)' });
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function nextUrl(request: FastifyRequest, cursor: string): string {
  const url = new URL(request.url, 'http://x');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

export default routes;
