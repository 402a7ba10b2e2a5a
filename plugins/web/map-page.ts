// The map of the hospitals where children are cared for, drawn by Leaflet (served from its npm
// package) over the boundaries dataset's own GeoJSON: no tile server. Points are coloured by the
// structure chosen; the hospital-boundary cross-check findings and, for a postcode, the point and
// the areas that contain it are shown on the map and listed in the page (what works without script).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiFor, type ProblemBody } from './api.ts';
import { page } from './render.ts';

/** How points can be coloured: the organisation field, and the boundary collection drawn under them. */
export const COLOURINGS = [
  { id: 'region', title: 'NHS England region', collections: ['countries', 'nhs_regions'] },
  { id: 'icb', title: 'Integrated care board (and Welsh health board)', collections: ['countries', 'icbs', 'health_boards'] },
  { id: 'diabetes_network', title: 'Paediatric diabetes (PDU) network', collections: ['countries'] },
  { id: 'openuk_network', title: 'OPEN UK epilepsy network', collections: ['countries'] },
] as const;

const HOSPITALS = '/v1/organisations/organisations?limit=1000&fields=ods_code,name,latitude,longitude,region,icb,health_board,pdu,openuk_network';
const CHECKS = '/v1/boundaries/hospital_checks?status__in=disagrees,not_located&limit=1000';
const geojson = (c: string) => `/v1/boundaries/collections/${c}/items.geojson?limit=1000&precision=3&simplify=0.003`;

interface Located {
  postcode: string;
  point?: { lat: number; lon: number };
  areas?: { collection: string; level: string; code: string; name: string; vintage: string }[];
  problem?: ProblemBody;
}

export async function mapPage(app: FastifyInstance) {
  const render = async (request: FastifyRequest, reply: FastifyReply, located: Located | null, status = 200) => {
    const colour = COLOURINGS.find((c) => c.id === (request.query as { colour?: string }).colour) ?? COLOURINGS[0];
    const checks = await apiFor(app, request)<{ items: Record<string, unknown>[] } & ProblemBody>(CHECKS);
    return page(
      request,
      reply,
      'map',
      'Map of the hospitals where children are cared for',
      {
        colourings: COLOURINGS,
        colour,
        checks: checks.status === 200 ? checks.body.items : null,
        checksProblem: checks.status === 200 ? null : checks.status === 404 ? { title: 'Not available', detail: 'The boundaries dataset is not registered in this catalogue.' } : checks.body,
        located,
        sources: { hospitals: HOSPITALS, checks: CHECKS, boundaries: colour.collections.map(geojson).join(' ') },
      },
      { status, private: located !== null, styles: ['/web/static/leaflet/leaflet.css'], scripts: ['/web/static/leaflet/leaflet.js', '/web/static/map.js'] },
    );
  };

  app.get('/web/map', { schema: { hide: true, querystring: { type: 'object', properties: { colour: { type: 'string', maxLength: 40 }, focus: { type: 'string', maxLength: 40 } } } } }, (request, reply) => render(request, reply, null));

  // A postcode comes in the form body, never in the URL.
  app.post('/web/map', { schema: { hide: true, body: { type: 'object', properties: { postcode: { type: 'string', maxLength: 32 } } } } }, async (request, reply) => {
    const postcode = ((request.body as { postcode?: string }).postcode ?? '').trim();
    if (!postcode) return render(request, reply, { postcode, problem: { title: 'No postcode', detail: 'Enter a postcode.' } }, 400);
    const answer = await apiFor(app, request)<{ point: { lat: number; lon: number }; areas: Located['areas'] } & ProblemBody>(`/v1/boundaries/locate?postcode=${encodeURIComponent(postcode)}`);
    if (answer.status !== 200) return render(request, reply, { postcode, problem: answer.body }, answer.status === 404 && (answer.body.detail ?? '').startsWith('no route') ? 503 : answer.status);
    return render(request, reply, { postcode, point: answer.body.point, areas: answer.body.areas });
  });
}
