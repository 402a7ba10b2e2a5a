// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One LSOA (2011) of England in the English Indices of Deprivation 2019: ranks, deciles, scores where loaded, population denominators.
 */
export interface AreasRecord {
  /**
   * LSOA code (2011)
   */
  lsoa_code: string;
  /**
   * LSOA name (2011)
   */
  lsoa_name: string;
  /**
   * Local Authority District code (2019)
   */
  lad_code: string;
  /**
   * Local Authority District name (2019)
   */
  lad_name: string;
  /**
   * Index of Multiple Deprivation (IMD): score (published in File 5/7; null when not loaded)
   */
  imd_score?: number | null;
  /**
   * Index of Multiple Deprivation (IMD): rank, 1 = most deprived of 32,844 LSOAs
   */
  imd_rank: number;
  /**
   * Index of Multiple Deprivation (IMD): published decile, 1 = most deprived 10%
   */
  imd_decile: number;
  /**
   * Income Deprivation Domain: score (published in File 5/7; null when not loaded)
   */
  income_score?: number | null;
  /**
   * Income Deprivation Domain: rank, 1 = most deprived of 32,844 LSOAs
   */
  income_rank: number;
  /**
   * Income Deprivation Domain: published decile, 1 = most deprived 10%
   */
  income_decile: number;
  /**
   * Employment Deprivation Domain: score (published in File 5/7; null when not loaded)
   */
  employment_score?: number | null;
  /**
   * Employment Deprivation Domain: rank, 1 = most deprived of 32,844 LSOAs
   */
  employment_rank: number;
  /**
   * Employment Deprivation Domain: published decile, 1 = most deprived 10%
   */
  employment_decile: number;
  /**
   * Education, Skills and Training Domain: score (published in File 5/7; null when not loaded)
   */
  education_score?: number | null;
  /**
   * Education, Skills and Training Domain: rank, 1 = most deprived of 32,844 LSOAs
   */
  education_rank: number;
  /**
   * Education, Skills and Training Domain: published decile, 1 = most deprived 10%
   */
  education_decile: number;
  /**
   * Health Deprivation and Disability Domain: score (published in File 5/7; null when not loaded)
   */
  health_score?: number | null;
  /**
   * Health Deprivation and Disability Domain: rank, 1 = most deprived of 32,844 LSOAs
   */
  health_rank: number;
  /**
   * Health Deprivation and Disability Domain: published decile, 1 = most deprived 10%
   */
  health_decile: number;
  /**
   * Crime Domain: score (published in File 5/7; null when not loaded)
   */
  crime_score?: number | null;
  /**
   * Crime Domain: rank, 1 = most deprived of 32,844 LSOAs
   */
  crime_rank: number;
  /**
   * Crime Domain: published decile, 1 = most deprived 10%
   */
  crime_decile: number;
  /**
   * Barriers to Housing and Services Domain: score (published in File 5/7; null when not loaded)
   */
  barriers_score?: number | null;
  /**
   * Barriers to Housing and Services Domain: rank, 1 = most deprived of 32,844 LSOAs
   */
  barriers_rank: number;
  /**
   * Barriers to Housing and Services Domain: published decile, 1 = most deprived 10%
   */
  barriers_decile: number;
  /**
   * Living Environment Domain: score (published in File 5/7; null when not loaded)
   */
  living_environment_score?: number | null;
  /**
   * Living Environment Domain: rank, 1 = most deprived of 32,844 LSOAs
   */
  living_environment_rank: number;
  /**
   * Living Environment Domain: published decile, 1 = most deprived 10%
   */
  living_environment_decile: number;
  /**
   * Income Deprivation Affecting Children Index (IDACI): score (published in File 5/7; null when not loaded)
   */
  idaci_score?: number | null;
  /**
   * Income Deprivation Affecting Children Index (IDACI): rank, 1 = most deprived of 32,844 LSOAs
   */
  idaci_rank: number;
  /**
   * Income Deprivation Affecting Children Index (IDACI): published decile, 1 = most deprived 10%
   */
  idaci_decile: number;
  /**
   * Income Deprivation Affecting Older People Index (IDAOPI): score (published in File 5/7; null when not loaded)
   */
  idaopi_score?: number | null;
  /**
   * Income Deprivation Affecting Older People Index (IDAOPI): rank, 1 = most deprived of 32,844 LSOAs
   */
  idaopi_rank: number;
  /**
   * Income Deprivation Affecting Older People Index (IDAOPI): published decile, 1 = most deprived 10%
   */
  idaopi_decile: number;
  /**
   * Children and Young People Sub-domain (of Education): score (published in File 5/7; null when not loaded)
   */
  children_young_people_score?: number | null;
  /**
   * Children and Young People Sub-domain (of Education): rank, 1 = most deprived of 32,844 LSOAs
   */
  children_young_people_rank?: number | null;
  /**
   * Children and Young People Sub-domain (of Education): published decile, 1 = most deprived 10%
   */
  children_young_people_decile?: number | null;
  /**
   * Adult Skills Sub-domain (of Education): score (published in File 5/7; null when not loaded)
   */
  adult_skills_score?: number | null;
  /**
   * Adult Skills Sub-domain (of Education): rank, 1 = most deprived of 32,844 LSOAs
   */
  adult_skills_rank?: number | null;
  /**
   * Adult Skills Sub-domain (of Education): published decile, 1 = most deprived 10%
   */
  adult_skills_decile?: number | null;
  /**
   * Geographical Barriers Sub-domain (of Barriers): score (published in File 5/7; null when not loaded)
   */
  geographical_barriers_score?: number | null;
  /**
   * Geographical Barriers Sub-domain (of Barriers): rank, 1 = most deprived of 32,844 LSOAs
   */
  geographical_barriers_rank?: number | null;
  /**
   * Geographical Barriers Sub-domain (of Barriers): published decile, 1 = most deprived 10%
   */
  geographical_barriers_decile?: number | null;
  /**
   * Wider Barriers Sub-domain (of Barriers): score (published in File 5/7; null when not loaded)
   */
  wider_barriers_score?: number | null;
  /**
   * Wider Barriers Sub-domain (of Barriers): rank, 1 = most deprived of 32,844 LSOAs
   */
  wider_barriers_rank?: number | null;
  /**
   * Wider Barriers Sub-domain (of Barriers): published decile, 1 = most deprived 10%
   */
  wider_barriers_decile?: number | null;
  /**
   * Indoors Sub-domain (of Living Environment): score (published in File 5/7; null when not loaded)
   */
  indoors_score?: number | null;
  /**
   * Indoors Sub-domain (of Living Environment): rank, 1 = most deprived of 32,844 LSOAs
   */
  indoors_rank?: number | null;
  /**
   * Indoors Sub-domain (of Living Environment): published decile, 1 = most deprived 10%
   */
  indoors_decile?: number | null;
  /**
   * Outdoors Sub-domain (of Living Environment): score (published in File 5/7; null when not loaded)
   */
  outdoors_score?: number | null;
  /**
   * Outdoors Sub-domain (of Living Environment): rank, 1 = most deprived of 32,844 LSOAs
   */
  outdoors_rank?: number | null;
  /**
   * Outdoors Sub-domain (of Living Environment): published decile, 1 = most deprived 10%
   */
  outdoors_decile?: number | null;
  /**
   * Income Deprivation Domain: score, exponentially transformed as combined into the IMD (File 9)
   */
  income_score_transformed?: number | null;
  /**
   * Employment Deprivation Domain: score, exponentially transformed as combined into the IMD (File 9)
   */
  employment_score_transformed?: number | null;
  /**
   * Education, Skills and Training Domain: score, exponentially transformed as combined into the IMD (File 9)
   */
  education_score_transformed?: number | null;
  /**
   * Health Deprivation and Disability Domain: score, exponentially transformed as combined into the IMD (File 9)
   */
  health_score_transformed?: number | null;
  /**
   * Crime Domain: score, exponentially transformed as combined into the IMD (File 9)
   */
  crime_score_transformed?: number | null;
  /**
   * Barriers to Housing and Services Domain: score, exponentially transformed as combined into the IMD (File 9)
   */
  barriers_score_transformed?: number | null;
  /**
   * Living Environment Domain: score, exponentially transformed as combined into the IMD (File 9)
   */
  living_environment_score_transformed?: number | null;
  /**
   * Total population, mid 2015 (excluding prisoners) (File 6)
   */
  population_total?: number | null;
  /**
   * Dependent children aged 0-15, mid 2015 (excluding prisoners)
   */
  population_0_15?: number | null;
  /**
   * Population aged 16-59, mid 2015 (excluding prisoners)
   */
  population_16_59?: number | null;
  /**
   * Older population aged 60 and over, mid 2015 (excluding prisoners)
   */
  population_60_plus?: number | null;
  /**
   * Working age population 18-59/64, for the Employment Domain (excluding prisoners)
   */
  population_working_age?: number | null;
}

/**
 * One local authority district and one index or domain: the publisher's local-authority summary measures (File 10). 1 = most deprived.
 */
export interface LadSummariesRecord {
  /**
   * Local authority district code
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
  /**
   * Extent (IMD only)
   */
  extent?: number | null;
  rank_extent?: number | null;
  /**
   * Local concentration (IMD only)
   */
  local_concentration?: number | null;
  rank_local_concentration?: number | null;
  /**
   * Income or employment scale: number of people deprived
   */
  scale?: number | null;
  rank_scale?: number | null;
}
