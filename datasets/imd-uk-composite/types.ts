// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One small area in mySociety's UK-comparable composite index (UK_IMD_E: the four national indices rescaled to the English scale).
 */
export interface AreasRecord {
  /**
   * Small area: LSOA 2011 (England, Wales), data zone 2011 (Scotland), SOA 2001 (Northern Ireland)
   */
  area_code: string;
  /**
   * Nation: E, W, S, N
   */
  nation: 'E' | 'W' | 'S' | 'N';
  /**
   * Score of the national index the area comes from
   */
  overall_local_score: number;
  /**
   * Income score, rescaled
   */
  income_score: number;
  /**
   * Employment score, rescaled
   */
  employment_score: number;
  /**
   * Composite score on the English scale (UK_IMD_E_score)
   */
  uk_imd_e_score: number;
  /**
   * Decile in its own national index
   */
  original_decile: number;
  /**
   * Decile among English LSOAs after rescaling
   */
  e_expanded_decile: number;
  /**
   * UK rank of the composite score, 1 = most deprived of 42,619; ties are averaged (250.5)
   */
  uk_imd_e_rank: number;
  /**
   * Population-weighted UK decile (published)
   */
  uk_imd_e_pop_decile: number;
  /**
   * Population-weighted UK quintile (published)
   */
  uk_imd_e_pop_quintile: number;
}

/**
 * One UK local authority in mySociety's composite UK IMD summary (la_imd.csv).
 */
export interface LocalAuthoritiesRecord {
  /**
   * mySociety local authority code (e.g. BFS)
   */
  local_authority_code: string;
  /**
   * Official name
   */
  official_name: string;
  /**
   * Local authority deprivation score
   */
  la_deprivation_score: number;
  /**
   * Label
   */
  label: string;
  /**
   * Description
   */
  desc: string;
  /**
   * Share of population in low-deprivation areas
   */
  low_deprivation: number;
  /**
   * Share in medium-deprivation areas
   */
  medium_deprivation: number;
  /**
   * Share in high-deprivation areas
   */
  high_deprivation: number;
  /**
   * Population density
   */
  density?: number | null;
  /**
   * Population-weighted quintile
   */
  la_imd_pop_quintile: number;
  /**
   * Population-weighted decile
   */
  la_imd_pop_decile: number;
}
