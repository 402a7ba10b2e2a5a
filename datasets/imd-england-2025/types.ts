// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One local authority district (2024 boundaries) and one index or domain: the IoD2025 local-authority summary measures. 1 = most deprived.
 */
export interface LadSummariesRecord {
  /**
   * Local authority district code (2024)
   */
  lad_code: string;
  /**
   * Local authority district name
   */
  lad_name: string;
  /**
   * Index or domain key
   */
  index_domain:
    | 'imd'
    | 'income'
    | 'employment'
    | 'education'
    | 'health'
    | 'crime'
    | 'barriers'
    | 'living_environment'
    | 'idaci'
    | 'idaopi';
  /**
   * Index or domain as the publisher names it
   */
  index_domain_name: string;
  /**
   * Population-weighted average of the LSOA ranks
   */
  average_rank: number;
  /**
   * Rank of average rank among districts
   */
  rank_average_rank: number;
  /**
   * Population-weighted average of the LSOA scores
   */
  average_score?: number | null;
  /**
   * Rank of average score
   */
  rank_average_score?: number | null;
  /**
   * Proportion of the district's LSOAs in the most deprived 10% nationally
   */
  proportion_most_deprived_10pc?: number | null;
  /**
   * Rank of that proportion
   */
  rank_proportion_most_deprived_10pc?: number | null;
}
