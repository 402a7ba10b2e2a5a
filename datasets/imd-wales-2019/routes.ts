import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('areas', { summary: 'WIMD 2019 ranks, scores and deciles by LSOA (2011)' });
};

export default routes;
