import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('areas', { summary: 'Private outdoor space (gardens) by local authority district' });
};

export default routes;
