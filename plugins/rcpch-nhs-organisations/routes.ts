// The RCPCH NHS Organisations API, as a thin adapter over the organisations dataset (and the
// boundaries' reference points, the postcode directory's districts): every route answers at
// /nhs-organisations/v1 with and without its trailing slash, and ignores the API keys clients send.
import { answerCache, type PluginRoutes } from '../../core/contract.ts';
import { districtRoute } from './district-route.ts';
import { organisationRoutes } from './organisation-routes.ts';
import { pduRoutes } from './pdu-routes.ts';
import { snapshotRoute } from './snapshot-route.ts';
import { structureRoutes } from './structure-routes.ts';
import { currentView } from './view.ts';

const routes: PluginRoutes = (app, ctx) => {
  // Every answer here depends only on its URL and the datasets' current editions (a snapshot
  // without a date is today's, from those editions too).
  app.addHook('preHandler', async (request, reply) => {
    if (await ctx.cacheFor(request, reply)) return reply;
  });
  const view = currentView(ctx);
  // the lists' answers serialised once per editions and URL
  const answers = answerCache(32 << 20);
  organisationRoutes(app, view, answers);
  snapshotRoute(app, ctx);
  structureRoutes(app, view, answers);
  pduRoutes(app, view, answers);
  districtRoute(app, ctx);
};

export default routes;
