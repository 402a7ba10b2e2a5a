// Numeric and geographic query parameters, described once. Every number reaching a handler is
// finite and within its schema's bounds: plugins/safe-input.ts refuses Infinity, NaN and 1e309
// (which ajv's coercion lets through) for every route.
const number = (minimum: number, maximum: number, description: string) => ({ type: 'number', minimum, maximum, description }) as const;

/** WGS84 latitude in degrees. */
export const latitude = (description = 'Latitude (WGS84 degrees)') => number(-90, 90, description);

/** WGS84 longitude in degrees. */
export const longitude = (description = 'Longitude (WGS84 degrees)') => number(-180, 180, description);

/** A search radius in metres. */
export const radiusMetres = (maximum: number, defaultMetres: number) =>
  ({ type: 'integer', minimum: 1, maximum, default: defaultMetres, description: `Search radius in metres (at most ${maximum})` }) as const;

/** A page size. */
export const pageSize = (maximum: number, defaultSize: number) =>
  ({ type: 'integer', minimum: 1, maximum, default: defaultSize, description: `Page size (default ${defaultSize}, at most ${maximum})` }) as const;

/** Great-circle distance in kilometres between two WGS84 points (mean Earth radius 6,371 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
