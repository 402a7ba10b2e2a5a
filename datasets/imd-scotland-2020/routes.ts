import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('areas', { summary: 'SIMD 2020v2 ranks, vigintiles, deciles, quintiles and domain ranks by data zone (2011)' });
};

export default routes;
