// The /locate answer, written by hand from cached pieces: the dataset block once per edition, the
// areas part once per distinct set of areas (a few hundred at most), so that a look-up costs little
// beyond the index. bench/boundaries.ts prints what this buys against the schema serializer; the
// tests validate its answers against the documented schema (route-schemas.ts locateResponse).
import { boundedCache, type AreaRef, type EditionInfo, type ResponseMeta } from '../../core/contract.ts';
import { byLevel } from './collections.ts';

/** How the postcode directory placed a postcode given instead of lat/lon. */
export interface PostcodePlacement {
  postcode: string;
  status: 'found' | 'terminated';
  postcodes_edition: { id: number; label: string };
  onspd: { ctry: string | null; nhser: string | null; icb: string | null; oslaua: string | null };
}

const NOWHERE =
  'No boundary of this edition contains the point: it is at sea, outside the United Kingdom (e.g. Channel Islands, Isle of Man), or just outside the generalised coastline.';

/** What the answer says of the areas containing the point. */
const placement = (areas: readonly AreaRef[]) => ({
  found: areas.length > 0,
  areas,
  by_level: byLevel(areas),
  ...(areas.length === 0 ? { note: NOWHERE } : {}),
});

/** The answer as an object, members in the order the writer spells them (for the schema serializer). */
export function locateBody(meta: ResponseMeta, lat: number, lon: number, areas: readonly AreaRef[], postcode?: PostcodePlacement): Record<string, unknown> {
  return { ...meta, point: { lat, lon }, ...(postcode ? { postcode } : {}), ...placement(areas) };
}

export type LocateWriter = (edition: EditionInfo, lat: number, lon: number, areas: readonly AreaRef[], postcode?: PostcodePlacement) => string;

/** A writer of /locate answers (lat and lon finite: the route's parameters guarantee it). */
export function locateWriter(describe: (edition: EditionInfo) => ResponseMeta): LocateWriter {
  const metas = boundedCache<number, string>({ max: 8 });
  const parts = boundedCache<string, string>({ max: 5000 });
  return (edition, lat, lon, areas, postcode) => {
    let meta = metas.get(edition.id);
    if (meta === undefined) metas.set(edition.id, (meta = JSON.stringify(describe(edition)).slice(1, -1)));
    const key = `${edition.id}|${areas.map((a) => `${a.collection}:${a.code}`).join(',')}`;
    let part = parts.get(key);
    if (part === undefined) parts.set(key, (part = JSON.stringify(placement(areas)).slice(1, -1)));
    const placed = postcode ? `,"postcode":${JSON.stringify(postcode)}` : '';
    return `{${meta},"point":{"lat":${lat},"lon":${lon}}${placed},${part}}`;
  };
}
