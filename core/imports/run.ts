// One import: resolve sources, build a new edition inside one transaction on a dedicated
// connection, switch the current pointer in that same transaction. A failure or a killed
// process rolls everything back: the edition served before stays served, complete.
import { join, relative } from 'node:path';
import pg from 'pg';
import { SourceError } from '../contract.ts';
import { EDITION_CHANNEL } from '../editions.ts';
import type { LoadedDataset } from '../loader.ts';
import type { Platform } from '../platform.ts';
import { ImportProgress, type ProgressSnapshot } from './progress.ts';
import { resolveSources, type SourceFile } from './sources.ts';
import { retireOldEditions } from './retire.ts';
import { buildEdition } from './edition-builder.ts';
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
