// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One data zone (2011) of Scotland in the Scottish Index of Multiple Deprivation 2020v2.
 */
export interface AreasRecord {
  /**
   * Data zone code (2011)
   */
  dz_code: string;
  /**
   * Data zone name
   */
  dz_name: string;
  /**
   * SIMD 2020v2 rank, 1 = most deprived of 6,976
   */
  simd_rank: number;
  /**
   * Published vigintile
   */
  simd_vigintile: number;
  /**
   * Published decile
   */
  simd_decile: number;
  /**
   * Published quintile
   */
  simd_quintile: number;
  /**
   * Income (2020v2) domain rank; ties are published as halves (4563.5)
   */
  income_rank: number;
  /**
   * Employment domain rank; ties are published as halves (4563.5)
   */
  employment_rank: number;
  /**
   * Education domain rank; ties are published as halves (4563.5)
   */
  education_rank: number;
  /**
   * Health domain rank; ties are published as halves (4563.5)
   */
  health_rank: number;
  /**
   * Access to services domain rank; ties are published as halves (4563.5)
   */
  access_rank: number;
  /**
   * Crime domain rank; ties are published as halves (4563.5)
   */
  crime_rank: number;
  /**
   * Housing domain rank; ties are published as halves (4563.5)
   */
  housing_rank: number;
  /**
   * Population (2017)
   */
  population: number;
  /**
   * Working age population (2017)
   */
  working_age_population: number;
  /**
   * Urban/rural 8-fold class
   */
  urban_rural_class: number;
  /**
   * Urban/rural class name
   */
  urban_rural_name: string;
  /**
   * Intermediate zone code
   */
  iz_code: string;
  /**
   * Intermediate zone name
   */
  iz_name: string;
  /**
   * Council area code
   */
  la_code: string;
  /**
   * Council area name
   */
  la_name: string;
  /**
   * Health board code
   */
  hb_code: string;
  /**
   * Health board name
   */
  hb_name: string;
  /**
   * Multi-member ward code
   */
  mmw_code: string;
  /**
   * Multi-member ward name
   */
  mmw_name: string;
  /**
   * Scottish parliamentary constituency code
   */
  spc_code: string;
  /**
   * Scottish parliamentary constituency name
   */
  spc_name: string;
}
