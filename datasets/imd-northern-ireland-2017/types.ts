// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One super output area (2001) of Northern Ireland in the NI Multiple Deprivation Measure 2017.
 */
export interface AreasRecord {
  /**
   * Super output area code (2001)
   */
  soa_code: string;
  /**
   * SOA name
   */
  soa_name: string;
  /**
   * Local government district (2014) name
   */
  lgd_name: string;
  /**
   * 2015 default urban/rural classification
   */
  urban_rural: string;
  /**
   * NIMDM 2017 Multiple Deprivation Measure rank, 1 = most deprived of 890
   */
  mdm_rank: number;
  /**
   * Decile computed by ceil(rank × 10 / 890); not published in this file
   */
  mdm_decile: number;
  /**
   * Income domain rank
   */
  income_rank: number;
  /**
   * Employment domain rank
   */
  employment_rank: number;
  /**
   * Health Deprivation and Disability domain rank
   */
  health_rank: number;
  /**
   * Education, Skills and Training domain rank
   */
  education_rank: number;
  /**
   * Access to Services domain rank
   */
  access_rank: number;
  /**
   * Living Environment domain rank
   */
  living_environment_rank: number;
  /**
   * Crime and Disorder domain rank
   */
  crime_rank: number;
}
