// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One LSOA (2021) of England in the English Indices of Deprivation 2025: the IMD and its seven domains (score, rank, decile), IDACI, IDAOPI, the six sub-domains and population denominators where the source carries them (null, never zero, where it does not: the edition's metadata lists what its source lacked). 1 = most deprived.
 */
export interface AreasRecord {
  /**
   * LSOA code (2021)
   */
  lsoa21_code: string;
  /**
   * LSOA name (2021): File 7's, else the ONS name table (geography-names/lsoa21.json); null when neither names it
   */
  lsoa21_name: string | null;
  /**
   * Local Authority District code (2024): File 7's, else joined (see lad24_source); null where no join holds
   */
  lad24_code: string | null;
  /**
   * Local Authority District name (2024), as in File 7 or the district summaries file
   */
  lad24_name: string | null;
  /**
   * Where lad24_code comes from: publisher (File 7's column); district_name (the LSOA name's district part is a district of the IoD2025 summaries file); postcode_directory (the district (oslaua) of the LSOA's live postcodes in the imported ONSPD, when it is a 2024 district); null: not joined
   */
  lad24_source: 'publisher' | 'district_name' | 'postcode_directory' | null;
  /**
   * Index of Multiple Deprivation (IMD): score
   */
  imd_score: number;
  /**
   * Index of Multiple Deprivation (IMD): rank, 1 = most deprived of 33,755 LSOAs
   */
  imd_rank: number;
  /**
   * Index of Multiple Deprivation (IMD): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  imd_decile: number;
  /**
   * Income Deprivation Domain: score (rate)
   */
  income_score: number;
  /**
   * Income Deprivation Domain: rank, 1 = most deprived of 33,755 LSOAs
   */
  income_rank: number;
  /**
   * Income Deprivation Domain: published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  income_decile: number;
  /**
   * Employment Deprivation Domain: score (rate)
   */
  employment_score: number;
  /**
   * Employment Deprivation Domain: rank, 1 = most deprived of 33,755 LSOAs
   */
  employment_rank: number;
  /**
   * Employment Deprivation Domain: published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  employment_decile: number;
  /**
   * Education, Skills and Training Domain: score
   */
  education_score: number;
  /**
   * Education, Skills and Training Domain: rank, 1 = most deprived of 33,755 LSOAs
   */
  education_rank: number;
  /**
   * Education, Skills and Training Domain: published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  education_decile: number;
  /**
   * Health Deprivation and Disability Domain: score
   */
  health_score: number;
  /**
   * Health Deprivation and Disability Domain: rank, 1 = most deprived of 33,755 LSOAs
   */
  health_rank: number;
  /**
   * Health Deprivation and Disability Domain: published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  health_decile: number;
  /**
   * Crime Domain: score
   */
  crime_score: number;
  /**
   * Crime Domain: rank, 1 = most deprived of 33,755 LSOAs
   */
  crime_rank: number;
  /**
   * Crime Domain: published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  crime_decile: number;
  /**
   * Barriers to Housing and Services Domain: score
   */
  barriers_score: number;
  /**
   * Barriers to Housing and Services Domain: rank, 1 = most deprived of 33,755 LSOAs
   */
  barriers_rank: number;
  /**
   * Barriers to Housing and Services Domain: published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  barriers_decile: number;
  /**
   * Living Environment Domain: score
   */
  living_environment_score: number;
  /**
   * Living Environment Domain: rank, 1 = most deprived of 33,755 LSOAs
   */
  living_environment_rank: number;
  /**
   * Living Environment Domain: published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755))
   */
  living_environment_decile: number;
  /**
   * Income Deprivation Affecting Children Index (IDACI): score (rate) (null when the source lacks it)
   */
  idaci_score: number | null;
  /**
   * Income Deprivation Affecting Children Index (IDACI): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  idaci_rank: number | null;
  /**
   * Income Deprivation Affecting Children Index (IDACI): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  idaci_decile: number | null;
  /**
   * Income Deprivation Affecting Older People Index (IDAOPI): score (rate) (null when the source lacks it)
   */
  idaopi_score: number | null;
  /**
   * Income Deprivation Affecting Older People Index (IDAOPI): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  idaopi_rank: number | null;
  /**
   * Income Deprivation Affecting Older People Index (IDAOPI): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  idaopi_decile: number | null;
  /**
   * Children and Young People Sub-domain (of Education): score (null when the source lacks it)
   */
  children_young_people_score: number | null;
  /**
   * Children and Young People Sub-domain (of Education): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  children_young_people_rank: number | null;
  /**
   * Children and Young People Sub-domain (of Education): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  children_young_people_decile: number | null;
  /**
   * Adult Skills Sub-domain (of Education): score (null when the source lacks it)
   */
  adult_skills_score: number | null;
  /**
   * Adult Skills Sub-domain (of Education): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  adult_skills_rank: number | null;
  /**
   * Adult Skills Sub-domain (of Education): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  adult_skills_decile: number | null;
  /**
   * Geographical Barriers Sub-domain (of Barriers): score (null when the source lacks it)
   */
  geographical_barriers_score: number | null;
  /**
   * Geographical Barriers Sub-domain (of Barriers): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  geographical_barriers_rank: number | null;
  /**
   * Geographical Barriers Sub-domain (of Barriers): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  geographical_barriers_decile: number | null;
  /**
   * Wider Barriers Sub-domain (of Barriers): score (null when the source lacks it)
   */
  wider_barriers_score: number | null;
  /**
   * Wider Barriers Sub-domain (of Barriers): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  wider_barriers_rank: number | null;
  /**
   * Wider Barriers Sub-domain (of Barriers): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  wider_barriers_decile: number | null;
  /**
   * Indoors Sub-domain (of Living Environment): score (null when the source lacks it)
   */
  indoors_score: number | null;
  /**
   * Indoors Sub-domain (of Living Environment): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  indoors_rank: number | null;
  /**
   * Indoors Sub-domain (of Living Environment): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  indoors_decile: number | null;
  /**
   * Outdoors Sub-domain (of Living Environment): score (null when the source lacks it)
   */
  outdoors_score: number | null;
  /**
   * Outdoors Sub-domain (of Living Environment): rank, 1 = most deprived of 33,755 LSOAs (null when the source lacks it)
   */
  outdoors_rank: number | null;
  /**
   * Outdoors Sub-domain (of Living Environment): published decile, 1 = most deprived 10% (checked on import: ceil(rank × 10 / 33,755)) (null when the source lacks it)
   */
  outdoors_decile: number | null;
  /**
   * Total population, mid 2022 (excluding prisoners) (File 7; null when the source lacks it)
   */
  population_total: number | null;
  /**
   * Dependent children aged 0-15, mid 2022 (excluding prisoners) (File 7; null when the source lacks it)
   */
  population_0_15: number | null;
  /**
   * Population aged 16-59, mid 2022 (excluding prisoners) (File 7; null when the source lacks it)
   */
  population_16_59: number | null;
  /**
   * Older population aged 60 and over, mid 2022 (excluding prisoners) (File 7; null when the source lacks it)
   */
  population_60_plus: number | null;
  /**
   * Working age population, for the Employment Domain (excluding prisoners) (File 7; null when the source lacks it)
   */
  population_working_age: number | null;
}

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
