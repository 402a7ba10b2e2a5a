import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('lad_summaries', { summary: 'IoD2025 local authority district summaries', byKey: false });
};

export default routes;
