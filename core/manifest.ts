// Reads catalogue.yaml and every dataset.yaml, validating each against its JSON Schema.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, basename } from 'node:path';
import { parse } from 'yaml';
import { ajv, describeErrors, explainingAjv } from './schema.ts';
import { didYouMean } from './suggest.ts';
import type { CatalogueFile, DatasetManifest } from './types.ts';
import { inspectPlugins, type PluginDefinition } from './plugin-manifest.ts';
import catalogueSchema from './schemas/catalogue.schema.json' with { type: 'json' };
import datasetSchema from './schemas/dataset.schema.json' with { type: 'json' };

export interface Problem {
  file: string;
  field: string;
  reason: string;
}

export class ManifestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n'));
    this.name = 'ManifestError';
  }
}

export interface DatasetDefinition {
  id: string;
  dir: string;
  manifest: DatasetManifest;
  schemas: Record<string, Record<string, unknown>>;
}

export interface CatalogueDefinition {
  root: string;
  file: string;
  info: CatalogueFile;
  datasets: DatasetDefinition[];
  plugins: PluginDefinition[];
}

const validateCatalogue = explainingAjv.compile<CatalogueFile>(catalogueSchema);
const validateDataset = explainingAjv.compile<DatasetManifest>(datasetSchema);

export function readYaml(path: string, root: string, problems: Problem[]): unknown {
  const file = relative(root, path);
  if (!existsSync(path)) {
    problems.push({ file, field: '/', reason: 'file not found' });
    return undefined;
  }
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push({ file, field: '/', reason: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function schemaProblems(def: DatasetDefinition, file: string, root: string): Problem[] {
  const problems: Problem[] = [];
  const m = def.manifest;
  if (m.id !== def.id) problems.push({ file, field: '/id', reason: `must equal the registered id "${def.id}"` });
  const names = new Set<string>();
  m.sources.forEach((s, i) => {
    if (names.has(s.name)) problems.push({ file, field: `/sources/${i}/name`, reason: `duplicate source name "${s.name}"` });
    names.add(s.name);
  });
  m.tables.forEach((t, i) => {
    const schemaFile = join(def.dir, 'schemas', `${t.name}.json`);
    const rel = relative(root, schemaFile);
    const schema = def.schemas[t.name];
    if (!schema) {
      problems.push({ file, field: `/tables/${i}/name`, reason: `no schema file ${rel}` });
      return;
    }
    const props = (schema.properties ?? {}) as Record<string, unknown>;
    const check = (list: string[] | undefined, key: string) =>
      (list ?? []).forEach((f, j) => {
        if (!(f.replace(/^-/, '') in props))
          problems.push({ file, field: `/tables/${i}/${key}/${j}`, reason: `"${f}" is not a property of ${rel}${didYouMean(f.replace(/^-/, ''), Object.keys(props))}` });
      });
    check(t.primary_key, 'primary_key');
    check(t.filterable, 'filterable');
    check(t.default_sort, 'default_sort');
    check(t.heavy, 'heavy');
    (t.indexes ?? []).forEach((cols, j) => check(cols, `indexes/${j}`));
    if (schema.type !== 'object') problems.push({ file: rel, field: '/type', reason: 'a record schema must be of type object' });
    problems.push(...recordSchemaProblems(schema, rel));
  });
  return problems;
}

/** A record schema checked against the JSON Schema meta-schema, each mistake named with its value. */
function recordSchemaProblems(schema: Record<string, unknown>, file: string): Problem[] {
  if (!explainingAjv.validateSchema(schema)) return describeErrors(explainingAjv.errors).map((e) => ({ file, ...e }));
  try {
    ajv.compile(schema);
    return [];
  } catch (err) {
    return [{ file, field: '/', reason: `not a valid JSON Schema: ${(err as Error).message}` }];
  }
}

function loadSchemas(dir: string, root: string, problems: Problem[]): Record<string, Record<string, unknown>> {
  const schemas: Record<string, Record<string, unknown>> = {};
  const schemaDir = join(dir, 'schemas');
  if (!existsSync(schemaDir)) return schemas;
  for (const f of readdirSync(schemaDir).filter((x) => x.endsWith('.json'))) {
    try {
      schemas[basename(f, '.json')] = JSON.parse(readFileSync(join(schemaDir, f), 'utf8'));
    } catch (err) {
      problems.push({ file: relative(root, join(schemaDir, f)), field: '/', reason: `not valid JSON: ${(err as Error).message}` });
    }
  }
  return schemas;
}

/** Every problem in the catalogue file and the manifests it registers (empty when all is well). */
export function inspectCatalogue(catalogueFile: string): { definition?: CatalogueDefinition; problems: Problem[] } {
  const root = resolve(catalogueFile, '..');
  const problems: Problem[] = [];
  const file = relative(root, catalogueFile);
  const raw = readYaml(catalogueFile, root, problems);
  if (raw === undefined) return { problems };
  if (!validateCatalogue(raw)) {
    for (const e of describeErrors(validateCatalogue.errors)) problems.push({ file, ...e });
    return { problems };
  }
  const info = raw;
  const datasets: DatasetDefinition[] = [];
  const ids = new Set<string>();
  info.datasets.forEach((entry, i) => {
    if (ids.has(entry.id)) problems.push({ file, field: `/datasets/${i}/id`, reason: `"${entry.id}" is registered twice` });
    ids.add(entry.id);
    if (entry.enabled === false) return;
    const dir = resolve(root, entry.path ?? join('datasets', entry.id));
    const manifestFile = join(dir, 'dataset.yaml');
    const mfile = relative(root, manifestFile);
    const manifest = readYaml(manifestFile, root, problems);
    if (manifest === undefined) return;
    if (!validateDataset(manifest)) {
      for (const e of describeErrors(validateDataset.errors)) problems.push({ file: mfile, ...e });
      return;
    }
    const def: DatasetDefinition = { id: entry.id, dir, manifest, schemas: loadSchemas(dir, root, problems) };
    problems.push(...schemaProblems(def, mfile, root));
    datasets.push(def);
  });
  for (const def of datasets) {
    dependenciesOf(def.manifest).forEach((dep, j) => {
      if (!dep.optional && !datasets.some((d) => d.id === dep.id))
        problems.push({
          file: relative(root, join(def.dir, 'dataset.yaml')),
          field: `/depends_on/${j}`,
          reason: `"${dep.id}" is not a registered dataset (register it in catalogue.yaml, or declare it as {id: ${dep.id}, optional: true})`,
        });
    });
  }
  const plugins = inspectPlugins(info, root, file, datasets, problems);
  return { definition: { root, file: catalogueFile, info, datasets, plugins }, problems };
}

/** The catalogue, or a ManifestError naming every problem: startup fails at once on a bad manifest. */
export function readCatalogue(catalogueFile: string): CatalogueDefinition {
  const { definition, problems } = inspectCatalogue(catalogueFile);
  if (problems.length > 0 || !definition) throw new ManifestError(problems);
  return definition;
}

/** The `depends_on` entries of a manifest, each with whether the dataset works without it. */
export function dependenciesOf(manifest: Pick<DatasetManifest, 'depends_on'>): { id: string; optional: boolean }[] {
  return (manifest.depends_on ?? []).map((d) => (typeof d === 'string' ? { id: d, optional: false } : { id: d.id, optional: d.optional === true }));
}

/** Datasets ordered so that each comes after those it depends on (optional ones too, when registered). */
export function dependencyOrder<T extends DatasetDefinition>(datasets: T[]): T[] {
  const byId = new Map(datasets.map((d) => [d.id, d]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (d: T, path: string[]) => {
    if (done.has(d.id)) return;
    if (path.includes(d.id)) throw new Error(`dependency cycle: ${[...path, d.id].join(' → ')}`);
    for (const dep of dependenciesOf(d.manifest)) {
      const next = byId.get(dep.id);
      if (next) visit(next, [...path, d.id]);
    }
    done.add(d.id);
    out.push(d);
  };
  datasets.forEach((d) => visit(d, []));
  return out;
}
