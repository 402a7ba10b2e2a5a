// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One LSOA (2011) of Wales in the Welsh Index of Multiple Deprivation 2019: overall and domain ranks and scores.
 */
export interface AreasRecord {
  /**
   * LSOA code (2011)
   */
  lsoa_code: string;
  /**
   * LSOA name (English)
   */
  lsoa_name: string;
  /**
   * Local authority name (English); the file has no code
   */
  la_name: string;
  /**
   * WIMD 2019 overall rank, 1 = most deprived of 1,909
   */
  wimd_rank: number;
  /**
   * WIMD 2019 overall score
   */
  wimd_score: number;
  /**
   * Decile computed by the Welsh Government rule: band k ends at rank ceil(k × 1,909 / 10)
   */
  wimd_decile: number;
  /**
   * Quintile, same rule (N = 5)
   */
  wimd_quintile: number;
  /**
   * Quartile, same rule (N = 4)
   */
  wimd_quartile: number;
  /**
   * Income domain rank
   */
  income_rank: number;
  /**
   * Income domain score
   */
  income_score: number;
  /**
   * Employment domain rank
   */
  employment_rank: number;
  /**
   * Employment domain score
   */
  employment_score: number;
  /**
   * Health domain rank
   */
  health_rank: number;
  /**
   * Health domain score
   */
  health_score: number;
  /**
   * Education domain rank
   */
  education_rank: number;
  /**
   * Education domain score
   */
  education_score: number;
  /**
   * Access to Services domain rank
   */
  access_to_services_rank: number;
  /**
   * Access to Services domain score
   */
  access_to_services_score: number;
  /**
   * Housing domain rank
   */
  housing_rank: number;
  /**
   * Housing domain score
   */
  housing_score: number;
  /**
   * Community Safety domain rank
   */
  community_safety_rank: number;
  /**
   * Community Safety domain score
   */
  community_safety_score: number;
  /**
   * Physical Environment domain rank
   */
  physical_environment_rank: number;
  /**
   * Physical Environment domain score
   */
  physical_environment_score: number;
}
