import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('areas', { summary: 'Composite UK IMD by small area' });
  ds.serveTable('local_authorities', { summary: 'Composite UK IMD by local authority' });
};

export default routes;
