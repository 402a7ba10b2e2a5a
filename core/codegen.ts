// Types flow from JSON Schemas: core/types.ts from core/schemas, datasets/<id>/types.ts and plugins/<id>/types.ts from their schemas/.
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
  // datasets/<id>/schemas and platform plug-ins' plugins/<id>/schemas (the shapes of the answers they serve) alike
  for (const kind of ['datasets', 'plugins']) {
    const dir = join(root, kind);
    for (const id of existsSync(dir) ? (await readdir(dir)).sort() : []) {
      if (only && !only.includes(id)) continue;
      for (const [path, content] of await pluginTypes(join(dir, id))) out.set(path, content);
    }
  }
  return out;
}

/** The generated types.ts of one plug-in folder (none when it has no schemas). */
async function pluginTypes(dir: string): Promise<Map<string, string>> {
  const files = await schemaFiles(join(dir, 'schemas'), '.json');
  if (files.length === 0) return new Map();
  return new Map([[join(dir, 'types.ts'), await typesFor(files, (f) => pascal(basename(f, '.json')) + 'Record')]]);
}

/** Writes the generated types of the project (or, with check, lists the stale files without writing). */
export async function syncTypes(root: string, check: boolean, only?: string[]): Promise<string[]> {
  return sync(await generatedTypes(root, only), check);
}

/** The same for plug-in folders wherever they are (a scaffold's target, a catalogue entry's path). */
export async function syncPluginTypes(dirs: string[], check: boolean): Promise<string[]> {
  const all = new Map<string, string>();
  for (const dir of dirs) for (const [path, content] of await pluginTypes(dir)) all.set(path, content);
  return sync(all, check);
}

async function sync(generated: Map<string, string>, check: boolean): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, content] of generated) {
    const current = existsSync(path) ? await readFile(path, 'utf8') : '';
    if (current === content) continue;
    stale.push(path);
    if (!check) await writeFile(path, content);
  }
  return stale;
}
