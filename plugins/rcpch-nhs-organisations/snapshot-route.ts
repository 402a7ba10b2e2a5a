// An organisation as it was on a date, from the kept edition of the lists valid then (the
// organisations dataset keeps every edition with the date it took effect): its members and the
// structures it belonged to. A code that did not exist then answers with its predecessor in force
// (by the code history), named in predecessor_ods_code.
import type { FastifyInstance } from 'fastify';
import { Problem, badRequest, notFound, type OrganisationEdition, type OrganisationServices, type PluginContext } from '../../core/contract.ts';
import { noOrganisation } from './organisation-routes.ts';
import { codeParams, one, problem } from './schemas.ts';
import { snapshot } from './shapes.ts';

/** The code in force in `then`: this one, else the nearest predecessor listed then (breadth first). */
function inForce(then: OrganisationEdition, now: OrganisationEdition, code: string): { code: string; predecessor: boolean } | null {
  const seen = new Set<string>();
  for (let level = [code.toUpperCase()], first = true; level.length > 0; first = false) {
    const hit = level.find((c) => then.organisation(c));
    if (hit) return { code: hit, predecessor: !first };
    level.forEach((c) => seen.add(c));
    level = level.flatMap((c) => now.predecessors('organisation', c).map((h) => h.code)).filter((c) => !seen.has(c));
  }
  return null;
}

export function snapshotRoute(app: FastifyInstance, ctx: PluginContext): void {
  app.get(
    '/organisations/:ods_code/snapshot',
    {
      schema: {
        summary: 'An organisation as it was on a date, with the structures it belonged to then',
        description: 'date=YYYY-MM-DD (today without it). 404 when the code was never listed, or no kept edition of the lists was valid on that date; 400 for a date that is not one.',
        params: codeParams('ods_code', 'ODS code of the organisation'),
        querystring: { type: 'object', properties: { date: { type: 'string', maxLength: 40, description: 'YYYY-MM-DD; default today' } } },
        response: { 200: one('snapshot'), 400: problem, 404: problem },
      },
    },
    async (request) => {
      const { ods_code: code } = request.params as { ods_code: string };
      const date = (request.query as { date?: string }).date || new Date().toISOString().slice(0, 10);
      const organisations = ctx.service<OrganisationServices>('organisations');
      const now = await organisations.edition();
      if (!now.organisation(code) && !now.history('organisation', code)) throw noOrganisation();
      const then = await organisations.edition({ as_of: date }).catch((err: unknown) => {
        if (!(err instanceof Problem) || err.status === 503) throw err;
        throw err.status === 400
          ? badRequest('Invalid date format. Use YYYY-MM-DD.', [{ name: 'date', reason: 'must be a date, YYYY-MM-DD' }])
          : notFound(`No state found for organisation ${code.slice(0, 20)} on ${date}: no kept edition of the lists was valid on that date.`);
      });
      const found = inForce(then, now, code);
      if (!found) throw notFound(`No state found for organisation ${code.slice(0, 20)} on ${date}: it was not listed on that date, nor was a predecessor.`);
      return snapshot({ lists: then, areas: new Map() }, then.organisation(found.code)!, date, found.predecessor ? found.code : null);
    },
  );
}
