// Types flow from JSON Schemas: core/types.ts from core/schemas, datasets/<id>/types.ts from schemas/.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { compile } from 'json-schema-to-typescript';

const BANNER = '// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.\n';

async function schemaFiles(dir: string, suffix: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith(suffix)).sort().map((f) => join(dir, f));
}

async function typesFor(files: string[], nameOf: (file: string) => string): Promise<string> {
  const parts = [BANNER];
  for (const file of files) {
    const schema = JSON.parse(await readFile(file, 'utf8'));
    const ts = await compile({ ...schema, title: nameOf(file) }, nameOf(file), {
      bannerComment: '',
      additionalProperties: false,
      cwd: join(file, '..'),
      style: { singleQuote: true },
    });
    parts.push(ts);
  }
  return parts.join('\n');
}

const CORE_TYPES: Record<string, string> = { 'catalogue.schema.json': 'CatalogueFile', 'dataset.schema.json': 'DatasetManifest', 'plugin.schema.json': 'PluginManifest' };

const pascal = (s: string) => s.replace(/(^|[-_])([a-z0-9])/g, (_m, _p, c: string) => c.toUpperCase());

/** Every generated file: path → expected content. */
export async function generatedTypes(root: string, only?: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  out.set(
    join(root, 'core', 'types.ts'),
    await typesFor(await schemaFiles(join(root, 'core', 'schemas'), '.schema.json'), (f) => CORE_TYPES[basename(f)] ?? pascal(basename(f, '.schema.json'))),
  );
  const datasets = join(root, 'datasets');
  for (const id of existsSync(datasets) ? (await readdir(datasets)).sort() : []) {
    if (only && !only.includes(id)) continue;
    const files = await schemaFiles(join(datasets, id, 'schemas'), '.json');
    if (files.length === 0) continue;
    out.set(join(datasets, id, 'types.ts'), await typesFor(files, (f) => pascal(basename(f, '.json')) + 'Record'));
  }
  return out;
}

/** Writes the generated types (or, with check, lists the stale files without writing). */
export async function syncTypes(root: string, check: boolean, only?: string[]): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, content] of await generatedTypes(root, only)) {
    const current = existsSync(path) ? await readFile(path, 'utf8') : '';
    if (current === content) continue;
    stale.push(path);
    if (!check) await writeFile(path, content);
  }
  return stale;
}
