// How the catalogue describes a dataset: summary, full entry, Frictionless Data Package, DCAT.
import type { Knex } from 'knex';
import { listEditions, type EditionRow } from '../editions.ts';
import type { LoadedDataset } from '../loader.ts';
import { fieldsOf } from '../rest/query.ts';
import { datasetState, importRuns, type ImportRun } from './status.ts';

export interface DescribeInput {
  dataset: LoadedDataset;
  current?: EditionRow;
  endpoints: string[];
  baseUrl: string;
  /** After how long without a heartbeat a running import counts as dead (staleAfterMs). */
  staleAfterMs: number;
  /** The dataset's newest import run, when the caller already has it. */
  lastRun?: ImportRun | null;
}

function editionSummary(e: EditionRow | undefined) {
  if (!e) return null;
  return {
    id: e.id,
    label: e.label,
    imported_at: e.imported_at,
    geography_vintage: e.geography_vintage ?? null,
    sources: e.sources,
    row_counts: e.row_counts,
    warnings: e.warnings.length,
  };
}

export async function summary(knex: Knex, input: DescribeInput) {
  const { dataset: d, current } = input;
  const m = d.manifest;
  const last = input.lastRun === undefined ? (await importRuns(knex, input.staleAfterMs, d.id, 1))[0] : (input.lastRun ?? undefined);
  return {
    id: d.id,
    title: m.title,
    description: m.description,
    group: m.group ?? null,
    publisher: m.publisher,
    licence: m.licence,
    keywords: m.keywords,
    spatial: m.spatial,
    temporal: m.temporal,
    geography_vintage: m.geography_vintage ?? null,
    status: datasetState(d, Boolean(current), last),
    current_edition: editionSummary(current),
    endpoints: input.endpoints.map((e) => input.baseUrl + e),
    links: { self: `${input.baseUrl}/catalogue/${d.id}`, imports: `${input.baseUrl}/catalogue/${d.id}/imports`, datapackage: `${input.baseUrl}/catalogue/${d.id}/datapackage.json` },
  };
}

export async function fullEntry(knex: Knex, input: DescribeInput) {
  const m = input.dataset.manifest;
  const editions = await listEditions(knex, input.dataset.id);
  return {
    ...(await summary(knex, input)),
    caveats: m.caveats ?? [],
    absent: m.absent ?? [],
    sources: m.sources.map(({ fixture: _f, ...s }) => s),
    depends_on: m.depends_on ?? [],
    refresh: m.refresh ?? null,
    warnings: input.current?.warnings ?? [],
    metadata: input.current?.metadata ?? {},
    editions: editions.map((e) => ({ id: e.id, label: e.label, imported_at: e.imported_at, retired: e.retired, row_counts: e.row_counts, warnings: e.warnings })),
    tables: m.tables.map((t) => ({ ...t, schema: input.dataset.schemas[t.name] })),
  };
}

const frictionlessType = (kind: string) => ({ string: 'string', number: 'number', integer: 'integer', boolean: 'boolean' })[kind] ?? 'object';

export function dataPackage(input: DescribeInput) {
  const { dataset: d, current } = input;
  const m = d.manifest;
  return {
    profile: 'tabular-data-package',
    name: d.id,
    id: `${input.baseUrl}/catalogue/${d.id}`,
    title: m.title,
    description: m.description,
    version: current?.label ?? m.edition,
    created: current?.imported_at,
    keywords: m.keywords,
    licenses: [{ name: m.licence.id, title: m.licence.title, ...(m.licence.url ? { path: m.licence.url } : {}) }],
    sources: m.sources.map((s) => ({ title: s.title ?? s.name, ...(s.url ? { path: s.url } : {}) })),
    contributors: [{ title: m.publisher.name, role: 'publisher', ...(m.publisher.url ? { path: m.publisher.url } : {}) }],
    spatial: m.spatial,
    temporal: m.temporal,
    resources: m.tables.map((t) => {
      const schema = d.schemas[t.name] ?? {};
      const props = (schema.properties ?? {}) as Record<string, { description?: string; title?: string }>;
      const required = new Set((schema.required ?? []) as string[]);
      return {
        name: t.name,
        title: t.title ?? t.name,
        path: `${input.baseUrl}/v1/${d.id}/${t.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        profile: 'tabular-data-resource',
        schema: {
          fields: fieldsOf(schema).map((f) => ({
            name: f.name,
            type: frictionlessType(f.kind),
            ...(props[f.name]?.description ? { description: props[f.name].description } : {}),
            ...(required.has(f.name) ? { constraints: { required: true } } : {}),
          })),
          primaryKey: t.primary_key,
        },
      };
    }),
  };
}

export function dcatDataset(input: DescribeInput) {
  const { dataset: d, current } = input;
  const m = d.manifest;
  return {
    '@id': `${input.baseUrl}/catalogue/${d.id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': d.id,
    'dct:title': m.title,
    'dct:description': m.description,
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': m.publisher.name, ...(m.publisher.url ? { 'foaf:homepage': m.publisher.url } : {}) },
    'dct:license': m.licence.url ?? m.licence.title,
    'dcat:keyword': m.keywords,
    'dct:spatial': m.spatial,
    'dct:temporal': m.temporal,
    ...(current ? { 'dct:modified': current.imported_at, 'owl:versionInfo': current.label } : {}),
    'dcat:distribution': m.tables.flatMap((t) => [
      { '@type': 'dcat:Distribution', 'dct:title': `${t.name} (CSV)`, 'dcat:accessURL': `${input.baseUrl}/v1/${d.id}/${t.name}.csv`, 'dcat:mediaType': 'text/csv' },
      { '@type': 'dcat:Distribution', 'dct:title': `${t.name} (JSON)`, 'dcat:accessURL': `${input.baseUrl}/v1/${d.id}/${t.name}`, 'dcat:mediaType': 'application/json' },
    ]),
  };
}
