// After a switch, editions beyond the manifest's keep_editions are retired and their partitions dropped.
import type { LoadedDataset } from '../loader.ts';
import type { Platform } from '../platform.ts';
import { tableName } from '../tables.ts';
import { dropEditions } from '../db/partitions.ts';

export async function retireOldEditions(platform: Platform, dataset: LoadedDataset): Promise<number[]> {
  const keep = dataset.manifest.keep_editions ?? 2;
  const old: number[] = (
    await platform.knex('catalogue.editions').where({ dataset_id: dataset.id, retired: false }).orderBy('id', 'desc').offset(keep).select('id')
  ).map((r: { id: number }) => r.id);
  // Marked retired first (no longer served), then their partitions go without blocking readers;
  // partitions left by an earlier retirement that did not finish go too.
  if (old.length > 0) await platform.knex('catalogue.editions').whereIn('id', old).update({ retired: true });
  const retired = (await platform.knex('catalogue.editions').where({ dataset_id: dataset.id, retired: true }).select('id')).map((r: { id: number }) => r.id);
  for (const t of dataset.manifest.tables) await dropEditions(platform.knex, tableName(dataset.id, t.name), retired);
  return old;
}
