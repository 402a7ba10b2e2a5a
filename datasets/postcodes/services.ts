// The postcode service (PostcodeServices in the contract): other plug-ins resolve postcodes, and
// find the districts around a point, without HTTP.
import { Problem, badRequest, type DatasetContext, type PostcodeRecord, type PostcodeServices } from '../../core/contract.ts';
import { findPostcodes, normalise } from './lookup.ts';
import { editionNames } from './names.ts';
import { nearQuery } from './near.ts';
import type { PostcodesRecord } from './types.ts';

const toRecord = (r: PostcodesRecord): PostcodeRecord => ({
  pcds: r.pcds,
  pcd7: r.pcd7,
  dointr: r.dointr ?? null,
  doterm: r.doterm ?? null,
  ctry: r.ctry ?? null,
  rgn: r.rgn ?? null,
  oslaua: r.oslaua ?? null,
  osward: r.osward ?? null,
  pcon: r.pcon ?? null,
  lsoa11: r.lsoa11 ?? null,
  msoa11: r.msoa11 ?? null,
  oa11: r.oa11 ?? null,
  lsoa21: r.lsoa21 ?? null,
  msoa21: r.msoa21 ?? null,
  oa21: r.oa21 ?? null,
  icb: r.icb ?? null,
  sicbl: r.sicbl ?? null,
  nhser: r.nhser ?? null,
  oshlthau: r.oshlthau ?? null,
  lat: r.lat ?? null,
  long: r.long ?? null,
  oseast1m: r.oseast1m ?? null,
  osnrth1m: r.osnrth1m ?? null,
  imd: r.imd ?? null,
});

export default function services(ds: DatasetContext): PostcodeServices {
  const table = ds.tableName('postcodes');
  const namesFor = editionNames(ds.db, ds.tableName('names'));
  /** The edition asked for, else the current one (a 503 problem before the first import). */
  async function editionOf(editionId: number | undefined): Promise<number> {
    if (editionId !== undefined) return editionId;
    const current = await ds.currentEdition();
    if (!current) throw new Problem(503, 'Dataset not imported yet', 'the postcode directory has no edition yet; see /catalogue/postcodes', { dataset: 'postcodes' });
    return current.id;
  }
  return {
    normalise,
    async lookup(inputs, editionId) {
      const found = await findPostcodes(ds.db, table, await editionOf(editionId), inputs);
      return found.map((f) => ({ input: f.input, postcode: f.postcode, status: f.status, record: f.row ? toRecord(f.row) : null }));
    },
    currentEdition: () => ds.currentEdition(),
    async districtsWithin(lat, long, radiusMetres, editionId) {
      if (![lat, long, radiusMetres].every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(long) > 180 || radiusMetres < 0)
        throw badRequest('lat/long must be finite WGS84 degrees and the radius a finite number of metres', [{ name: 'lat/long/radius', reason: 'out of range' }]);
      const id = await editionOf(editionId);
      const near = nearQuery(table, id, { lat, long, radius: radiusMetres, columns: ['oslaua'], includeTerminated: false });
      const { rows } = await ds.db.raw(`SELECT DISTINCT oslaua FROM (${near.sql}) n WHERE oslaua IS NOT NULL ORDER BY oslaua`, near.bindings);
      const names = (await namesFor(id)).get('oslaua');
      return (rows as { oslaua: string }[]).map((r) => ({ code: r.oslaua, name: names?.get(r.oslaua) ?? null }));
    },
  };
}
