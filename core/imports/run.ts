// One import: resolve sources, build a new edition inside one transaction on a dedicated
// connection, switch the current pointer in that same transaction. A failure or a killed
// process rolls everything back: the edition served before stays served, complete.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pg from 'pg';
import type { CsvReadOptions, ImportContext, SourceRow, TableWriter } from '../contract.ts';
import { SourceError } from '../contract.ts';
import { ajv } from '../schema.ts';
import { EDITION_CHANNEL } from '../editions.ts';
import type { LoadedDataset } from '../loader.ts';
import type { Platform } from '../platform.ts';
import { csvOptionsOf, readCsvFile } from './csv.ts';
import { ImportChecks } from './checks.ts';
import { declaredSources } from './source-names.ts';
import { ImportProgress, type ProgressSnapshot } from './progress.ts';
import { resolveSources, type SourceFile } from './sources.ts';
import { CopySession, CopyTableWriter } from './writer.ts';
import { retireOldEditions } from './retire.ts';
import { tableName } from '../tables.ts';
import { dependencyAccess } from '../dataset-context.ts';
import { failStaleRuns, staleAfterMs } from '../catalogue/status.ts';

export interface ImportRequest {
  datasetId: string;
  trigger: 'cli' | 'api' | 'start' | 'schedule' | 'test';
  sources?: string[];
  runId?: number;
  allowFixtures?: boolean;
  /** Read each source's synthetic fixture even where the real file is present (the conformance suite). */
  preferFixtures?: boolean;
  onProgress?: (p: ProgressSnapshot) => void;
}

export interface ImportResult {
  runId: number;
  editionId: number;
  rowCounts: Record<string, number>;
  warnings: { code: string; message: string }[];
  seconds: number;
}

export class ImportFailed extends Error {
  constructor(
    message: string,
    readonly runId: number,
    readonly detail: { file?: string; line?: number; field?: string; reason: string },
  ) {
    super(message);
    this.name = 'ImportFailed';
  }
}

export async function queueRun(platform: Platform, datasetId: string, trigger: ImportRequest['trigger']): Promise<number> {
  const [row] = await platform.knex('catalogue.import_runs').insert({ dataset_id: datasetId, status: 'queued', trigger }).returning('id');
  return row.id;
}

function describeFailure(err: unknown, dataset: LoadedDataset, root: string) {
  if (err instanceof SourceError) {
    const file = err.file && err.file.startsWith('/') ? relative(root, err.file) : err.file;
    return { file, line: err.line, field: err.field, reason: err.message };
  }
  return { reason: `${dataset.id} importer failed: ${(err as Error)?.message ?? String(err)}` };
}

export async function runImport(platform: Platform, req: ImportRequest): Promise<ImportResult> {
  const dataset = platform.dataset(req.datasetId);
  if (!dataset) throw new Error(`unknown dataset "${req.datasetId}"`);
  const started = Date.now();
  const runId = req.runId ?? (await queueRun(platform, dataset.id, req.trigger));
  const runs = () => platform.knex('catalogue.import_runs').where({ id: runId });
  // Runs left `running` by a process that died are failed first (this import may be their retry).
  await failStaleRuns(platform.knex, staleAfterMs(platform.config));
  await runs().update({ status: 'running', started_at: platform.knex.fn.now(), heartbeat_at: platform.knex.fn.now() });
  // The heartbeat says this process is alive, whatever phase the import is in (reading, ATTACH,
  // index builds); a run whose heartbeat stops is failed by the next worker, import or start.
  const heartbeat = setInterval(() => void runs().update({ heartbeat_at: platform.knex.fn.now() }).catch(() => undefined), platform.config.importHeartbeatMs);
  heartbeat.unref();
  const client = new pg.Client({ connectionString: platform.db.url });
  // A query on a client never connected waits for ever (and a CLI process would exit 0, silent).
  let connected = false;
  let progress: ImportProgress | undefined;
  try {
    if (dataset.loadError) throw new Error(`plug-in not loaded: ${dataset.loadError}`);
    if (!dataset.importer) throw new Error(`${dataset.id} has no importer.ts`);
    const files = await resolveSources(dataset.manifest, {
      dataDir: platform.config.dataDir,
      downloadsDir: join(platform.config.stateDir, 'downloads'),
      allowDownloads: platform.config.allowDownloads,
      allowFixtures: req.allowFixtures || req.preferFixtures,
      preferFixtures: req.preferFixtures,
      overrides: req.sources,
      datasetDir: dataset.dir,
      log: platform.log,
    });
    progress = new ImportProgress(platform.knex, runId, files.reduce((n, f) => n + f.bytes, 0), req.onProgress);
    await client.connect();
    connected = true;
    await client.query('BEGIN');
    const { rows: locked } = await client.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [`catalogue-import:${dataset.id}`]);
    if (!locked[0].ok) throw new Error(`an import of ${dataset.id} is already running`);
    const m = dataset.manifest;
    const { rows: ed } = await client.query(
      `INSERT INTO catalogue.editions (dataset_id, label, geography_vintage) VALUES ($1, $2, $3) RETURNING id`,
      [dataset.id, m.edition, m.geography_vintage ?? null],
    );
    const editionId: number = ed[0].id;
    const result = await buildEdition(platform, dataset, client, editionId, files, progress);
    const sources = await Promise.all(files.map(describeSource(platform.config.dataDir)));
    await client.query(
      `UPDATE catalogue.editions SET label = $2, row_counts = $3, warnings = $4, metadata = $5, sources = $6, imported_at = now() WHERE id = $1`,
      [editionId, result.label, JSON.stringify(result.rowCounts), JSON.stringify(result.warnings), JSON.stringify(result.metadata), JSON.stringify(sources)],
    );
    await client.query(
      `INSERT INTO catalogue.current_editions (dataset_id, edition_id) VALUES ($1, $2)
       ON CONFLICT (dataset_id) DO UPDATE SET edition_id = EXCLUDED.edition_id, switched_at = now()`,
      [dataset.id, editionId],
    );
    await client.query(`SELECT pg_notify($1, $2)`, [EDITION_CHANNEL, dataset.id]);
    // The run names its edition in the transaction that creates it: never an edition that did not commit.
    await progress.settle();
    await client.query('UPDATE catalogue.import_runs SET edition_id = $1 WHERE id = $2', [editionId, runId]);
    await client.query('COMMIT');
    await progress.settle();
    const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
    // This process serves the new edition before anyone is told the run succeeded.
    await platform.editions.refresh();
    await runs().update({ status: 'succeeded', percent: 100, rows, finished_at: platform.knex.fn.now(), message: null });
    await retireOldEditions(platform, dataset).catch((err) => platform.log.warn({ err: (err as Error).message }, 'retiring old editions failed'));
    return { runId, editionId, rowCounts: result.rowCounts, warnings: result.warnings, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    if (connected) await client.query('ROLLBACK').catch(() => undefined);
    await progress?.settle();
    const detail = describeFailure(err, dataset, platform.config.root);
    await runs().update({ status: 'failed', error: JSON.stringify(detail), finished_at: platform.knex.fn.now(), edition_id: null });
    const where = [detail.file, detail.line && `line ${detail.line}`, detail.field && `field ${detail.field}`].filter(Boolean).join(', ');
    throw new ImportFailed(`import of ${dataset.id} failed${where ? ` at ${where}` : ''}: ${detail.reason}`, runId, detail);
  } finally {
    clearInterval(heartbeat);
    await client.end().catch(() => undefined);
  }
}

const describeSource = (dataDir?: string) => async (f: SourceFile) => ({
  source: f.source,
  file: f.declared,
  origin: f.origin,
  bytes: f.bytes,
  sha256: await f.sha256,
  ...(f.origin === 'data-dir' && dataDir ? { path: relative(dataDir, f.path) } : {}),
});

async function buildEdition(
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
