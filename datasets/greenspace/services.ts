// The districts of an edition for other plug-ins (e.g. the RCPCH census adapter's green_space and
// local_authority_districts lists): read once per edition, in code order.
import { perEdition, type DatasetContext, type GreenspaceServices } from '../../core/contract.ts';
import type { AreasRecord } from './types.ts';

export default function services(ds: DatasetContext): GreenspaceServices {
  const areasOf = perEdition(
    async (editionId): Promise<AreasRecord[]> => ds.db(ds.tableName('areas')).where('edition_id', editionId).orderBy('lad_code').select(Object.keys(ds.schemas.areas.properties as object)),
  );
  return {
    async areas(editionId) {
      const current = await ds.currentEdition();
      const edition = editionId === undefined || current?.id === editionId ? current : await ds.findEdition(editionId);
      return edition ? { edition, areas: await areasOf(edition.id) } : null;
    },
  };
}
