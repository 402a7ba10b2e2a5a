// Background work on graphile-worker, on the same database: import jobs and scheduled refreshes.
import { run, quickAddJob, runMigrations, type Runner, type Task } from 'graphile-worker';
import type { Platform } from './platform.ts';
import { queueRun, runImport } from './imports/run.ts';
import { failStaleRuns, staleAfterMs } from './catalogue/status.ts';
import { sourcesPresent } from './imports/sources.ts';

export const IMPORT_TASK = 'catalogue_import';

interface ImportPayload {
  dataset: string;
  run?: number;
  trigger?: 'api' | 'start' | 'schedule';
}

export function crontab(platform: Platform): string {
  return platform.datasets
    .filter((d) => d.manifest.refresh && !d.loadError)
    .map((d) => `${d.manifest.refresh!.cron} ${IMPORT_TASK} ?id=refresh_${d.id.replace(/-/g, '_')}&max=1 ${JSON.stringify({ dataset: d.id, trigger: 'schedule' })}`)
    .join('\n');
}

export async function startWorker(platform: Platform, concurrency = 1): Promise<Runner> {
  const task: Task = async (payload) => {
    const p = payload as ImportPayload;
    await runImport(platform, { datasetId: p.dataset, trigger: p.trigger ?? 'api', runId: p.run });
  };
  const runner = await run({
    connectionString: platform.db.url,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: { [IMPORT_TASK]: task },
    crontab: crontab(platform),
    logger: undefined,
  });
  // Runs of an import process that died (on any machine) are failed while this worker runs.
  const stale = staleAfterMs(platform.config);
  const sweep = setInterval(() => void failStaleRuns(platform.knex, stale).catch(() => undefined), stale / 2);
  sweep.unref();
  void runner.promise.finally(() => clearInterval(sweep)).catch(() => undefined);
  return runner;
}

/** Queues an import job; the run row appears at once in /catalogue/{id}/imports. */
export async function enqueueImport(platform: Platform, datasetId: string, trigger: 'api' | 'start'): Promise<number> {
  await runMigrations({ connectionString: platform.db.url });
  const runId = await queueRun(platform, datasetId, trigger);
  await quickAddJob({ connectionString: platform.db.url }, IMPORT_TASK, { dataset: datasetId, run: runId, trigger }, { maxAttempts: 1, jobKey: `import_${datasetId}_${runId}` });
  return runId;
}

/** On start: datasets never imported whose sources are found locally are queued, in dependency order. */
export async function queueFirstImports(platform: Platform, order: string[]): Promise<string[]> {
  await failStaleRuns(platform.knex, staleAfterMs(platform.config));
  const queued: string[] = [];
  for (const id of order) {
    const d = platform.dataset(id)!;
    if (d.loadError || !d.importer || (await platform.editions.get(id))) continue;
    const pending = await platform.knex('catalogue.import_runs').where({ dataset_id: id }).whereIn('status', ['queued', 'running']).first();
    if (pending || !sourcesPresent(d.manifest, platform.config.dataDir)) continue;
    await enqueueImport(platform, id, 'start');
    queued.push(id);
  }
  return queued;
}
