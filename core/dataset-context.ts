// What a plug-in's routes and services see of the platform (the DatasetContext of contract.ts),
// built once per dataset when the platform opens; routes get it with serveTable bound to their scope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DatasetContext, DatasetManifest, Dependency, EditionInfo } from './contract.ts';
import { findEdition, listEditions } from './editions.ts';
import type { LoadedDataset } from './loader.ts';
import { dependenciesOf } from './manifest.ts';
import type { Platform } from './platform.ts';
import { cacheFor } from './rest/cache.ts';
import { Problem, notImported, notFound } from './sdk/problem.ts';
import { registerTableRoutes } from './rest/table-routes.ts';
import { tableName } from './tables.ts';

type DependencyAccess = Pick<DatasetContext, 'dependencies' | 'service' | 'optionalService'> & { declared(id: string): Dependency };

/** The declared dependencies of a dataset and their services (the same rules for importers and routes). */
export function dependencyAccess(platform: Pick<Platform, 'dataset' | 'services'>, dataset: { id: string; manifest: Pick<DatasetManifest, 'depends_on'> }): DependencyAccess {
  const dependencies = dependenciesOf(dataset.manifest).map((d) => ({ ...d, present: Boolean(platform.dataset(d.id)) }));
  const declared = (id: string): Dependency => {
    const d = dependencies.find((x) => x.id === id);
    if (!d) throw new Error(`${dataset.id} uses ${id} without declaring it in depends_on`);
    return d;
  };
  return {
    dependencies,
    declared,
    service<T>(id: string): T {
      const d = declared(id);
      const s = platform.services.get(id);
      if (!s)
        throw new Problem(503, 'Dependency unavailable', `${dataset.id} needs the ${id} dataset, which ${d.present ? 'failed to load' : 'is not registered in this catalogue'}`, {
          dataset: dataset.id,
          dependency: id,
        });
      return s as T;
    },
    optionalService<T>(id: string): T | null {
      declared(id);
      return (platform.services.get(id) as T | undefined) ?? null;
    },
  };
}

const toInfo = (e: EditionInfo): EditionInfo => ({ id: e.id, label: e.label, imported_at: e.imported_at, geography_vintage: e.geography_vintage });

export function createDatasetContext(platform: Platform, dataset: LoadedDataset): DatasetContext {
  const maxAge = platform.catalogue.info.settings?.cache_max_age ?? 300;
  const m = dataset.manifest;
  const { declared: _d, ...dependencies } = dependencyAccess(platform, dataset);
  const ds: DatasetContext = {
    id: dataset.id,
    manifest: m,
    db: platform.knex,
    log: platform.log.child({ dataset: dataset.id }),
    schemas: dataset.schemas,
    ...dependencies,
    tableName: (t) => tableName(dataset.id, t),
    async currentEdition() {
      const e = await platform.editions.get(dataset.id);
      return e ? toInfo(e) : null;
    },
    editionsVersion: () => platform.editions.generation,
    async findEdition(ref) {
      const e = await findEdition(platform.knex, dataset.id, ref);
      return e ? toInfo(e) : null;
    },
    async editions() {
      return (await listEditions(platform.knex, dataset.id)).filter((e) => !e.retired).map(toInfo);
    },
    async edition(request: FastifyRequest) {
      const ref = (request.query as { edition?: unknown } | undefined)?.edition;
      if (typeof ref === 'string' && ref !== '') {
        const e = await ds.findEdition(ref);
        if (!e) throw notFound(`${dataset.id} has no edition "${ref.slice(0, 40)}" (see /catalogue/${dataset.id} for its editions)`);
        return e;
      }
      const current = await ds.currentEdition();
      if (!current)
        throw notImported(dataset.id);
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
    serveTable() {
      throw new Error('serveTable is only available while routes are registered');
    },
    cacheFor: (request, reply, ...editions) =>
      cacheFor(request, reply, editions.map((e) => (typeof e === 'string' ? e : e.id)).join('.'), maxAge),
  };
  return ds;
}

/** The context a plug-in's routes get: serveTable registers into their own scope. */
export function routesContext(platform: Platform, ds: DatasetContext, scope: FastifyInstance): DatasetContext {
  const settings = platform.catalogue.info.settings ?? {};
  const limits = { defaultLimit: settings.default_limit ?? 100, maxLimit: settings.max_limit ?? 1000 };
  const routed: DatasetContext = { ...ds, serveTable: (table, options = {}) => registerTableRoutes(scope, routed, table, options, limits) };
  return routed;
}
