// Postcode routes: one postcode and bulk look-ups (lookup-routes.ts), the postcodes of an outward
// code and those nearest to a point (place-routes.ts), and the standard table routes of the
// directory and of the code→name table.
import type { DatasetRoutes } from '../../core/contract.ts';
import { lookupRoutes } from './lookup-routes.ts';
import { placeRoutes } from './place-routes.ts';

const routes: DatasetRoutes = (app, ds) => {
  lookupRoutes(app, ds);
  placeRoutes(app, ds);
  ds.serveTable('postcodes', { byKey: false, summary: 'Postcodes, filtered by any geography (e.g. lsoa11=…, oslaua=…), paginated' });
  ds.serveTable('names', { byKey: false, summary: 'Names of the geography codes, by postcode field (e.g. field=lsoa11)' });
};

export default routes;
