// What each national index plug-in tells the deprivation-by-postcode service about itself, and the
// services factory they all export (an in-memory snapshot of the areas of an edition, cached per edition).
import type { DatasetContext, EditionInfo } from '../../../core/contract.ts';
import type { RuleId } from './quantiles.ts';

export type Nation = 'England' | 'Wales' | 'Scotland' | 'Northern Ireland';

export const COUNTRY_CODES: Record<Nation, string> = {
  England: 'E92000001',
  Wales: 'W92000004',
  Scotland: 'S92000003',
  'Northern Ireland': 'N92000002',
};

export interface MeasureDescriptor {
  key: string;
  title: string;
  rank: string;
  score?: string;
  /** Published quantiles: size → column. */
  published: Record<number, string>;
}

export interface IndexDescriptor {
  /** Index edition label used by `edition=` on the by-postcode routes (IoD2019, WIMD2019…). */
  label: string;
  dataset: string;
  nation: Nation | 'United Kingdom';
  title: string;
  publisher: string;
  rule: RuleId;
  /** The postcode-directory column holding this index's small areas. */
  join: 'lsoa11' | 'lsoa21';
  area_type: string;
  /** Table of small areas; null when the edition is published here only as local-authority summaries. */
  table: string | null;
  code: string;
  name: string;
  la_code?: string;
  la_name?: string;
  overall: MeasureDescriptor;
  domains: MeasureDescriptor[];
  /** UK-comparable composite: not per nation. */
  composite?: boolean;
}

export interface IndexSnapshot {
  edition: EditionInfo;
  areas: number;
  byCode: Map<string, Record<string, unknown>>;
}

export interface IndexServices {
  descriptor: IndexDescriptor;
  /** Areas of the current edition (or of edition `id`), in memory; null when never imported. */
  snapshot(editionId?: number): Promise<IndexSnapshot | null>;
}

export function indexServices(descriptor: IndexDescriptor) {
  return (ds: DatasetContext): IndexServices => {
    const cache = new Map<number, Promise<IndexSnapshot>>();
    const load = async (edition: EditionInfo): Promise<IndexSnapshot> => {
      const rows: Record<string, unknown>[] = descriptor.table
        ? await ds.db(ds.tableName(descriptor.table)).where('edition_id', edition.id).select()
        : [];
      const byCode = new Map<string, Record<string, unknown>>();
      for (const r of rows) {
        delete r.edition_id;
        byCode.set(String(r[descriptor.code]), r);
      }
      return { edition, areas: byCode.size, byCode };
    };
    return {
      descriptor,
      async snapshot(editionId?: number) {
        let edition = await ds.currentEdition();
        if (editionId !== undefined && edition?.id !== editionId) {
          const row = await ds.db('catalogue.editions').where({ id: editionId, dataset_id: ds.id }).first();
          edition = row ? { id: row.id, label: row.label, imported_at: new Date(row.imported_at).toISOString(), geography_vintage: row.geography_vintage ?? undefined } : null;
        }
        if (!edition) return null;
        let p = cache.get(edition.id);
        if (!p) {
          p = load(edition);
          p.catch(() => cache.delete(edition!.id));
          cache.set(edition.id, p);
          // keep the two most recent editions
          while (cache.size > 2) cache.delete(cache.keys().next().value!);
        }
        return p;
      },
    };
  };
}

/** Parses a published number ("29199.00", "4563.5", ""), or throws with the column name. */
export function num(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const v = raw.trim().replace(/,/g, '');
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
}
