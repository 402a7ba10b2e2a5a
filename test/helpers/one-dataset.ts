// What `npm test -- --dataset <id>` runs: the conformance suite on that dataset and the tests in
// its own folder, found through the catalogue (CATALOGUE_FILE, default catalogue.yaml).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { syncPluginTypes } from '../../core/codegen.ts';
import { inspectCatalogue } from '../../core/manifest.ts';

export interface DatasetTestPlan {
  /** The dataset asked for, or undefined for the whole suite. */
  dataset?: string;
  /** The other arguments, for tap. */
  args: string[];
  /** Test files to run. */
  files: string[];
  /** Generated types that are not up to date. */
  staleTypes: string[];
  /** Whether the plug-in has TypeScript of its own (then the type check runs). */
  typescript: boolean;
  error?: string;
}

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return f === 'node_modules' ? [] : filesUnder(path, keep);
      return keep(f) ? [path] : [];
    });
}

export async function datasetTestPlan(root: string, argv: string[], env: NodeJS.ProcessEnv): Promise<DatasetTestPlan> {
  const args = [...argv];
  const at = args.findIndex((a) => a === '--dataset' || a.startsWith('--dataset='));
  if (at < 0) return { args, files: [], staleTypes: [], typescript: true };
  const [flag] = args.splice(at, 1);
  const id = flag.includes('=') ? flag.slice('--dataset='.length) : args.splice(at, 1)[0];
  const plan: DatasetTestPlan = { dataset: id, args, files: [], staleTypes: [], typescript: false };
  if (!id) return { ...plan, error: 'say which dataset: npm test -- --dataset <id>' };
  const catalogueFile = resolve(root, env.CATALOGUE_FILE ?? 'catalogue.yaml');
  const { definition, problems } = inspectCatalogue(catalogueFile);
  if (!definition) return { ...plan, error: problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n') };
  const def = definition.datasets.find((d) => d.id === id);
  if (!def)
    return { ...plan, error: `no dataset "${id}" in ${catalogueFile} (registered: ${definition.datasets.map((d) => d.id).join(', ')}); run npm run catalogue -- validate ${id}` };
  return {
    ...plan,
    files: [join(root, 'test', 'conformance.test.ts'), ...filesUnder(join(def.dir, 'test'), (f) => f.endsWith('.test.ts'))],
    staleTypes: await syncPluginTypes([def.dir], true),
    typescript: filesUnder(def.dir, (f) => f.endsWith('.ts') && f !== 'types.ts').length > 0,
  };
}
