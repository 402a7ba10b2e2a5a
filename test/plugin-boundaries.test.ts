// The contract is the only door: a dataset plug-in's code imports its own folder, core/contract.ts
// and npm packages, nothing else; it reads no core table and no other dataset's table that it does
// not declare in depends_on. (Its tests and generated types.ts aside.)
import t from 'tap';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { dependenciesOf, readCatalogue } from '../core/manifest.ts';
import { tableName } from '../core/tables.ts';
import { ROOT } from './helpers/platform.ts';

const CONTRACT = join(ROOT, 'core', 'contract.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return f === 'test' || f === 'fixtures' ? [] : sourceFiles(path);
    return f.endsWith('.ts') && f !== 'types.ts' && !f.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier of a TypeScript file: static imports and exports, and dynamic import(). */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** Imports that leave the plug-in's folder for anything but the contract. */
export function forbiddenImports(pluginDir: string): string[] {
  const bad: string[] = [];
  for (const file of sourceFiles(pluginDir)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // npm packages and node: built-ins
      const target = resolve(dirname(file), spec);
      if (target === CONTRACT || target.startsWith(pluginDir + '/')) continue;
      bad.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  return bad;
}

const { datasets } = readCatalogue(join(ROOT, 'catalogue.yaml'));
const physical = datasets.flatMap((d) => d.manifest.tables.map((tb) => ({ dataset: d.id, name: tableName(d.id, tb.name) })));

/** Reads of the core's tables, and of tables of datasets not declared in depends_on. */
function forbiddenReads(d: (typeof datasets)[number]): string[] {
  const declared = new Set([d.id, ...dependenciesOf(d.manifest).map((x) => x.id)]);
  const found: string[] = [];
  for (const file of sourceFiles(d.dir)) {
    const text = readFileSync(file, 'utf8');
    if (/\bcatalogue\.(editions|current_editions|import_runs)\b/.test(text)) found.push(`${relative(ROOT, file)} reads the core's catalogue tables`);
    for (const p of physical)
      if (!declared.has(p.dataset) && new RegExp(`\\b${p.name}\\b`).test(text)) found.push(`${relative(ROOT, file)} reads ${p.name} of ${p.dataset}, not in depends_on`);
  }
  return found;
}

t.test('plug-ins import only their own folder and the contract, and read no core or undeclared table', async (t) => {
  for (const d of datasets) t.same([...forbiddenImports(d.dir), ...forbiddenReads(d)], [], d.id);
});

t.test('platform plug-ins (plugins/<id>/) import only their own folder and the contract', async (t) => {
  const dirs = readdirSync(join(ROOT, 'plugins'))
    .map((f) => join(ROOT, 'plugins', f))
    .filter((d) => existsSync(join(d, 'plugin.yaml'))); // the web pages are a cross-cutting plug-in of the core's
  for (const dir of [...dirs, ...readdirSync(join(ROOT, 'test', 'fixtures', 'plugins')).map((f) => join(ROOT, 'test', 'fixtures', 'plugins', f))])
    t.same(forbiddenImports(dir), [], relative(ROOT, dir));
});

t.test('the checks catch what they are for (synthetic sources)', async (t) => {
  t.same(specifiers("import a from '../x.ts';\nimport type { B } from \"../../core/db/y.ts\";\nexport { c } from './c.ts';\nconst d = await import('../d.ts');\nimport './side.ts';"), [
    '../x.ts',
    '../../core/db/y.ts',
    './c.ts',
    './side.ts',
    '../d.ts',
  ]);
});
