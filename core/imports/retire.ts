// After a switch, editions beyond the manifest's keep_editions are retired and their rows deleted.
import type { LoadedDataset } from '../loader.ts';
import type { Platform } from '../platform.ts';
import { tableName } from '../tables.ts';

export async function retireOldEditions(platform: Platform, dataset: LoadedDataset): Promise<number[]> {
  const keep = dataset.manifest.keep_editions ?? 2;
  const old: number[] = (
    await platform.knex('catalogue.editions').where({ dataset_id: dataset.id, retired: false }).orderBy('id', 'desc').offset(keep).select('id')
  ).map((r: { id: number }) => r.id);
  if (old.length === 0) return old;
  await platform.knex.transaction(async (trx) => {
    for (const t of dataset.manifest.tables) await trx(tableName(dataset.id, t.name)).whereIn('edition_id', old).delete();
    await trx('catalogue.editions').whereIn('id', old).update({ retired: true });
  });
  return old;
}
