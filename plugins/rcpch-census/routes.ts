// The RCPCH Census Platform's API at /deprivation/v1 (plugin.yaml), as a thin adapter over the
// datasets' services: the routes by postcode through `deprivation`, the index lists through each
// index's snapshot, the district and green space lists through `greenspace`.
import type { PluginRoutes } from '../../core/contract.ts';
import { indexEditions } from './lib/indices.ts';
import { postcodeRoutes } from './routes/postcode-routes.ts';
import { indexLists } from './routes/index-lists.ts';
import { greenspaceLists } from './routes/greenspace-lists.ts';

const routes: PluginRoutes = (app, ctx) => {
  // Every answer here depends only on its URL and the datasets' current editions.
  app.addHook('preHandler', async (request, reply) => {
    if (await ctx.cacheFor(request, reply)) return reply;
  });
  const editions = indexEditions(ctx);
  postcodeRoutes(app, ctx, editions);
  indexLists(app, editions);
  greenspaceLists(app, ctx);
};

export default routes;
