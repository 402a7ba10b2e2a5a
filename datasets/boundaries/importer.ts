// Imports each boundary set (one source = one collection): the shapefile read with `shapefile`
// (or a GeoJSON FeatureCollection an operator supplies instead), British National Grid transformed
// to WGS84 with proj4, RFC 7946 winding, bounding boxes; then, when the organisations dataset has
// an edition, checks every hospital's coordinates against the areas its curated lists give it.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import * as shapefile from 'shapefile';
import { SourceError, type DatasetImporter, type ImportContext } from '../../core/contract.ts';
import { asNumber, COLLECTIONS, findField, type CollectionConfig } from './collections.ts';
import { bboxOf, geometryProblems, toStoredGeometry, vertexCount, type BBox, type Geometry } from './geometry.ts';
import { crossCheckOrganisations } from './cross-check.ts';
import { indexOf, type IndexRow } from './spatial-index.ts';
import type { AreasRecord, SetsRecord } from './types.ts';

type Crs = 'EPSG:27700' | 'EPSG:4326';
interface RawFeature {
  properties: Record<string, unknown>;
  geometry: Geometry | null;
  index: number;
}

const sibling = (path: string, ext: string) => {
  const stem = path.slice(0, -extname(path).length);
  return [stem + ext, stem + ext.toUpperCase()].find((p) => existsSync(p));
};

function crsOf(prj: string | undefined, bbox: number[] | undefined, file: string): Crs {
  if (prj !== undefined) {
    const text = readFileSync(prj, 'utf8');
    if (/British_National_Grid|OSGB[ _]?1936|OSGB36|27700/i.test(text)) return 'EPSG:27700';
    if (/^\s*GEOGCS\[\s*"(GCS_)?WGS[ _]?(19)?84"/i.test(text)) return 'EPSG:4326';
    throw new SourceError(`unsupported coordinate reference system in ${basename(prj)} (expected British National Grid or WGS84)`, prj);
  }
  if (bbox && bbox.every((v) => Number.isFinite(v))) return Math.abs(bbox[0]) > 180 || Math.abs(bbox[2]) > 180 || Math.abs(bbox[3]) > 90 ? 'EPSG:27700' : 'EPSG:4326';
  throw new SourceError('no .prj file beside the shapefile and no extent to tell its coordinate system', file);
}

async function* readShapefile(ctx: ImportContext, shp: string, dbf: string | undefined): AsyncGenerator<RawFeature> {
  const cpg = sibling(shp, '.cpg');
  const encoding = cpg ? readFileSync(cpg, 'utf8').trim().toLowerCase() || 'utf-8' : 'utf-8';
  const source = await shapefile.open(ctx.openSource(shp) as Readable, dbf ? (ctx.openSource(dbf) as Readable) : undefined, { encoding });
  for (let index = 1; ; index++) {
    const r = await source.read();
    if (r.done) return;
    const g = r.value.geometry as unknown as Geometry | null;
    yield { properties: (r.value.properties ?? {}) as Record<string, unknown>, geometry: g, index };
  }
}

function* readGeoJson(path: string): Generator<RawFeature> {
  let fc: { type?: string; features?: { properties?: Record<string, unknown>; geometry?: Geometry | null }[] };
  try {
    fc = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SourceError(`not valid JSON: ${(err as Error).message}`, path);
  }
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new SourceError('not a GeoJSON FeatureCollection', path);
  let index = 0;
  for (const f of fc.features) yield { properties: f.properties ?? {}, geometry: f.geometry ?? null, index: ++index };
}

const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim());

async function importCollection(ctx: ImportContext, name: string, config: CollectionConfig, kept: IndexRow[]): Promise<void> {
  const files = [...new Set(ctx.sources[name] ?? [])];
  const shp = files.find((f) => /\.shp$/i.test(f));
  const json = files.find((f) => /\.(geo)?json$/i.test(f));
  const main = shp ?? json;
  if (!main) throw new SourceError(`source "${name}" has no .shp or .geojson file`);
  let features: AsyncIterable<RawFeature> | Iterable<RawFeature>;
  let crs: Crs;
  if (shp) {
    const dbf = files.find((f) => /\.dbf$/i.test(f)) ?? sibling(shp, '.dbf');
    if (!dbf) throw new SourceError('no .dbf file beside the shapefile (its attributes: codes and names)', shp);
    const prj = files.find((f) => /\.prj$/i.test(f)) ?? sibling(shp, '.prj');
    const head = await shapefile.open(shp);
    crs = crsOf(prj, head.bbox, shp);
    await head.cancel();
    features = readShapefile(ctx, shp, dbf);
  } else {
    features = readGeoJson(json!);
    crs = 'EPSG:4326'; // decided per feature below when positions are metres
  }

  const areas = ctx.table('areas');
  const seen = new Set<string>();
  let codeField: string | undefined;
  let nameField: string | undefined;
  let welshField: string | undefined;
  let extent: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  let vertices = 0;
  let count = 0;
  const file = basename(main);
  for await (const f of features) {
    if (codeField === undefined) {
      const fields = Object.keys(f.properties);
      codeField = findField(fields, config.code);
      nameField = findField(fields, config.name);
      welshField = findField(fields, config.welsh);
      if (!codeField || !nameField)
        throw new SourceError(
          `no ${codeField ? 'name' : 'code'} attribute matching ${(codeField ? config.name : config.code).map((r) => r.source).join(' or ')} (attributes: ${fields.join(', ')})`,
          main,
          f.index,
        );
    }
    const code = asText(f.properties[codeField]);
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) {
      ctx.warn('boundaries.no_polygon', `${name}: record ${f.index} (${code || 'no code'}) has no polygon geometry; skipped`, { collection: name, record: f.index });
      continue;
    }
    if (seen.has(code)) throw new SourceError(`code ${code} appears twice in ${file}`, main, f.index, codeField);
    seen.add(code);
    let sourceCrs = crs;
    if (json) {
      const first = (f.geometry.type === 'Polygon' ? (f.geometry.coordinates as number[][][])[0][0] : (f.geometry.coordinates as number[][][][])[0][0][0]) ?? [0, 0];
      sourceCrs = Math.abs(first[0]) > 180 || Math.abs(first[1]) > 90 ? 'EPSG:27700' : 'EPSG:4326';
    }
    const geometry = toStoredGeometry(f.geometry, sourceCrs);
    const problems = geometryProblems(geometry);
    if (problems.length)
      ctx.warn('boundaries.geometry', `${name} ${code}: geometry not valid RFC 7946 after transformation: ${problems.slice(0, 3).join('; ')}`, { collection: name, code, problems });
    const bbox = bboxOf(geometry);
    extent = [Math.min(extent[0], bbox[0]), Math.min(extent[1], bbox[1]), Math.max(extent[2], bbox[2]), Math.max(extent[3], bbox[3])];
    const n = vertexCount(geometry);
    vertices += n;
    count++;
    const properties = Object.fromEntries(
      Object.entries(f.properties).map(([k, v]) => [k, v === undefined || typeof v === 'object' ? (v === null || v === undefined ? null : JSON.stringify(v)) : v]),
    ) as AreasRecord['properties'];
    const welsh = welshField ? asText(f.properties[welshField]) : '';
    const record: AreasRecord = {
      collection: name,
      level: config.level,
      code,
      name: asText(f.properties[nameField!]),
      name_welsh: welsh === '' ? null : welsh,
      min_lon: bbox[0],
      min_lat: bbox[1],
      max_lon: bbox[2],
      max_lat: bbox[3],
      label_lon: asNumber(f.properties.LONG ?? f.properties.long),
      label_lat: asNumber(f.properties.LAT ?? f.properties.lat),
      vertex_count: n,
      properties,
      geometry: geometry as AreasRecord['geometry'],
    };
    await areas.write(record as unknown as Record<string, unknown>, { file: main, line: f.index });
    kept.push({ collection: name, level: config.level, code, name: record.name, name_welsh: record.name_welsh, geometry });
  }
  if (count === 0) throw new SourceError(`no polygon features in ${file}`, main);
  const set: SetsRecord = {
    collection: name,
    level: config.level,
    title: config.title,
    description: config.description,
    vintage: config.vintage,
    publisher: config.publisher,
    source_file: file,
    source_crs: json ? 'GeoJSON (EPSG:4326, or EPSG:27700 when positions are metres)' : crs,
    code_field: codeField!,
    name_field: nameField!,
    feature_count: count,
    vertex_count: vertices,
    min_lon: extent[0],
    min_lat: extent[1],
    max_lon: extent[2],
    max_lat: extent[3],
  };
  await ctx.table('sets').write(set as unknown as Record<string, unknown>, { file: main });
  ctx.log.info({ collection: name, features: count, vertices }, 'boundary set imported');
}

const importer: DatasetImporter = async (ctx) => {
  const kept: IndexRow[] = [];
  const vintages = new Map<string, string>();
  for (const source of ctx.manifest.sources) {
    if (source.name === 'hospitals') continue;
    const config = COLLECTIONS[source.name];
    if (!config) throw new SourceError(`source "${source.name}" is not a boundary set this plug-in knows (known: ${Object.keys(COLLECTIONS).join(', ')})`);
    if ((ctx.sources[source.name] ?? []).length === 0) continue; // an optional set not supplied
    await importCollection(ctx, source.name, config, kept);
    vintages.set(source.name, config.vintage);
  }
  // The cross-check runs on the areas just imported (they are not readable before the switch).
  const index = indexOf(kept, vintages);
  const icb = new Map(kept.filter((r) => r.level === 'icb').map((r) => [r.code, r.name]));
  const check = await crossCheckOrganisations(ctx, index, { icb });
  ctx.log.info(check, 'hospital cross-check');
  return { metadata: { hospital_check: check } };
};

export default importer;
