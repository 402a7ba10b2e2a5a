import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('areas', { summary: 'NIMDM 2017 ranks and domain ranks by SOA (2001)' });
};

export default routes;
