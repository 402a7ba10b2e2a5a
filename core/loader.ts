// Loads each plug-in's modules; a plug-in that throws is listed as failed, the others go on.
// What a plug-in does not write, the core supplies: the importer of its declarative tables (run
// before its own importer.ts, if any) and, without a routes.ts, the standard routes of every table.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { DatasetImporter, DatasetRoutes, DatasetServices, PluginRoutes } from './contract.ts';
import type { CatalogueDefinition, DatasetDefinition } from './manifest.ts';
import type { PluginDefinition } from './plugin-manifest.ts';
import { declarativeImporter } from './imports/declarative.ts';

export interface LoadedDataset extends DatasetDefinition {
  importer?: DatasetImporter;
  routes?: DatasetRoutes;
  services?: DatasetServices;
  loadError?: string;
}

export interface LoadedPlugin extends PluginDefinition {
  routes?: PluginRoutes;
  loadError?: string;
}

async function optionalModule<T>(dir: string, name: string): Promise<T | undefined> {
  const file = join(dir, `${name}.ts`);
  if (!existsSync(file)) return undefined;
  const mod = await import(pathToFileURL(file).href);
  if (typeof mod.default !== 'function') throw new Error(`${name}.ts must have a default export function`);
  return mod.default as T;
}

export async function loadPlugins(def: CatalogueDefinition, log: Logger): Promise<LoadedDataset[]> {
  const out: LoadedDataset[] = [];
  for (const d of def.datasets) {
    const loaded: LoadedDataset = { ...d };
    try {
      loaded.importer = declarativeImporter(d.manifest, d.schemas, await optionalModule<DatasetImporter>(d.dir, 'importer'));
      loaded.routes = (await optionalModule<DatasetRoutes>(d.dir, 'routes')) ?? standardRoutes(d);
      loaded.services = await optionalModule<DatasetServices>(d.dir, 'services');
    } catch (err) {
      loaded.loadError = (err as Error).message;
      log.error({ dataset: d.id, err: loaded.loadError }, 'dataset plug-in failed to load');
    }
    out.push(loaded);
  }
  return out;
}

/** The routes of a plug-in without routes.ts: the standard list and by-key routes of each table. */
function standardRoutes(d: DatasetDefinition): DatasetRoutes {
  return (_app, ds) => {
    for (const t of d.manifest.tables) ds.serveTable(t.name);
  };
}

/** Platform plug-ins (plugins/<id>/routes.ts); one that fails to load is listed as failed, the others go on. */
export async function loadPlatformPlugins(def: CatalogueDefinition, log: Logger): Promise<LoadedPlugin[]> {
  const out: LoadedPlugin[] = [];
  for (const p of def.plugins) {
    const loaded: LoadedPlugin = { ...p };
    try {
      loaded.routes = await optionalModule<PluginRoutes>(p.dir, 'routes');
      if (!loaded.routes) throw new Error('routes.ts is missing');
    } catch (err) {
      loaded.loadError = (err as Error).message;
      log.error({ plugin: p.id, err: loaded.loadError }, 'platform plug-in failed to load');
    }
    out.push(loaded);
  }
  return out;
}
