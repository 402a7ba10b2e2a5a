// The services every deprivation index plug-in exports (its services.ts default export is
// `indexServices(descriptor)`): its descriptor, and the areas of an edition in memory. A composer
// recognises an index among its dependencies' services by the descriptor (isIndexServices).
import type { DatasetContext } from '../../contract.ts';
import { perEdition } from '../caches.ts';
import type { DeprivationIndexServices } from '../services.ts';
import type { IndexDescriptor } from './descriptor.ts';

export function indexServices(descriptor: IndexDescriptor) {
  return (ds: DatasetContext): DeprivationIndexServices => {
    // an edition never changes: its areas are read once, and the two most recent editions kept
    const areasOf = perEdition(async (editionId) => {
      const byCode = new Map<string, Record<string, unknown>>();
      if (!descriptor.table) return byCode;
      const rows: Record<string, unknown>[] = await ds.db(ds.tableName(descriptor.table)).where('edition_id', editionId).select();
      for (const r of rows) {
        delete r.edition_id;
        byCode.set(String(r[descriptor.code]), r);
      }
      return byCode;
    });
    return {
      descriptor,
      async snapshot(editionId) {
        const current = await ds.currentEdition();
        const edition = editionId === undefined || current?.id === editionId ? current : await ds.findEdition(editionId);
        if (!edition) return null;
        const byCode = await areasOf(edition.id);
        return { edition, areas: byCode.size, byCode };
      },
    };
  };
}

/** Whether a dependency's services are those of a deprivation index (they carry a descriptor). */
export function isIndexServices(services: unknown): services is DeprivationIndexServices {
  const s = services as Partial<DeprivationIndexServices> | null;
  const d = s?.descriptor as Partial<IndexDescriptor> | undefined;
  return typeof s?.snapshot === 'function' && typeof d?.label === 'string' && typeof d.nation === 'string' && typeof d.dataset === 'string' && typeof d.overall === 'object';
}
