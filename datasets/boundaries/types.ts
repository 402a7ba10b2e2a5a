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
 * For one hospital or unit of the RCPCH-curated list: the areas that contain its coordinates, beside the country, NHS England region, ICB, Welsh health board and London borough its curated lists give it. A disagreement is a data-quality finding (wrong coordinates, an out-of-date parent, a boundary change), also recorded as a warning of the edition.
 */
export interface HospitalChecksRecord {
  /**
   * ODS code of the hospital or unit (OrganisationCode)
   */
  ods_code: string;
  /**
   * OrganisationName as curated
   */
  name: string;
  /**
   * ParentODSCode: the trust (England) or health board (Wales)
   */
  parent_ods_code: string | null;
  /**
   * LocalAuthority (GSS code of the local authority district) as curated
   */
  local_authority: string | null;
  /**
   * Latitude as curated
   */
  lat: number | null;
  /**
   * Longitude as curated
   */
  lon: number | null;
  /**
   * Country implied by the local authority code
   */
  country_expected: string | null;
  /**
   * Country containing the coordinates
   */
  country_found: string | null;
  /**
   * NHS England region(s) of the trust's ICB mapping rows (2022 ONS codes; several separated by |)
   */
  nhs_region_expected: string | null;
  /**
   * NHS England region containing the coordinates
   */
  nhs_region_found: string | null;
  /**
   * ICB(s) of the trust's mapping rows (several separated by |); pre-2023 codes are matched to the boundary file by name
   */
  icb_expected: string | null;
  /**
   * ICB containing the coordinates
   */
  icb_found: string | null;
  /**
   * Health board given by the parent ODS code (Wales)
   */
  health_board_expected: string | null;
  /**
   * Health board containing the coordinates
   */
  health_board_found: string | null;
  /**
   * The local authority code when it is a London borough (E09)
   */
  london_borough_expected: string | null;
  /**
   * London borough containing the coordinates
   */
  london_borough_found: string | null;
  /**
   * agrees: every expected area contains the point; disagrees: at least one does not; not_located: the point is in no area; no_coordinates: the list gives none
   */
  status: 'agrees' | 'disagrees' | 'not_located' | 'no_coordinates';
  /**
   * The levels that disagree, e.g. "health_board: found W11000030, listed W11000031"
   */
  disagreements: string | null;
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
