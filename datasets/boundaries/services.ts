// The boundaries service (BoundaryServices in the contract): point-in-area without HTTP.
import { Problem, badRequest, type DatasetContext, type BoundaryServices, type LocateResult } from '../../core/contract.ts';
import { LEVELS } from './collections.ts';
import { sharedIndexCache } from './spatial-index.ts';

export default function services(ds: DatasetContext): BoundaryServices {
  const indexes = sharedIndexCache(ds.db, ds.tableName('areas'), ds.tableName('sets'));
  return {
    async locate(lat, lon, editionId) {
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
        throw badRequest('lat/lon must be finite WGS84 degrees', [{ name: 'lat/lon', reason: 'out of range' }]);
      const current = await ds.currentEdition();
      const edition = editionId === undefined || editionId === current?.id ? current : { id: editionId, label: String(editionId), imported_at: '' };
      if (!edition) throw new Problem(503, 'Dataset not imported yet', 'boundaries has no edition yet; see /catalogue/boundaries', { dataset: 'boundaries' });
      const areas = (await indexes.get(edition.id)).locate(lon, lat);
      const by_level = Object.fromEntries(LEVELS.map((l) => [l, areas.find((a) => a.level === l) ?? null])) as LocateResult['by_level'];
      return { areas, by_level, edition };
    },
    currentEdition: () => ds.currentEdition(),
  };
}
