// Geometry helpers of the boundaries plug-in: British National Grid → WGS84, RFC 7946 winding,
// bounding boxes, lighter geometry for web maps (simplify + round), point in polygon and a
// validity check. Plain arrays of [lon, lat]; no PostGIS, no GEOS.
import proj4 from 'proj4';

export type Position = number[];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: PolygonCoords | PolygonCoords[];
}
export type BBox = [number, number, number, number];

/** EPSG:27700 with the OSGB36 → WGS84 7-parameter Helmert shift (about 5 m accuracy). */
export const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toWgs84 = proj4(BNG, 'WGS84');

/** Position precision kept in storage: 7 decimals ≈ 1 cm, far below the 5 m of the transform. */
const STORE_DECIMALS = 7;
const round = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

export const polygonsOf = (g: Geometry): PolygonCoords[] => (g.type === 'Polygon' ? [g.coordinates as PolygonCoords] : (g.coordinates as PolygonCoords[]));

/** Twice the signed area (shoelace); > 0 when counter-clockwise in (x, y) = (lon, lat). */
export function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
export function rewind(poly: PolygonCoords): PolygonCoords {
  return poly.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

function closeRing(ring: Ring): Ring {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, [a[0], a[1]]];
}

/** Removes consecutive duplicate positions (they appear after rounding). */
function dedupe(ring: Ring): Ring {
  const out: Ring = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    const p = out[out.length - 1];
    if (ring[i][0] !== p[0] || ring[i][1] !== p[1]) out.push(ring[i]);
  }
  return out;
}

/**
 * Source geometry (BNG metres, or already WGS84) → stored WGS84 geometry: transformed, rounded to
 * 7 decimals, rings closed, RFC 7946 winding; a MultiPolygon of one part stays a MultiPolygon.
 */
export function toStoredGeometry(g: Geometry, crs: 'EPSG:27700' | 'EPSG:4326'): Geometry {
  const convert = (p: Position): Position => {
    const [x, y] = crs === 'EPSG:27700' ? toWgs84.forward([p[0], p[1]]) : [p[0], p[1]];
    return [round(x, STORE_DECIMALS), round(y, STORE_DECIMALS)];
  };
  const polys = polygonsOf(g).map((poly) => rewind(poly.map((ring) => dedupe(closeRing(ring.map(convert))))));
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Positions of every ring (a measure of the geometry's size). */
export const positionCount = (g: Geometry): number => polygonsOf(g).reduce((n, poly) => poly.reduce((m, ring) => m + ring.length, n), 0);

export function bboxOf(g: Geometry): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygonsOf(g))
    for (const [x, y] of poly[0]) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return [w, s, e, n];
}

export const vertexCount = (g: Geometry) => polygonsOf(g).reduce((n, poly) => n + poly.reduce((m, r) => m + r.length, 0), 0);

// --- lighter geometry -----------------------------------------------------------------------------

/** Douglas–Peucker on an open polyline in a local equirectangular frame; tolerance in metres. */
function douglasPeucker(points: Ring, toleranceM: number, cosLat: number): Ring {
  const n = points.length;
  if (n <= 2) return points;
  const k = 111_320; // metres per degree of latitude
  const x = (i: number) => points[i][0] * cosLat * k;
  const y = (i: number) => points[i][1] * k;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  const tol2 = toleranceM * toleranceM;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay, bx, by] = [x(a), y(a), x(b), y(b)];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let max = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const px = x(i) - ax;
      const py = y(i) - ay;
      let d2: number;
      if (len2 === 0) d2 = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const qx = px - t * dx;
        const qy = py - t * dy;
        d2 = qx * qx + qy * qy;
      }
      if (d2 > max) {
        max = d2;
        at = i;
      }
    }
    if (at >= 0 && max > tol2) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function simplifyRing(ring: Ring, toleranceM: number, decimals: number): Ring {
  let out = ring;
  if (toleranceM > 0 && ring.length > 4) {
    const cosLat = Math.cos((ring[0][1] * Math.PI) / 180);
    // Split the closed ring at its farthest point from the start so both halves keep their shape.
    let far = 1;
    let best = -1;
    for (let i = 1; i < ring.length - 1; i++) {
      const d = (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    const first = douglasPeucker(ring.slice(0, far + 1), toleranceM, cosLat);
    const second = douglasPeucker(ring.slice(far), toleranceM, cosLat);
    out = [...first, ...second.slice(1)];
  }
  if (decimals < STORE_DECIMALS) out = dedupe(out.map((p) => [round(p[0], decimals), round(p[1], decimals)]));
  return out;
}

export interface LightenOptions {
  /** Douglas–Peucker tolerance in metres (0: none). */
  simplify: number;
  /** Decimal places of each coordinate (7: as stored). */
  precision: number;
}

/**
 * A lighter copy for web maps. Holes and islands that collapse (fewer than 4 positions or no area)
 * are dropped; the largest part of an area is always kept (from its unsimplified ring if need be),
 * so every area keeps a valid geometry. Winding is re-checked after simplification.
 */
export function lighten(g: Geometry, opts: LightenOptions): Geometry {
  if (opts.simplify <= 0 && opts.precision >= STORE_DECIMALS) return g;
  const polys = polygonsOf(g);
  const valid = (r: Ring) => r.length >= 4 && signedArea(r) !== 0;
  const out: PolygonCoords[] = [];
  let largest = 0;
  for (let i = 1; i < polys.length; i++) if (Math.abs(signedArea(polys[i][0])) > Math.abs(signedArea(polys[largest][0]))) largest = i;
  polys.forEach((poly, i) => {
    let outer = simplifyRing(poly[0], opts.simplify, opts.precision);
    if (!valid(outer)) {
      if (i !== largest) return;
      outer = simplifyRing(poly[0], 0, opts.precision);
      if (!valid(outer)) outer = poly[0];
    }
    const holes = poly.slice(1).map((h) => simplifyRing(h, opts.simplify, opts.precision)).filter(valid);
    out.push(rewind([outer, ...holes]));
  });
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

// --- point in polygon -----------------------------------------------------------------------------

/**
 * A polygon (exterior and holes) prepared for fast even-odd tests: every edge as [x1, y1, x2, y2]
 * in one Float64Array, and horizontal bands listing the edges whose y-range meets each band, so a
 * test looks at a few edges instead of thousands (England alone has over 3,000 positions).
 */
export interface PackedPolygon {
  edges: Float64Array;
  minY: number;
  bandHeight: number;
  bands: Uint32Array[];
}

export function pack(poly: PolygonCoords): PackedPolygon {
  const count = poly.reduce((n, r) => n + r.length - 1, 0);
  const edges = new Float64Array(count * 4);
  let k = 0;
  let [minY, maxY] = [Infinity, -Infinity];
  for (const ring of poly)
    for (let i = 0; i + 1 < ring.length; i++) {
      edges.set([ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]], k);
      k += 4;
      minY = Math.min(minY, ring[i][1]);
      maxY = Math.max(maxY, ring[i][1]);
    }
  const nBands = Math.max(1, Math.min(1024, Math.ceil(count / 4)));
  const bandHeight = (maxY - minY) / nBands || 1;
  const lists: number[][] = Array.from({ length: nBands }, () => []);
  const band = (y: number) => Math.max(0, Math.min(nBands - 1, Math.floor((y - minY) / bandHeight)));
  for (let e = 0; e < count; e++) {
    const [y1, y2] = [edges[4 * e + 1], edges[4 * e + 3]];
    for (let b = band(Math.min(y1, y2)); b <= band(Math.max(y1, y2)); b++) lists[b].push(e);
  }
  return { edges, minY, bandHeight, bands: lists.map((l) => Uint32Array.from(l)) };
}

/** Even-odd rule over the exterior ring and its holes (edges of the point's band only). */
export function pointInPolygon(x: number, y: number, p: PackedPolygon): boolean {
  const b = Math.floor((y - p.minY) / p.bandHeight);
  if (b < 0 || b >= p.bands.length) return false;
  const list = p.bands[b];
  const e = p.edges;
  let inside = false;
  for (let i = 0; i < list.length; i++) {
    const o = list[i] * 4;
    const yi = e[o + 1];
    const yj = e[o + 3];
    if (yi > y !== yj > y && x < ((e[o + 2] - e[o]) * (y - yi)) / (yj - yi) + e[o]) inside = !inside;
  }
  return inside;
}

// --- validity -------------------------------------------------------------------------------------

/**
 * RFC 7946 checks: type, positions of two finite numbers within WGS84 ranges, linear rings of at
 * least four positions, closed, exterior counter-clockwise and holes clockwise. Returns problems.
 */
export function geometryProblems(g: unknown): string[] {
  const problems: string[] = [];
  const geom = g as Geometry;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') || !Array.isArray(geom.coordinates)) return ['not a Polygon or MultiPolygon'];
  const polys = polygonsOf(geom);
  if (polys.length === 0) problems.push('no polygon');
  polys.forEach((poly, pi) => {
    if (!Array.isArray(poly) || poly.length === 0) return problems.push(`polygon ${pi}: no ring`);
    poly.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      if (!Array.isArray(ring) || ring.length < 4) return problems.push(`${where}: fewer than 4 positions`);
      for (const p of ring)
        if (!Array.isArray(p) || p.length < 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v)) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
          return problems.push(`${where}: position ${JSON.stringify(p)} is not a WGS84 [lon, lat]`);
      const [a, b] = [ring[0], ring[ring.length - 1]];
      if (a[0] !== b[0] || a[1] !== b[1]) problems.push(`${where}: not closed`);
      const area = signedArea(ring);
      if (ri === 0 && !(area > 0)) problems.push(`${where}: exterior ring is not counter-clockwise`);
      if (ri > 0 && !(area < 0)) problems.push(`${where}: hole is not clockwise`);
    });
  });
  return problems;
}
