// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * An English LSOA with the ranks, deciles and scores of the English Indices of Deprivation, as the Census Platform serialises them.
 */
export interface EnglishImdRecord {
  /**
   * IMD score (null where this edition's score is not loaded)
   */
  imd_score: number | null;
  /**
   * IMD rank (1 = most deprived)
   */
  imd_rank: number | null;
  /**
   * IMD decile (published) (1 = most deprived)
   */
  imd_decile: number | null;
  /**
   * income score (null where this edition's score is not loaded)
   */
  income_score: number | null;
  /**
   * income score, exponentially transformed (null where not loaded)
   */
  income_score_exponentially_transformed: number | null;
  /**
   * income rank (1 = most deprived)
   */
  income_rank: number | null;
  /**
   * income decile (published) (1 = most deprived)
   */
  income_decile: number | null;
  /**
   * employment score (null where this edition's score is not loaded)
   */
  employment_score: number | null;
  /**
   * employment score, exponentially transformed (null where not loaded)
   */
  employment_score_exponentially_transformed: number | null;
  /**
   * employment rank (1 = most deprived)
   */
  employment_rank: number | null;
  /**
   * employment decile (published) (1 = most deprived)
   */
  employment_decile: number | null;
  /**
   * education skills training score (null where this edition's score is not loaded)
   */
  education_skills_training_score: number | null;
  /**
   * education skills training score, exponentially transformed (null where not loaded)
   */
  education_skills_training_score_exponentially_transformed: number | null;
  /**
   * education skills training rank (1 = most deprived)
   */
  education_skills_training_rank: number | null;
  /**
   * education skills training decile (published) (1 = most deprived)
   */
  education_skills_training_decile: number | null;
  /**
   * children young people sub domain score (null where this edition's score is not loaded)
   */
  children_young_people_sub_domain_score: number | null;
  /**
   * children young people sub domain rank (1 = most deprived)
   */
  children_young_people_sub_domain_rank: number | null;
  /**
   * children young people sub domain decile (published) (1 = most deprived)
   */
  children_young_people_sub_domain_decile: number | null;
  /**
   * adult skills sub domain score (null where this edition's score is not loaded)
   */
  adult_skills_sub_domain_score: number | null;
  /**
   * adult skills sub domain rank (1 = most deprived)
   */
  adult_skills_sub_domain_rank: number | null;
  /**
   * adult skills sub domain decile (published) (1 = most deprived)
   */
  adult_skills_sub_domain_decile: number | null;
  /**
   * health deprivation disability score (null where this edition's score is not loaded)
   */
  health_deprivation_disability_score: number | null;
  /**
   * health deprivation disability score, exponentially transformed (null where not loaded)
   */
  health_deprivation_disability_score_exponentially_transformed: number | null;
  /**
   * health deprivation disability rank (1 = most deprived)
   */
  health_deprivation_disability_rank: number | null;
  /**
   * health deprivation disability decile (published) (1 = most deprived)
   */
  health_deprivation_disability_decile: number | null;
  /**
   * crime score (null where this edition's score is not loaded)
   */
  crime_score: number | null;
  /**
   * crime score, exponentially transformed (null where not loaded)
   */
  crime_score_exponentially_transformed: number | null;
  /**
   * crime rank (1 = most deprived)
   */
  crime_rank: number | null;
  /**
   * crime decile (published) (1 = most deprived)
   */
  crime_decile: number | null;
  /**
   * barriers to housing services score (null where this edition's score is not loaded)
   */
  barriers_to_housing_services_score: number | null;
  /**
   * barriers to housing services score, exponentially transformed (null where not loaded)
   */
  barriers_to_housing_services_score_exponentially_transformed: number | null;
  /**
   * barriers to housing services rank (1 = most deprived)
   */
  barriers_to_housing_services_rank: number | null;
  /**
   * barriers to housing services decile (published) (1 = most deprived)
   */
  barriers_to_housing_services_decile: number | null;
  /**
   * geographical barriers sub domain score (null where this edition's score is not loaded)
   */
  geographical_barriers_sub_domain_score: number | null;
  /**
   * geographical barriers sub domain rank (1 = most deprived)
   */
  geographical_barriers_sub_domain_rank: number | null;
  /**
   * geographical barriers sub domain decile (published) (1 = most deprived)
   */
  geographical_barriers_sub_domain_decile: number | null;
  /**
   * wider barriers sub domain score (null where this edition's score is not loaded)
   */
  wider_barriers_sub_domain_score: number | null;
  /**
   * wider barriers sub domain rank (1 = most deprived)
   */
  wider_barriers_sub_domain_rank: number | null;
  /**
   * wider barriers sub domain decile (published) (1 = most deprived)
   */
  wider_barriers_sub_domain_decile: number | null;
  /**
   * living environment score (null where this edition's score is not loaded)
   */
  living_environment_score: number | null;
  /**
   * living environment score, exponentially transformed (null where not loaded)
   */
  living_environment_score_exponentially_transformed: number | null;
  /**
   * living environment rank (1 = most deprived)
   */
  living_environment_rank: number | null;
  /**
   * living environment decile (published) (1 = most deprived)
   */
  living_environment_decile: number | null;
  /**
   * indoors sub domain score (null where this edition's score is not loaded)
   */
  indoors_sub_domain_score: number | null;
  /**
   * indoors sub domain rank (1 = most deprived)
   */
  indoors_sub_domain_rank: number | null;
  /**
   * indoors sub domain decile (published) (1 = most deprived)
   */
  indoors_sub_domain_decile: number | null;
  /**
   * outdoors sub domain score (null where this edition's score is not loaded)
   */
  outdoors_sub_domain_score: number | null;
  /**
   * outdoors sub domain rank (1 = most deprived)
   */
  outdoors_sub_domain_rank: number | null;
  /**
   * outdoors sub domain decile (published) (1 = most deprived)
   */
  outdoors_sub_domain_decile: number | null;
  /**
   * idaci score (null where this edition's score is not loaded)
   */
  idaci_score: number | null;
  /**
   * idaci rank (1 = most deprived)
   */
  idaci_rank: number | null;
  /**
   * idaci decile (published) (1 = most deprived)
   */
  idaci_decile: number | null;
  /**
   * idaopi score (null where this edition's score is not loaded)
   */
  idaopi_score: number | null;
  /**
   * idaopi rank (1 = most deprived)
   */
  idaopi_rank: number | null;
  /**
   * idaopi decile (published) (1 = most deprived)
   */
  idaopi_decile: number | null;
  /**
   * LSOA code (2011 for IoD2019, 2021 for IoD2025); the Census Platform linked to its own LSOA record
   */
  lsoa: string;
  /**
   * Year of the index edition (2019, 2025)
   */
  year: number;
  /**
   * Index edition (added by this service)
   */
  index_edition: string;
  /**
   * The nation of the index
   */
  type: 'england';
}

/**
 * Private outdoor space (gardens) of one local authority district of Great Britain (ONS, April 2020), as the Census Platform's GreenSpaceSerializer gives it.
 */
export interface GreenSpaceRecord {
  /**
   * Number of houses addresses
   */
  houses_address_count: number;
  /**
   * Houses addresses with private outdoor space
   */
  houses_addresses_with_private_outdoor_space_count: number;
  /**
   * Total area of houses' private outdoor space (m²)
   */
  houses_outdoor_space_total_area: number;
  /**
   * Proportion (0–1, as ONS publishes it) of houses addresses with private outdoor space
   */
  houses_percentage_of_addresses_with_private_outdoor_space: number;
  /**
   * Average size of houses' private outdoor space (m²)
   */
  houses_average_size_private_outdoor_space: number;
  /**
   * Median size of houses' private outdoor space (m²)
   */
  houses_median_size_private_outdoor_space: number;
  /**
   * Number of flats addresses
   */
  flats_address_count: number;
  /**
   * Flats addresses with private outdoor space
   */
  flats_addresses_with_private_outdoor_space_count: number;
  /**
   * Total area of flats' private outdoor space (m²)
   */
  flats_outdoor_space_total_area: number;
  /**
   * Number of private outdoor spaces of flats (shared gardens counted once)
   */
  flats_outdoor_space_count: number;
  /**
   * Proportion (0–1) of flats addresses with private outdoor space
   */
  flats_percentage_of_addresses_with_private_outdoor_space: number;
  /**
   * Average size of flats' private outdoor space (m²)
   */
  flats_average_size_private_outdoor_space: number;
  /**
   * Average number of flats sharing a garden
   */
  flats_average_number_of_flats_sharing_a_garden: number;
  /**
   * Number of addresses
   */
  total_addresses_count: number;
  /**
   * Addresses with private outdoor space
   */
  total_addresses_with_private_outdoor_space_count: number;
  /**
   * Proportion (0–1) of addresses with private outdoor space
   */
  total_percentage_addresses_with_private_outdoor_space: number;
  /**
   * Average size of private outdoor space (m²)
   */
  total_average_size_private_outdoor_space: number;
  /**
   * GSS code of the local authority district (the Census Platform linked to its own district record)
   */
  local_authority: string;
}

/**
 * A local authority district of Great Britain as the Census Platform's LocalAuthorityDistrictSerializer gives it: England and Wales LAD 2019 (year 2019), Scotland's 32 council areas (year 2011, as the Census Platform labelled them).
 */
export interface LocalAuthorityDistrictRecord {
  /**
   * GSS code of the district
   */
  local_authority_district_code: string;
  /**
   * District name
   */
  local_authority_district_name: string;
  /**
   * 2019 for England and Wales (LAD 2019), 2011 for Scotland (as the Census Platform labelled its council areas)
   */
  year: number;
}

/**
 * A Northern Irish super output area with the ranks of the Northern Ireland Multiple Deprivation Measure and its domains, as the Census Platform serialises them.
 */
export interface NorthernIrelandImdRecord {
  /**
   * Year of the index edition (2017)
   */
  year: number;
  /**
   * IMD rank (1 = most deprived)
   */
  imd_rank: number | null;
  /**
   * income rank (1 = most deprived)
   */
  income_rank: number | null;
  /**
   * employment rank (1 = most deprived)
   */
  employment_rank: number | null;
  /**
   * health deprivation and disability rank (1 = most deprived)
   */
  health_deprivation_and_disability_rank: number | null;
  /**
   * education skills and training rank (1 = most deprived)
   */
  education_skills_and_training_rank: number | null;
  /**
   * access to services rank (1 = most deprived)
   */
  access_to_services_rank: number | null;
  /**
   * living environment rank (1 = most deprived)
   */
  living_environment_rank: number | null;
  /**
   * crime and disorder rank (1 = most deprived)
   */
  crime_and_disorder_rank: number | null;
  /**
   * Super output area code (2001)
   */
  soa: string;
  /**
   * Index edition (added by this service)
   */
  index_edition: string;
  /**
   * The nation of the index
   */
  type: 'northern_ireland';
}

/**
 * The Census Platform's answer to /index_of_multiple_deprivation_quantile: the nation's index rank of the postcode's small area and its quantile of the size asked for (1 = most deprived group), by the publisher's rule. Clients read result.data_quantile.
 */
export interface QuantileAnswerRecord {
  result: {
    /**
     * Rank of the small area in its nation's index (1 = most deprived); not comparable across nations
     */
    rank: number;
    /**
     * The quantile size asked for (5 = quintiles, 10 = deciles)
     */
    requested_quantile: number;
    /**
     * Its name: median, tertile, quartile, quintile, … decile, … vigintile
     */
    requested_quantile_name: string;
    /**
     * The quantile of the rank (1 = most deprived group): published by the publisher where it gives that size, else computed by its banding rule
     */
    data_quantile: number;
    /**
     * The nation whose index answered
     */
    country: 'england' | 'wales' | 'scotland' | 'northern_ireland';
    /**
     * Always null: a postcode without a value is answered with an error status instead
     */
    error: null;
    /**
     * The index edition used (IoD2019, IoD2025, WIMD2019, SIMD2020v2, NIMDM2017); added by this service
     */
    index_edition: string;
  };
}

/**
 * A Scottish data zone with the ranks of the Scottish Index of Multiple Deprivation and its domains (domain ties are halves), as the Census Platform serialises them.
 */
export interface ScottishImdRecord {
  /**
   * Year of the index edition (2020)
   */
  year: number;
  /**
   * Version of the edition (2 for SIMD 2020v2)
   */
  version: number;
  /**
   * IMD rank (1 = most deprived)
   */
  imd_rank: number | null;
  /**
   * income rank (1 = most deprived)
   */
  income_rank: number | null;
  /**
   * employment rank (1 = most deprived)
   */
  employment_rank: number | null;
  /**
   * education rank (1 = most deprived)
   */
  education_rank: number | null;
  /**
   * health rank (1 = most deprived)
   */
  health_rank: number | null;
  /**
   * access rank (1 = most deprived)
   */
  access_rank: number | null;
  /**
   * crime rank (1 = most deprived)
   */
  crime_rank: number | null;
  /**
   * housing rank (1 = most deprived)
   */
  housing_rank: number | null;
  /**
   * Data zone code (2011)
   */
  data_zone: string;
  /**
   * Index edition (added by this service)
   */
  index_edition: string;
  /**
   * The nation of the index
   */
  type: 'scotland';
}

/**
 * A Welsh LSOA with the ranks, quartiles, quintiles, deciles and scores of the Welsh Index of Multiple Deprivation, as the Census Platform serialises them.
 */
export interface WelshImdRecord {
  /**
   * IMD rank (1 = most deprived)
   */
  imd_rank: number | null;
  /**
   * IMD quartile (WIMD rank bands) (1 = most deprived)
   */
  imd_quartile: number | null;
  /**
   * IMD quintile (WIMD rank bands) (1 = most deprived)
   */
  imd_quintile: number | null;
  /**
   * IMD decile (WIMD rank bands) (1 = most deprived)
   */
  imd_decile: number | null;
  /**
   * IMD score (null where this edition's score is not loaded)
   */
  imd_score: number | null;
  /**
   * income rank (1 = most deprived)
   */
  income_rank: number | null;
  /**
   * income quartile (WIMD rank bands) (1 = most deprived)
   */
  income_quartile: number | null;
  /**
   * income quintile (WIMD rank bands) (1 = most deprived)
   */
  income_quintile: number | null;
  /**
   * income decile (WIMD rank bands) (1 = most deprived)
   */
  income_decile: number | null;
  /**
   * income score (null where this edition's score is not loaded)
   */
  income_score: number | null;
  /**
   * employment rank (1 = most deprived)
   */
  employment_rank: number | null;
  /**
   * employment quartile (WIMD rank bands) (1 = most deprived)
   */
  employment_quartile: number | null;
  /**
   * employment quintile (WIMD rank bands) (1 = most deprived)
   */
  employment_quintile: number | null;
  /**
   * employment decile (WIMD rank bands) (1 = most deprived)
   */
  employment_decile: number | null;
  /**
   * employment score (null where this edition's score is not loaded)
   */
  employment_score: number | null;
  /**
   * health rank (1 = most deprived)
   */
  health_rank: number | null;
  /**
   * health quartile (WIMD rank bands) (1 = most deprived)
   */
  health_quartile: number | null;
  /**
   * health quintile (WIMD rank bands) (1 = most deprived)
   */
  health_quintile: number | null;
  /**
   * health decile (WIMD rank bands) (1 = most deprived)
   */
  health_decile: number | null;
  /**
   * health score (null where this edition's score is not loaded)
   */
  health_score: number | null;
  /**
   * education rank (1 = most deprived)
   */
  education_rank: number | null;
  /**
   * education quartile (WIMD rank bands) (1 = most deprived)
   */
  education_quartile: number | null;
  /**
   * education quintile (WIMD rank bands) (1 = most deprived)
   */
  education_quintile: number | null;
  /**
   * education decile (WIMD rank bands) (1 = most deprived)
   */
  education_decile: number | null;
  /**
   * education score (null where this edition's score is not loaded)
   */
  education_score: number | null;
  /**
   * access to services rank (1 = most deprived)
   */
  access_to_services_rank: number | null;
  /**
   * access to services quartile (WIMD rank bands) (1 = most deprived)
   */
  access_to_services_quartile: number | null;
  /**
   * access to services quintile (WIMD rank bands) (1 = most deprived)
   */
  access_to_services_quintile: number | null;
  /**
   * access to services decile (WIMD rank bands) (1 = most deprived)
   */
  access_to_services_decile: number | null;
  /**
   * access to services score (null where this edition's score is not loaded)
   */
  access_to_services_score: number | null;
  /**
   * housing rank (1 = most deprived)
   */
  housing_rank: number | null;
  /**
   * housing quartile (WIMD rank bands) (1 = most deprived)
   */
  housing_quartile: number | null;
  /**
   * housing quintile (WIMD rank bands) (1 = most deprived)
   */
  housing_quintile: number | null;
  /**
   * housing decile (WIMD rank bands) (1 = most deprived)
   */
  housing_decile: number | null;
  /**
   * housing score (null where this edition's score is not loaded)
   */
  housing_score: number | null;
  /**
   * community safety rank (1 = most deprived)
   */
  community_safety_rank: number | null;
  /**
   * community safety quartile (WIMD rank bands) (1 = most deprived)
   */
  community_safety_quartile: number | null;
  /**
   * community safety quintile (WIMD rank bands) (1 = most deprived)
   */
  community_safety_quintile: number | null;
  /**
   * community safety decile (WIMD rank bands) (1 = most deprived)
   */
  community_safety_decile: number | null;
  /**
   * community safety score (null where this edition's score is not loaded)
   */
  community_safety_score: number | null;
  /**
   * physical environment rank (1 = most deprived)
   */
  physical_environment_rank: number | null;
  /**
   * physical environment quartile (WIMD rank bands) (1 = most deprived)
   */
  physical_environment_quartile: number | null;
  /**
   * physical environment quintile (WIMD rank bands) (1 = most deprived)
   */
  physical_environment_quintile: number | null;
  /**
   * physical environment decile (WIMD rank bands) (1 = most deprived)
   */
  physical_environment_decile: number | null;
  /**
   * physical environment score (null where this edition's score is not loaded)
   */
  physical_environment_score: number | null;
  /**
   * LSOA code (2011)
   */
  lsoa: string;
  /**
   * Year of the index edition
   */
  year: number;
  /**
   * Index edition (added by this service)
   */
  index_edition: string;
  /**
   * The nation of the index
   */
  type: 'wales';
}
