// What a plug-in's routes and services see of the platform (the DatasetContext of contract.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DatasetContext, EditionInfo } from './contract.ts';
import { findEdition } from './editions.ts';
import type { LoadedDataset } from './loader.ts';
import type { Platform } from './platform.ts';
import { cacheFor } from './rest/cache.ts';
import { Problem, notFound } from './rest/problem.ts';
import { registerTableRoutes } from './rest/table-routes.ts';
import { tableName } from './tables.ts';

export interface ContextRegistry {
  get(id: string): DatasetContext | undefined;
  services: Map<string, Record<string, unknown>>;
}

export function createDatasetContext(platform: Platform, dataset: LoadedDataset, registry: ContextRegistry, app?: FastifyInstance): DatasetContext {
  const settings = platform.catalogue.info.settings ?? {};
  const maxAge = settings.cache_max_age ?? 300;
  const m = dataset.manifest;
  const toInfo = (e: EditionInfo): EditionInfo => ({ id: e.id, label: e.label, imported_at: e.imported_at, geography_vintage: e.geography_vintage });
  const ds: DatasetContext = {
    id: dataset.id,
    manifest: m,
    db: platform.knex,
    log: platform.log.child({ dataset: dataset.id }),
    schemas: dataset.schemas,
    tableName: (t) => tableName(dataset.id, t),
    async currentEdition() {
      const e = await platform.editions.get(dataset.id);
      return e ? toInfo(e) : null;
    },
    async edition(request: FastifyRequest) {
      const ref = (request.query as { edition?: unknown } | undefined)?.edition;
      if (typeof ref === 'string' && ref !== '') {
        const e = await findEdition(platform.knex, dataset.id, ref);
        if (!e) throw notFound(`${dataset.id} has no edition "${ref}" (see /catalogue/${dataset.id} for its editions)`);
        return toInfo(e);
      }
      const current = await ds.currentEdition();
      if (!current)
        throw new Problem(503, 'Dataset not imported yet', `${dataset.id} has no edition yet; its import status is at /catalogue/${dataset.id}`, {
          dataset: dataset.id,
        });
      return current;
    },
    describe(edition) {
      return {
        dataset: dataset.id,
        edition: { id: edition.id, label: edition.label, imported_at: edition.imported_at },
        geography_vintage: edition.geography_vintage ?? m.geography_vintage ?? null,
        licence: m.licence.title,
      };
    },
    serveTable(table, options = {}) {
      if (!app) throw new Error('serveTable is only available while routes are registered');
      registerTableRoutes(app, ds, table, options, { defaultLimit: settings.default_limit ?? 100, maxLimit: settings.max_limit ?? 1000 });
    },
    cacheFor: (request, reply, ...editions) =>
      cacheFor(request, reply, editions.map((e) => (typeof e === 'string' ? e : e.id)).join('.'), maxAge),
    service<T>(id: string): T {
      if (!(m.depends_on ?? []).includes(id)) throw new Error(`${dataset.id} uses ${id} without declaring it in depends_on`);
      const s = registry.services.get(id);
      if (!s) throw new Problem(503, 'Dependency unavailable', `${dataset.id} needs the ${id} dataset, which failed to load`);
      return s as T;
    },
  };
  return ds;
}
