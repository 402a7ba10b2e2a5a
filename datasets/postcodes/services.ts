// The postcode service (PostcodeServices in the contract): other plug-ins resolve postcodes, find
// those near a point or in an outward code, the districts around a point, draw one at random and
// name their codes, without HTTP. Each member runs the same query code as the dataset's own routes.
import { validOutcode } from 'postcode';
import { notImported, badRequest, type DatasetContext, type EditionInfo, type PostcodeRecord, type PostcodeServices } from '../../core/contract.ts';
import { findPostcodes, normalise } from './lookup.ts';
import { editionNames } from './names.ts';
import { nearQuery } from './near.ts';
import { findNearest } from './nearest.ts';
import { outcodeOf, outcodeSummary } from './outcodes.ts';
import { randomLive } from './random.ts';
import { searchPostcodes } from './search.ts';
import type { PostcodesRecord } from './types.ts';

/** What the service's nearest search accepts (the widest any caller needs: postcodes.io's wide search is 20 km). */
export const NEAREST_BOUNDS = { radius: 20_000, limit: 1000 } as const;

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
  outcode: r.outcode,
  pcd8: r.pcd8 ?? null,
  usertype: r.usertype ?? null,
  oscty: r.oscty ?? null,
  ced: r.ced ?? null,
  parish: r.parish ?? null,
  ttwa: r.ttwa ?? null,
  pfa: r.pfa ?? null,
  ru11ind: r.ru11ind ?? null,
  osgrdind: r.osgrdind ?? null,
});

const finite = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;

export default function services(ds: DatasetContext): PostcodeServices {
  const table = ds.tableName('postcodes');
  const namesOf = editionNames(ds.db, ds.tableName('names'));
  const current = async (): Promise<EditionInfo> => {
    const edition = await ds.currentEdition();
    if (!edition) throw notImported('postcodes', 'the postcode directory has no edition yet; see /catalogue/postcodes');
    return edition;
  };
  const editionOf = async (editionId?: number) => (editionId === undefined ? (await current()).id : editionId);

  return {
    normalise,
    async lookup(inputs, editionId) {
      const found = await findPostcodes(ds.db, table, await editionOf(editionId), inputs);
      return found.map((f) => ({ input: f.input, postcode: f.postcode, status: f.status, record: f.row ? toRecord(f.row) : null }));
    },
    currentEdition: () => ds.currentEdition(),
    async nearest(q, editionId) {
      if (!finite(q.lat, -90, 90) || !finite(q.long, -180, 180)) throw badRequest('the point must be a finite latitude and longitude');
      if (!finite(q.radius, 0, NEAREST_BOUNDS.radius)) throw badRequest(`the radius must be 0 to ${NEAREST_BOUNDS.radius} metres`);
      if (!Number.isSafeInteger(q.limit) || q.limit < 1 || q.limit > NEAREST_BOUNDS.limit) throw badRequest(`the limit must be 1 to ${NEAREST_BOUNDS.limit}`);
      const rows = await findNearest(ds.db, table, await editionOf(editionId), { ...q, include_terminated: q.include_terminated ?? false });
      return rows.map(({ distance_m, ...row }) => ({ record: toRecord(row), distance_m }));
    },
    async outcode(raw, editionId) {
      const outcode = outcodeOf(raw);
      if (!validOutcode(outcode)) return null;
      return outcodeSummary(ds.db, table, await editionOf(editionId), outcode);
    },
    async random(raw, editionId) {
      const outcode = raw === undefined ? undefined : outcodeOf(raw);
      if (outcode !== undefined && !validOutcode(outcode)) return null;
      const row = await randomLive(ds.db, table, await editionOf(editionId), outcode);
      return row ? toRecord(row) : null;
    },
    async names(editionId) {
      return namesOf(await editionOf(editionId));
    },
    async search(text, limit, editionId) {
      const rows = await searchPostcodes(ds.db, table, await editionOf(editionId), text, limit);
      return rows.map(toRecord);
    },
    async districtsWithin(lat, long, radiusMetres, editionId) {
      if (!finite(lat, -90, 90) || !finite(long, -180, 180) || !finite(radiusMetres, 0, Number.MAX_VALUE))
        throw badRequest('lat/long must be finite WGS84 degrees and the radius a finite number of metres', [{ name: 'lat/long/radius', reason: 'out of range' }]);
      const id = await editionOf(editionId);
      const near = nearQuery(table, id, { lat, long, radius: radiusMetres, columns: ['oslaua'], includeTerminated: false });
      const { rows } = await ds.db.raw(`SELECT DISTINCT oslaua FROM (${near.sql}) n WHERE oslaua IS NOT NULL ORDER BY oslaua`, near.bindings);
      const names = (await namesOf(id)).get('oslaua');
      return (rows as { oslaua: string }[]).map((r) => ({ code: r.oslaua, name: names?.get(r.oslaua) ?? null }));
    },
  };
}
