// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * Private outdoor space (gardens) of one local authority district, by property type.
 */
export interface AreasRecord {
  /**
   * GSS code of the country
   */
  country_code: string;
  /**
   * Country name
   */
  country_name: string;
  /**
   * GSS code of the region (England), S15000001 for Scotland, W08 for Wales
   */
  region_code: string;
  /**
   * Region name
   */
  region_name: string;
  /**
   * GSS code of the local authority district (April 2020)
   */
  lad_code: string;
  /**
   * Local authority district name
   */
  lad_name: string;
  /**
   * Number of houses addresses
   */
  houses_address_count: number;
  /**
   * Number of houses addresses with private outdoor space
   */
  houses_with_outdoor_space_count: number;
  /**
   * Total area of private outdoor space of houses (m²)
   */
  houses_outdoor_space_total_area_m2: number;
  /**
   * Proportion (0–1) of houses addresses with private outdoor space
   */
  houses_percentage_with_outdoor_space: number;
  /**
   * Average size of private outdoor space of houses (m²)
   */
  houses_average_outdoor_space_m2: number;
  /**
   * Median size of private outdoor space of houses (m²)
   */
  houses_median_outdoor_space_m2: number;
  /**
   * Number of flats addresses
   */
  flats_address_count: number;
  /**
   * Number of flats addresses with private outdoor space
   */
  flats_with_outdoor_space_count: number;
  /**
   * Total area of private outdoor space of flats (m²)
   */
  flats_outdoor_space_total_area_m2: number;
  /**
   * Number of private outdoor spaces of flats (shared gardens counted once)
   */
  flats_outdoor_space_count: number;
  /**
   * Proportion (0–1) of flats addresses with private outdoor space
   */
  flats_percentage_with_outdoor_space: number;
  /**
   * Average size of private outdoor space of flats (m²)
   */
  flats_average_outdoor_space_m2: number;
  /**
   * Average number of flats sharing a garden
   */
  flats_average_sharing_garden: number;
  /**
   * Number of all properties addresses
   */
  total_address_count: number;
  /**
   * Number of all properties addresses with private outdoor space
   */
  total_with_outdoor_space_count: number;
  /**
   * Total area of private outdoor space of all properties (m²)
   */
  total_outdoor_space_total_area_m2: number;
  /**
   * Proportion (0–1) of all properties addresses with private outdoor space
   */
  total_percentage_with_outdoor_space: number;
  /**
   * Average size of private outdoor space of all properties (m²)
   */
  total_average_outdoor_space_m2: number;
}
