// What the lookup benchmarks share: the postcode directory (the ONSPD sample and supplement), every
// deprivation index and the deprivation registry imported; and the postcodes they ask for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runImport, type ImportResult } from '../../core/imports/run.ts';
import type { Platform } from '../../core/platform.ts';

export const INDICES = ['imd-england-2019', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite'];
/** Everything a deprivation answer needs, in import order. */
export const LOOKUP_DATASETS = ['postcodes', ...INDICES, 'imd-england-2025', 'deprivation'];

/** Imports `ids` in order; the result of each. */
export async function importAll(platform: Platform, ids: string[]): Promise<Map<string, ImportResult>> {
  const out = new Map<string, ImportResult>();
  for (const id of ids) out.set(id, await runImport(platform, { datasetId: id, trigger: 'cli' }));
  return out;
}

/**
 * Live postcodes of the four nations from the sample and supplement: every English, Welsh and NI
 * one plus an equal spread of Scottish ones (455), shuffled deterministically; and how many live
 * rows with a small area the files hold, and all of them (for bulk bodies).
 */
export function livePostcodes(dataDir: string): {
  picks: string[];
  live: number;
  all: string[];
} {
  const csv = (f: string): Record<string, string>[] =>
    parse(readFileSync(join(dataDir, f)), {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  const live = [...csv('onspd/ONSPD_sample.csv'), ...csv('onspd/ONSPD_supplement_from_postcodes_io_examples.csv')].filter(
    (r) => !r.doterm && r.lsoa11 && /^[EWSN]92/.test(r.ctry),
  );
  const picks = [...live.filter((r) => r.ctry[0] !== 'S'), ...live.filter((r) => r.ctry[0] === 'S').filter((_, i) => i % 10 === 0)]
    .map((r, i) => ({ p: r.pcds, k: (i * 7919) % 1009 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.p);
  return { picks, live: live.length, all: live.map((r) => r.pcds) };
}

/** Bulk request bodies of `size` postcodes each, the list cut in turn (what is left over is not sent). */
export const bulkBodies = (postcodes: string[], size: number): string[] =>
  Array.from({ length: Math.floor(postcodes.length / size) }, (_, i) => JSON.stringify({ postcodes: postcodes.slice(i * size, (i + 1) * size) }));
