// The boundaries service (BoundaryServices in the contract): point-in-area, and each level's areas
// with their reference points, without HTTP.
import { notImported, badRequest, notFound, type DatasetContext, type BoundaryServices, type EditionInfo } from '../../core/contract.ts';
import { sharedAreaDetails } from './area-details.ts';
import { byLevel } from './collections.ts';
import { sharedIndexes } from './spatial-index.ts';

export default function services(ds: DatasetContext): BoundaryServices {
  const indexOf = sharedIndexes(ds.db, ds.tableName('areas'), ds.tableName('sets'));
  const detailsOf = sharedAreaDetails(ds.db, ds.tableName('areas'), ds.tableName('sets'));
  /** The edition asked for (404 when it is not kept), else the current one; null before the first import. */
  async function editionOf(editionId: number | undefined): Promise<EditionInfo | null> {
    const current = await ds.currentEdition();
    const edition = editionId === undefined || editionId === current?.id ? current : await ds.findEdition(editionId);
    if (!edition && editionId !== undefined) throw notFound(`boundaries has no edition ${editionId}`);
    return edition;
  }
  return {
    async locate(lat, lon, editionId) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
        throw badRequest('lat/lon must be finite WGS84 degrees', [{ name: 'lat/lon', reason: 'out of range' }]);
      const edition = await editionOf(editionId);
      if (!edition) throw notImported('boundaries', 'boundaries has no edition yet; see /catalogue/boundaries');
      const areas = (await indexOf(edition.id)).locate(lon, lat);
      return { areas, by_level: byLevel(areas), edition };
    },
    currentEdition: () => ds.currentEdition(),
    async areas(level, editionId) {
      const edition = await editionOf(editionId);
      return edition ? ((await detailsOf(edition.id)).get(level) ?? []) : null;
    },
  };
}
