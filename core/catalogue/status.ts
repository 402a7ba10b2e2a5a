// A dataset's state as users see it: not imported / queued / importing (percent) / ready / failed.
import type { Knex } from 'knex';
import type { LoadedDataset } from '../loader.ts';
import type { Config } from '../config.ts';

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

/** A running import's heartbeat may be late by this many beats before its run counts as dead. */
const MISSED_BEATS = 6;

export const staleAfterMs = (config: Pick<Config, 'importHeartbeatMs'>) => config.importHeartbeatMs * MISSED_BEATS;

const STOPPED = { reason: 'the import process stopped (killed or crashed); the previous edition stayed served' };

// PostgreSQL's clock decides (every heartbeat is its now()), not this process's.
const silentFor = (knex: Knex, staleMs: number) => knex.raw(`heartbeat_at < now() - make_interval(secs => ?)`, [staleMs / 1000]);

/** A running run whose heartbeat stopped is shown as what it is, failed, even before a sweep marks it so. */
function asSeen(row: ImportRun & { silent?: boolean }): ImportRun {
  const { silent, ...run } = row;
  return silent && run.status === 'running' ? { ...run, status: 'failed', error: STOPPED } : run;
}

/** Import runs with whether each has gone silent. */
const runsSeen = (knex: Knex, staleMs: number) => knex('catalogue.import_runs').select('*', knex.raw(`(${silentFor(knex, staleMs).toQuery()}) AS silent`));

export async function importRuns(knex: Knex, staleMs: number, datasetId?: string, limit = 50): Promise<ImportRun[]> {
  const q = runsSeen(knex, staleMs).orderBy('id', 'desc').limit(limit);
  if (datasetId) q.where({ dataset_id: datasetId });
  return (await q).map(asSeen);
}

export async function importRun(knex: Knex, staleMs: number, datasetId: string, runId: number): Promise<ImportRun | undefined> {
  const row = await runsSeen(knex, staleMs).where({ id: runId, dataset_id: datasetId }).first();
  return row ? asSeen(row) : undefined;
}

/** The newest run of every dataset, in one query. */
export async function latestRuns(knex: Knex, staleMs: number): Promise<Map<string, ImportRun>> {
  const rows = await runsSeen(knex, staleMs)
    .distinctOn('dataset_id')
    .orderBy([{ column: 'dataset_id' }, { column: 'id', order: 'desc' }]);
  return new Map(rows.map((r: ImportRun) => [r.dataset_id, asSeen(r)]));
}

/** Runs marked running whose process stopped sending heartbeats (killed, crashed) are failed, not "importing". */
export async function failStaleRuns(knex: Knex, staleMs: number): Promise<number> {
  return knex('catalogue.import_runs')
    .where({ status: 'running' })
    .andWhere(silentFor(knex, staleMs))
    .update({ status: 'failed', finished_at: knex.fn.now(), edition_id: null, error: JSON.stringify(STOPPED) });
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
