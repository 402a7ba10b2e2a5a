// Nearest postcodes as postcodes.io answers them: within the radius, nearest first, each with its
// distance; a wide search widens the radius until it has its postcodes (at most 20 km).
import type { Directory } from './directory.ts';
import type { NearestParams } from './params.ts';
import { WIDE } from './params.ts';
import { postcodeJson, type PostcodeJson } from './postcode-json.ts';

/** The postcodes nearest to a point, or null when none lies within reach (as postcodes.io). */
export async function nearestJson(dir: Directory, p: NearestParams): Promise<PostcodeJson[] | null> {
  const near = (radius: number, limit: number) => dir.postcodes.nearest({ lat: p.lat, long: p.long, radius, limit }, dir.edition.id);
  let found;
  if (p.wide) {
    // The nearest `limit` within 20 km, found in the smallest of these radii that holds them.
    const limit = Math.min(p.limit, WIDE.limit);
    for (const radius of WIDE.radii) {
      found = await near(radius, limit);
      if (found.length >= limit) break;
    }
  } else found = await near(p.radius, p.limit);
  if (!found || found.length === 0) return null;
  return found.map((n) => postcodeJson(n.record, dir.names, n.distance_m));
}
