// An RFC 7946 checker written for the tests, independent of the plug-in's geometry code:
// document structure, WGS84 ranges, linear rings (≥ 4 positions, closed), right-hand rule
// (exterior counter-clockwise, holes clockwise, by the trapezoid formula), bbox consistency.

type Pos = number[];

/** Sum of (x2 − x1)(y2 + y1): negative when the ring is counter-clockwise. */
const trapezoid = (ring: Pos[]) => ring.slice(1).reduce((s, p, i) => s + (p[0] - ring[i][0]) * (p[1] + ring[i][1]), 0);

export function checkGeometry(g: unknown, where = 'geometry'): string[] {
  const out: string[] = [];
  const geom = g as { type?: string; coordinates?: unknown };
  if (!geom || typeof geom !== 'object') return [`${where}: missing`];
  let polygons: Pos[][][];
  if (geom.type === 'Polygon') polygons = [geom.coordinates as Pos[][]];
  else if (geom.type === 'MultiPolygon') polygons = geom.coordinates as Pos[][][];
  else return [`${where}: type ${String(geom.type)} is not Polygon/MultiPolygon`];
  if (!Array.isArray(polygons) || polygons.length === 0) return [`${where}: no coordinates`];
  polygons.forEach((rings, i) => {
    if (!Array.isArray(rings) || rings.length === 0) return out.push(`${where} polygon ${i}: no rings`);
    rings.forEach((ring, j) => {
      const at = `${where} polygon ${i} ring ${j}`;
      if (!Array.isArray(ring) || ring.length < 4) return out.push(`${at}: ${Array.isArray(ring) ? ring.length : 0} positions (< 4)`);
      const badPos = ring.find((p) => !Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90));
      if (badPos) return out.push(`${at}: position ${JSON.stringify(badPos)} is not [lon, lat] in WGS84 range`);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) out.push(`${at}: not closed`);
      const t = trapezoid(ring);
      if (j === 0 && !(t < 0)) out.push(`${at}: exterior ring not counter-clockwise`);
      if (j > 0 && !(t > 0)) out.push(`${at}: hole not clockwise`);
    });
  });
  return out;
}

function bboxOf(geom: { type: string; coordinates: unknown }): number[] {
  const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as Pos[][][];
  const xs = polys.flatMap((p) => p[0].map((q) => q[0]));
  const ys = polys.flatMap((p) => p[0].map((q) => q[1]));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function checkFeature(f: unknown, where = 'feature', opts: { bboxExact?: boolean } = {}): string[] {
  const feat = f as { type?: string; geometry?: { type: string; coordinates: unknown }; properties?: unknown; bbox?: number[] };
  if (!feat || feat.type !== 'Feature') return [`${where}: type is not Feature`];
  if (!('properties' in feat) || typeof feat.properties !== 'object') return [`${where}: no properties member`];
  const out = checkGeometry(feat.geometry, `${where} geometry`);
  if (feat.bbox !== undefined) {
    if (!Array.isArray(feat.bbox) || feat.bbox.length !== 4 || feat.bbox[0] > feat.bbox[2] || feat.bbox[1] > feat.bbox[3]) out.push(`${where}: bad bbox`);
    else if (out.length === 0) {
      const b = bboxOf(feat.geometry!);
      const eps = 1e-9;
      const contains = feat.bbox[0] <= b[0] + eps && feat.bbox[1] <= b[1] + eps && feat.bbox[2] >= b[2] - eps && feat.bbox[3] >= b[3] - eps;
      if (!contains) out.push(`${where}: bbox does not contain the geometry`);
      if (opts.bboxExact && b.some((v, i) => Math.abs(v - feat.bbox![i]) > eps)) out.push(`${where}: bbox is not the geometry's extent`);
    }
  }
  return out;
}

export function checkFeatureCollection(fc: unknown): string[] {
  const c = fc as { type?: string; features?: unknown[] };
  if (!c || c.type !== 'FeatureCollection' || !Array.isArray(c.features)) return ['not a FeatureCollection with a features array'];
  return c.features.flatMap((f, i) => checkFeature(f, `features[${i}]`));
}

/** Even-odd point in polygon, for comparing the index's answers with a brute-force scan. */
export function contains(geom: { type: string; coordinates: unknown }, lon: number, lat: number): boolean {
  const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) as Pos[][][];
  return polys.some((rings) => {
    let inside = false;
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    return inside;
  });
}
