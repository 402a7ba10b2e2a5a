// What a platform plug-in's routes see (the PluginContext of contract.ts): the services of the
// datasets it declares, and caching bound to the editions its answers come from.
import type { PluginContext } from './contract.ts';
import { dependencyAccess } from './dataset-context.ts';
import type { LoadedPlugin } from './loader.ts';
import { dependenciesOf } from './manifest.ts';
import type { Platform } from './platform.ts';
import { cacheFor } from './rest/cache.ts';

/**
 * The datasets a plug-in's answers can come from: those it declares and, transitively, those they
 * depend on (the census adapter answers from deprivation, which answers from postcodes), in a fixed order.
 */
function answeringDatasets(platform: Pick<Platform, 'dataset'>, declared: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const d = platform.dataset(id);
    if (d) for (const dep of dependenciesOf(d.manifest)) visit(dep.id);
  };
  declared.forEach(visit);
  return [...seen].sort();
}

export function createPluginContext(platform: Platform, p: LoadedPlugin): PluginContext {
  const maxAge = platform.catalogue.info.settings?.cache_max_age ?? 300;
  const { declared: _d, ...dependencies } = dependencyAccess(platform, p);
  const answering = answeringDatasets(platform, dependencies.dependencies.map((d) => d.id));
  // The version in every ETag: the same in every process and replica (edition ids, not this
  // process's switch counter), worked out again only when an edition switches.
  let known: { generation: number; ids: Promise<string> } | undefined;
  const editionIds = () => {
    const generation = platform.editions.generation;
    if (known?.generation !== generation) {
      const ids = Promise.all(answering.map((id) => platform.editions.get(id))).then((editions) => editions.map((e) => e?.id ?? 0).join('.'));
      const entry = (known = { generation, ids });
      ids.catch(() => {
        if (known === entry) known = undefined;
      });
    }
    return known.ids;
  };
  return {
    id: p.id,
    manifest: p.manifest,
    log: platform.log.child({ plugin: p.id }),
    ...dependencies,
    async cacheFor(request, reply) {
      return cacheFor(request, reply, await editionIds(), maxAge);
    },
  };
}
