// The postcode service (PostcodeServices in the contract): other plug-ins resolve postcodes without HTTP.
import { Problem, type DatasetContext, type PostcodeRecord, type PostcodeServices } from '../../core/contract.ts';
import { findPostcodes, normalise } from './lookup.ts';
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
  return {
    normalise,
    async lookup(inputs, editionId) {
      let id = editionId;
      if (id === undefined) {
        const current = await ds.currentEdition();
        if (!current) throw new Problem(503, 'Dataset not imported yet', 'the postcode directory has no edition yet; see /catalogue/postcodes', { dataset: 'postcodes' });
        id = current.id;
      }
      const found = await findPostcodes(ds.db, ds.tableName('postcodes'), id, inputs);
      return found.map((f) => ({ input: f.input, postcode: f.postcode, status: f.status, record: f.row ? toRecord(f.row) : null }));
    },
    currentEdition: () => ds.currentEdition(),
  };
}
