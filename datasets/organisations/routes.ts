// Routes of the organisations dataset (under /v1/organisations). Organisation and structure routes
// answer from an in-memory snapshot of the edition asked for (as_of=, edition= or current); the
// stored tables are also served as they are, through the standard table routes.
import type { DatasetRoutes } from '../../core/contract.ts';
import { historyRoutes } from './routes/history.ts';
import { routeKit } from './routes/kit.ts';
import { nearestRoutes } from './routes/nearest.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { structureRoutes } from './routes/structures.ts';

const routes: DatasetRoutes = (app, ds) => {
  const kit = routeKit(ds);
  organisationRoutes(app, kit);
  structureRoutes(app, kit);
  historyRoutes(app, kit);
  nearestRoutes(app, kit);

  ds.serveTable('changes', { summary: 'What changed in this edition since the previous one (added, removed, renamed, re-parented, changed, succeeded)' });
  ds.serveTable('code_history', { summary: 'Every code ever listed, with valid_from/valid_to, status and successor', byKey: false });
  ds.serveTable('organisation_records', { summary: 'Organisations as flat records (filters on every code; CSV)' });
  ds.serveTable('pdu_members', { summary: 'ODS codes assigned to paediatric diabetes units, with what each code is', byKey: false });
  ds.serveTable('icb_mappings', { summary: 'The curated ICB / sub-ICB / local authority / trust mapping' });
  ds.serveTable('edition_info', { summary: 'When this edition took effect', byKey: false });
};

export default routes;
