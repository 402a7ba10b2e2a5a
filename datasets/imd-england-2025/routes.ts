import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('areas', { summary: 'IoD2025 scores, ranks and deciles by LSOA (2021): IMD, domains, sub-domains, IDACI, IDAOPI, denominators where loaded' });
  ds.serveTable('lad_summaries', { summary: 'IoD2025 local authority district summaries', byKey: false });
};

export default routes;
