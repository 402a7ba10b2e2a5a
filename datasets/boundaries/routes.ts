// The boundaries routes: the collections and their features (collection-routes.ts), point in area
// (locate-route.ts), and the standard table routes of the same rows as tables (sets, areas, the
// hospital cross-check; CSV, filters).
import type { DatasetRoutes } from '../../core/contract.ts';
import { collectionRoutes } from './collection-routes.ts';
import { locateRoutes } from './locate-route.ts';

const routes: DatasetRoutes = (app, ds) => {
  ds.serveTable('sets', { summary: 'Boundary sets as a table (vintage, source, extent, counts)' });
  ds.serveTable('areas', { summary: 'Boundary areas as a table (codes, names, bounding boxes; geometry with fields=geometry)' });
  ds.serveTable('hospital_checks', { summary: 'RCPCH hospitals against the boundaries that contain them (status=disagrees lists the data-quality findings)' });
  collectionRoutes(app, ds);
  locateRoutes(app, ds);
};

export default routes;
