// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One area (feature) of a boundary set: its GSS code and name, bounding box in WGS84, and its geometry as an RFC 7946 GeoJSON Polygon or MultiPolygon (exterior rings counter-clockwise).
 */
export interface AreasRecord {
  /**
   * Boundary set (collection) id, e.g. icbs
   */
  collection: string;
  /**
   * Kind of area: country, nhs_region (NHS England region), icb (Integrated Care Board), health_board (Welsh Local Health Board), london_borough
   */
  level: 'country' | 'nhs_region' | 'icb' | 'health_board' | 'london_borough';
  /**
   * GSS code of the area (of the collection's vintage)
   */
  code: string;
  /**
   * Name (English)
   */
  name: string;
  /**
   * Name in Welsh, when the publisher gives one
   */
  name_welsh: string | null;
  /**
   * Bounding box: west (WGS84 longitude)
   */
  min_lon: number;
  /**
   * Bounding box: south (WGS84 latitude)
   */
  min_lat: number;
  /**
   * Bounding box: east (WGS84 longitude)
   */
  max_lon: number;
  /**
   * Bounding box: north (WGS84 latitude)
   */
  max_lat: number;
  /**
   * Longitude of the publisher's label point (ONS LONG), null when not published
   */
  label_lon: number | null;
  /**
   * Latitude of the publisher's label point (ONS LAT), null when not published
   */
  label_lat: number | null;
  /**
   * Number of positions in the full-resolution geometry
   */
  vertex_count: number;
  /**
   * Every attribute of the source record, as published (field names of the .dbf)
   */
  properties: {
    [k: string]: string | number | boolean | null;
  };
  /**
   * GeoJSON geometry in WGS84 (RFC 7946): Polygon or MultiPolygon, positions [longitude, latitude]
   */
  geometry: {
    type: 'Polygon' | 'MultiPolygon';
    /**
     * @minItems 1
     */
    coordinates: [[unknown[], ...unknown[][]], ...[unknown[], ...unknown[][]][]];
  };
}

/**
 * One boundary set (an OGC API - Features collection): what it is, its vintage, its source and extent.
 */
export interface SetsRecord {
  /**
   * Collection id (the source name in dataset.yaml), used in URLs
   */
  collection: string;
  /**
   * Kind of area in this set
   */
  level: 'country' | 'nhs_region' | 'icb' | 'health_board' | 'london_borough';
  /**
   * Title of the boundary set
   */
  title: string;
  /**
   * What the set covers and how it was generalised
   */
  description: string;
  /**
   * Vintage of the codes and boundaries, e.g. April 2023
   */
  vintage: string;
  /**
   * Who publishes the boundaries
   */
  publisher: string;
  /**
   * Name of the shapefile (or GeoJSON file) imported
   */
  source_file: string;
  /**
   * Coordinate reference system of the source (EPSG:27700 British National Grid, or EPSG:4326)
   */
  source_crs: string;
  /**
   * Attribute holding the GSS code in the source
   */
  code_field: string;
  /**
   * Attribute holding the name in the source
   */
  name_field: string;
  /**
   * Number of areas
   */
  feature_count: number;
  /**
   * Positions in all geometries at full resolution
   */
  vertex_count: number;
  /**
   * Extent: west
   */
  min_lon: number;
  /**
   * Extent: south
   */
  min_lat: number;
  /**
   * Extent: east
   */
  max_lon: number;
  /**
   * Extent: north
   */
  max_lat: number;
}
