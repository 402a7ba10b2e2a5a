// Platform plug-ins that are not datasets (API adapters under plugins/<id>/): each plugin.yaml is
// validated, and no two plug-ins (nor a plug-in and the core) may claim overlapping URL prefixes.
import { join, relative, resolve } from 'node:path';
import { ajv, describeErrors } from './schema.ts';
import { dependenciesOf, readYaml, type DatasetDefinition, type Problem } from './manifest.ts';
import type { CatalogueFile, PluginManifest } from './types.ts';
import pluginSchema from './schemas/plugin.schema.json' with { type: 'json' };

export interface PluginDefinition {
  id: string;
  dir: string;
  manifest: PluginManifest;
}

/** URL prefixes the core serves itself. */
export const CORE_PREFIXES = ['/v1', '/catalogue', '/catalogue.jsonld', '/docs', '/openapi.json', '/admin', '/health'];

const validatePlugin = ajv.compile<PluginManifest>(pluginSchema);

/** One prefix contains the other (`/a` and `/a/b`; not `/a` and `/ab`). */
export const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** The enabled plug-ins of the catalogue file (`file`, relative to `root`), recording every problem found. */
export function inspectPlugins(info: CatalogueFile, root: string, file: string, datasets: DatasetDefinition[], problems: Problem[]): PluginDefinition[] {
  const out: PluginDefinition[] = [];
  (info.plugins ?? []).forEach((entry, i) => {
    if (out.some((p) => p.id === entry.id)) problems.push({ file, field: `/plugins/${i}/id`, reason: `"${entry.id}" is registered twice` });
    if (entry.enabled === false) return;
    const dir = resolve(root, entry.path ?? join('plugins', entry.id));
    const mfile = relative(root, join(dir, 'plugin.yaml'));
    const manifest = readYaml(join(dir, 'plugin.yaml'), root, problems);
    if (manifest === undefined) return;
    if (!validatePlugin(manifest)) {
      for (const e of describeErrors(validatePlugin.errors)) problems.push({ file: mfile, ...e });
      return;
    }
    if (manifest.id !== entry.id) problems.push({ file: mfile, field: '/id', reason: `must equal the registered id "${entry.id}"` });
    const core = CORE_PREFIXES.find((c) => overlaps(c, manifest.prefix));
    if (core) problems.push({ file: mfile, field: '/prefix', reason: `${manifest.prefix} overlaps ${core}, which the core serves` });
    const other = out.find((p) => overlaps(p.manifest.prefix, manifest.prefix));
    if (other) problems.push({ file: mfile, field: '/prefix', reason: `${manifest.prefix} overlaps ${other.manifest.prefix}, claimed by the plug-in ${other.id}` });
    dependenciesOf(manifest).forEach((dep, j) => {
      if (!dep.optional && !datasets.some((d) => d.id === dep.id))
        problems.push({ file: mfile, field: `/depends_on/${j}`, reason: `"${dep.id}" is not a registered dataset (register it, or declare it as {id: ${dep.id}, optional: true})` });
    });
    out.push({ id: entry.id, dir, manifest });
  });
  return out;
}
