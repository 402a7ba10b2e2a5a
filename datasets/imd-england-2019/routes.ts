import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('areas', { summary: 'IoD2019 ranks and deciles by LSOA (2011): IMD, domains, IDACI, IDAOPI, denominators' });
  ds.serveTable('lad_summaries', { summary: 'IoD2019 local authority district summaries (File 10)', byKey: false });
};

export default routes;
