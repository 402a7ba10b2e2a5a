// POST /postcodes: a bulk lookup ({"postcodes": [...]}, up to MAX_BULK in one query) or bulk
// reverse geocoding ({"geolocations": [...]}), answered in input order as postcodes.io does. The
// body is read the way postcodes.io reads it (its own messages for each wrong shape), so the route
// schema documents it without validating it.
import type { FastifyInstance } from 'fastify';
import { MAX_BULK, sendJsonList, type PluginContext, type PostcodeLookup } from '../../core/contract.ts';
import { directoryOf, type Directory } from './directory.ts';
import { invalid, MAX_GEOLOCATIONS, MESSAGES } from './errors.ts';
import { nearestJson } from './nearest.ts';
import { nearestParams, type NearestInput } from './params.ts';
import { postcodeJson, postcodeJsonText, type PostcodeJson } from './postcode-json.ts';
import { bulkBody, bulkQuery, errors, results } from './schemas.ts';

/** The keys `filter=` may keep (postcodes.io's filterable attributes). */
const FILTERABLE = new Set([
  'postcode', 'quality', 'eastings', 'northings', 'country', 'nhs_ha', 'longitude', 'latitude', 'parliamentary_constituency',
  'european_electoral_region', 'primary_care_trust', 'region', 'lsoa', 'msoa', 'incode', 'outcode', 'codes', 'admin_district',
  'parish', 'admin_county', 'admin_ward', 'ccg', 'nuts', 'ced',
]);
/** The keys of a geolocation echoed back as its query. */
const ECHOED = new Set(['limit', 'longitude', 'latitude', 'radius', 'widesearch']);
/** Reverse geocodings run at once (each is one query). */
const CONCURRENCY = 8;

type Query = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The keys a `filter=` keeps, in its order; null without one. */
function filterOf(query: Query): string[] | null {
  const raw = text(query.filter);
  if (!raw) return null;
  return raw.replace(/\s/g, '').toLowerCase().split(',').filter((k) => FILTERABLE.has(k));
}

const keep = (p: PostcodeJson, keys: string[]) => Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));

type Entry = { query: unknown; result: PostcodeJson | PostcodeJson[] | null };

async function lookups(dir: Directory, postcodes: unknown): Promise<PostcodeLookup[]> {
  if (!Array.isArray(postcodes)) throw invalid(MESSAGES.jsonArrayRequired);
  if (postcodes.length > MAX_BULK) throw invalid(MESSAGES.tooManyPostcodes);
  return dir.postcodes.lookup(
    postcodes.filter((p): p is string => typeof p === 'string'),
    dir.edition.id,
  );
}

/** A lookup's entry as postcodes.io answers it (the postcode's JSON written directly, without its object). */
const lookupJson = (dir: Directory) => (f: PostcodeLookup) => `{"query":${JSON.stringify(f.input)},"result":${f.status === 'found' ? postcodeJsonText(f.record!, dir.names) : 'null'}}`;

/** An entry with only the `filter=` keys of its postcodes. */
function filtered(r: Entry, keys: string[]): Entry {
  if (Array.isArray(r.result)) return { ...r, result: r.result.map((p) => keep(p, keys)) };
  return r.result ? { ...r, result: keep(r.result, keys) } : r;
}

const filteredLookup = (dir: Directory, keys: string[]) => (f: PostcodeLookup) =>
  JSON.stringify(filtered({ query: f.input, result: f.status === 'found' ? postcodeJson(f.record!, dir.names) : null }, keys));

async function geocodings(dir: Directory, geolocations: unknown, query: Query) {
  if (!Array.isArray(geolocations)) throw invalid(MESSAGES.jsonArrayRequired);
  if (geolocations.length > MAX_GEOLOCATIONS) throw invalid(MESSAGES.tooManyLocations);
  const globals: NearestInput = {
    ...(text(query.limit) ? { limit: query.limit } : {}),
    ...(text(query.radius) ? { radius: query.radius } : {}),
    ...(text(query.widesearch) ? { widesearch: true } : {}),
  };
  const asked = geolocations.map((g) => ({ ...globals, ...(g !== null && typeof g === 'object' && !Array.isArray(g) ? (g as NearestInput) : {}) }));
  const params = asked.map(nearestParams); // every location is checked before any is searched
  const out: Entry[] = [];
  for (let i = 0; i < params.length; i += CONCURRENCY) {
    const batch = params.slice(i, i + CONCURRENCY);
    const answers = await Promise.all(batch.map((p) => nearestJson(dir, p)));
    answers.forEach((result, j) => {
      const q = asked[i + j] as Query;
      out.push({ query: Object.fromEntries(Object.keys(q).filter((k) => ECHOED.has(k.toLowerCase())).map((k) => [k, q[k]])), result });
    });
  }
  return out;
}

export function bulkRoute(app: FastifyInstance, ctx: PluginContext): void {
  app.post(
    '/postcodes',
    {
      schema: {
        summary: `Bulk postcode lookup (up to ${MAX_BULK}) or bulk reverse geocoding (up to ${MAX_GEOLOCATIONS})`,
        description:
          `postcodes.io \`POST /postcodes\`: \`{"postcodes": [...]}\` answers \`[{query, result}]\` in input order, \`result\` null for an invalid, unknown or terminated postcode (entries that are not strings are left out); up to ${MAX_BULK} postcodes here, where postcodes.io takes 100. ` +
          `\`{"geolocations": [{longitude, latitude, limit?, radius?, widesearch?}]}\` answers the nearest postcodes of each (\`limit\`, \`radius\`, \`widesearch\` in the query string apply to all). \`filter=postcode,longitude,…\` keeps those keys of each postcode. 400 with postcodes.io's message for a body of another shape.`,
        querystring: bulkQuery,
        body: bulkBody,
        response: { 200: results.bulk, ...errors },
      },
      // read as postcodes.io reads it (each wrong shape has its own message), never coerced
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const body = request.body as { postcodes?: unknown; geolocations?: unknown } | null | undefined;
      const query = request.query as Query;
      const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
      if (!isObject || (!body.postcodes && !body.geolocations)) throw invalid(MESSAGES.invalidJsonQuery);
      const dir = await directoryOf(ctx);
      const keys = filterOf(query);
      // Streamed as each entry is written (not by the schema serializer: the documented schema's
      // alternatives, a postcode, a list or null, would make it test every item against each).
      reply.header('cache-control', 'no-store');
      if (body.postcodes) {
        const found = await lookups(dir, body.postcodes);
        return sendJsonList(reply, '{"status":200}', 'result', found, keys ? filteredLookup(dir, keys) : lookupJson(dir));
      }
      const located = await geocodings(dir, body.geolocations, query);
      return sendJsonList(reply, '{"status":200}', 'result', located, keys ? (r) => JSON.stringify(filtered(r, keys)) : (r) => JSON.stringify(r));
    },
  );
}
