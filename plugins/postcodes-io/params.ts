// postcodes.io's query parameters, read as it reads them (parseFloat / parseInt of strings) but
// never past a finite, bounded value: nearest searches (point, radius, limit, wide search) and
// result limits.
import { invalid, MESSAGES } from './errors.ts';

/** postcodes.io's defaults and bounds (a value above a maximum is lowered to it, as there). */
export const NEAREST = { radius: { default: 100, max: 2000 }, limit: { default: 10, max: 100 } } as const;
/** A wide search: the nearest postcodes within 20 km, at most 10 (as postcodes.io's widesearch). */
export const WIDE = { radii: [500, 2000, 5000, 20_000], limit: 10 } as const;
export const SEARCH = { limit: { default: 10, max: 100 } } as const;

export interface NearestParams {
  lat: number;
  long: number;
  radius: number;
  limit: number;
  wide: boolean;
}

/** Raw parameters as postcodes.io names them (strings, or a number from a JSON body). */
export interface NearestInput {
  longitude?: unknown;
  latitude?: unknown;
  limit?: unknown;
  radius?: unknown;
  widesearch?: unknown;
  wideSearch?: unknown;
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== false;
const text = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

export function nearestParams(p: NearestInput): NearestParams {
  const lat = Number.parseFloat(text(p.latitude));
  const long = Number.parseFloat(text(p.longitude));
  if (!Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180) throw invalid(MESSAGES.invalidGeolocation);
  let limit: number = NEAREST.limit.default;
  if (given(p.limit)) {
    limit = Number.parseInt(text(p.limit), 10);
    if (Number.isNaN(limit) || limit < 1) throw invalid(MESSAGES.invalidLimit);
  }
  let radius: number = NEAREST.radius.default;
  if (given(p.radius)) {
    radius = Number.parseFloat(text(p.radius));
    if (Number.isNaN(radius) || radius < 0) throw invalid(MESSAGES.invalidRadius);
  }
  return { lat, long, radius: Math.min(radius, NEAREST.radius.max), limit: Math.min(limit, NEAREST.limit.max), wide: given(p.widesearch) || given(p.wideSearch) };
}

/** A search's result limit: the default when absent or not a positive number, at most the maximum (as postcodes.io). */
export function searchLimit(raw: unknown): number {
  const n = Number.parseInt(text(raw), 10);
  return Number.isNaN(n) || n < 1 ? SEARCH.limit.default : Math.min(n, SEARCH.limit.max);
}
