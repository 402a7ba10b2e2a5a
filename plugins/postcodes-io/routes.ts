// postcodes.io's postcode routes, mounted at /postcodes-io: a thin adapter over the postcodes
// dataset's services (lookup, nearest, outward code, random, search, code names), answering in
// postcodes.io's shapes, its errors included.
import type { PluginRoutes } from '../../core/contract.ts';
import { bulkRoute } from './bulk-route.ts';
import { postcodesIoErrors } from './errors.ts';
import { postcodeRoutes } from './postcode-routes.ts';
import { queryRoutes } from './query-routes.ts';

const routes: PluginRoutes = (app, ctx) => {
  postcodesIoErrors(app);
  postcodeRoutes(app, ctx);
  queryRoutes(app, ctx);
  bulkRoute(app, ctx);
};

export default routes;
