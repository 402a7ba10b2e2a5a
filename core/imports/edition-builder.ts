// The ImportContext of one import (what an importer sees: its sources, table writers, dependencies,
// warnings, progress) on the import's own connection, and the edition it builds.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type pg from 'pg';
import type { CsvReadOptions, ImportContext, SourceRow, TableWriter } from '../contract.ts';
import { SourceError } from '../contract.ts';
import { ajv } from '../schema.ts';
import type { LoadedDataset } from '../loader.ts';
import type { Platform } from '../platform.ts';
import { csvOptionsOf, readCsvFile } from './csv.ts';
import { ImportChecks } from './checks.ts';
import { declaredSources } from './source-names.ts';
import type { ImportProgress } from './progress.ts';
import type { SourceFile } from './sources.ts';
import { CopySession, CopyTableWriter } from './writer.ts';
import { tableName } from '../tables.ts';
import { dependencyAccess } from '../dataset-context.ts';

/** Runs the plug-in's importer into edition `editionId`; its rows, warnings, label and metadata. */
export async function buildEdition(
  platform: Platform,
  dataset: LoadedDataset,
  client: pg.Client,
  editionId: number,
  files: SourceFile[],
  progress: ImportProgress,
) {
  const writers = new Map<string, CopyTableWriter>();
  const checks = new ImportChecks(dataset.manifest, new Set(files.filter((f) => f.origin === 'fixture').map((f) => f.source)));
  const checked = new Map<string, TableWriter>();
  const session = new CopySession();
  const warnings: { code: string; message: string; details?: unknown }[] = [];
  const bySource: Record<string, string[]> = {};
  for (const f of files) (bySource[f.source] ??= []).push(f.path);
  const openSource = (path: string) => {
    const stream = createReadStream(path, { highWaterMark: 256 << 10 });
    stream.on('data', (chunk) => progress.addBytes(chunk.length));
    return stream;
  };
  const sourceFiles = (name: string) => {
    if (!dataset.manifest.sources.some((s) => s.name === name)) throw new Error(`"${name}" is not a source declared in dataset.yaml`);
    return bySource[name] ?? [];
  };
  const { declared, ...dependencies } = dependencyAccess(platform, dataset);
  const ctx: ImportContext = {
    ...dependencies,
    datasetId: dataset.id,
    manifest: dataset.manifest,
    editionId,
    log: platform.log.child({ dataset: dataset.id, edition: editionId }),
    sources: declaredSources(bySource, dataset.manifest),
    openSource,
    async *readCsv(name: string, options?: CsvReadOptions): AsyncIterable<SourceRow> {
      const declaredOptions = csvOptionsOf(dataset.manifest.sources.find((s) => s.name === name));
      for (const path of sourceFiles(name)) yield* readCsvFile(openSource(path), relative(platform.config.root, path), { ...declaredOptions, ...options });
    },
    async readJson<T>(name: string): Promise<T> {
      const [path] = sourceFiles(name);
      if (!path) throw new SourceError(`source "${name}" has no file`);
      const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      progress.addBytes(Buffer.byteLength(text));
      try {
        return JSON.parse(text) as T;
      } catch (err) {
        throw new SourceError(`not valid JSON: ${(err as Error).message}`, path);
      }
    },
    table(name: string) {
      let w = writers.get(name);
      if (!w) {
        const schema = dataset.schemas[name];
        if (!schema || !dataset.manifest.tables.some((t) => t.name === name)) throw new Error(`"${name}" is not a table declared in dataset.yaml`);
        const columns = Object.keys((schema.properties ?? {}) as object);
        w = new CopyTableWriter(client, tableName(dataset.id, name), columns, ajv.compile(schema), editionId, (n) => progress.addRows(n), session);
        writers.set(name, w);
        checked.set(name, checks.wrap(name, w));
      }
      return checked.get(name)!;
    },
    tableName(table: string, datasetId = dataset.id) {
      if (datasetId !== dataset.id) declared(datasetId);
      return tableName(datasetId, table);
    },
    async query<R>(sql: string, params?: unknown[]) {
      await session.settle();
      return (await client.query(sql, params as unknown[])).rows as R[];
    },
    warn(code, message, details) {
      warnings.push({ code, message, ...(details === undefined ? {} : { details }) });
    },
    progress: (fraction, message) => progress.report(fraction, message),
    async currentEdition(id: string) {
      if (id !== dataset.id) declared(id);
      await session.release();
      const { rows } = await client.query('SELECT edition_id FROM catalogue.current_editions WHERE dataset_id = $1', [id]);
      return rows[0]?.edition_id ?? null;
    },
  };
  let outcome;
  try {
    outcome = (await dataset.importer!(ctx)) ?? {};
    for (const w of writers.values()) await w.flush();
  } catch (err) {
    await session.abort();
    throw err;
  }
  const rowCounts: Record<string, number> = {};
  for (const t of dataset.manifest.tables) rowCounts[t.name] = writers.get(t.name)?.count ?? 0;
  warnings.push(...checks.finish(rowCounts));
  return { label: outcome.label ?? dataset.manifest.edition, metadata: outcome.metadata ?? {}, rowCounts, warnings };
}
