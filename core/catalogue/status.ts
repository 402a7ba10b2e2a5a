// A dataset's state as users see it: not imported / queued / importing (percent) / ready / failed.
import type { Knex } from 'knex';
import type { LoadedDataset } from '../loader.ts';

export interface ImportRun {
  id: number;
  dataset_id: string;
  status: string;
  trigger: string;
  edition_id: number | null;
  rows: number;
  percent: number;
  message: string | null;
  error: { file?: string; line?: number; field?: string; reason: string } | null;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string | null;
}

const STALE_MS = 120_000;

export async function importRuns(knex: Knex, datasetId?: string, limit = 50): Promise<ImportRun[]> {
  const q = knex('catalogue.import_runs').orderBy('id', 'desc').limit(limit);
  if (datasetId) q.where({ dataset_id: datasetId });
  return q;
}

/** The newest run of every dataset, in one query. */
export async function latestRuns(knex: Knex): Promise<Map<string, ImportRun>> {
  const rows: ImportRun[] = await knex('catalogue.import_runs').distinctOn('dataset_id').orderBy([{ column: 'dataset_id' }, { column: 'id', order: 'desc' }]);
  return new Map(rows.map((r) => [r.dataset_id, r]));
}

/** Runs marked running whose process stopped sending heartbeats (killed) are failed, not "importing". */
export async function failStaleRuns(knex: Knex, staleMs = STALE_MS): Promise<number> {
  return knex('catalogue.import_runs')
    .where({ status: 'running' })
    .andWhere('heartbeat_at', '<', new Date(Date.now() - staleMs))
    .update({ status: 'failed', finished_at: knex.fn.now(), error: JSON.stringify({ reason: 'the import process stopped (killed or crashed); the previous edition stayed served' }) });
}

export function datasetState(d: LoadedDataset, hasEdition: boolean, last: ImportRun | undefined) {
  if (d.loadError) return { state: 'failed', reason: d.loadError };
  if (last?.status === 'running') return { state: 'importing', percent: last.percent, rows: last.rows, message: last.message, run: last.id };
  if (last?.status === 'queued') return { state: 'queued', run: last.id };
  if (last?.status === 'failed' && !hasEdition) return { state: 'failed', reason: last.error?.reason, error: last.error, run: last.id };
  if (hasEdition)
    return last?.status === 'failed' ? { state: 'ready', last_import_failed: { run: last.id, error: last.error } } : { state: 'ready' };
  return { state: 'not imported' };
}
