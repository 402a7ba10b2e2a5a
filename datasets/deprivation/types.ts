// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One index edition the deprivation-by-postcode service can use: its nation, the postcode-directory column it joins on, its areas and how its quantiles are obtained; or an index dataset declared but absent from this catalogue (status absent: what it is cannot be known without it). Recorded when the deprivation dataset is imported.
 */
export interface IndicesRecord {
  /**
   * Label used with edition= on the by-postcode routes (IoD2019, WIMD2019, SIMD2020v2, NIMDM2017, IoD2025, UK_IMD_E); for an absent index, its dataset id
   */
  index_edition: string;
  /**
   * Dataset serving the index
   */
  dataset: string;
  /**
   * imported; not_imported (registered, no edition yet: its nation's postcodes get index_not_loaded); absent (declared in depends_on but not registered in this catalogue, or failed to load)
   */
  status: 'imported' | 'not_imported' | 'absent';
  /**
   * Why an index is absent
   */
  message?: string | null;
  /**
   * Nation of the index (null when absent)
   */
  nation: 'England' | 'Wales' | 'Scotland' | 'Northern Ireland' | 'United Kingdom' | null;
  /**
   * GSS country code (null for the UK composite)
   */
  country_code?: string | null;
  title: string | null;
  publisher: string | null;
  /**
   * Small-area geography and vintage
   */
  area_type: string | null;
  /**
   * Postcode-directory (ONSPD) column joined to the index's areas
   */
  postcode_field: 'lsoa11' | 'lsoa21' | null;
  /**
   * False when only local-authority summaries are available
   */
  small_areas_loaded: boolean;
  /**
   * Used for its nation when edition= does not name one
   */
  is_default: boolean;
  /**
   * Small areas in the imported edition (null: not loaded)
   */
  areas?: number | null;
  /**
   * Edition id of the index dataset when this registry was recorded
   */
  source_edition_id?: number | null;
  /**
   * How quantiles the publisher does not give are computed
   */
  quantile_rule: string | null;
  /**
   * Quantile sizes the publisher gives for the overall rank (e.g. 5,10,20)
   */
  published_quantiles: string | null;
  /**
   * Domain keys served with the overall rank
   */
  domains: string | null;
}

/**
 * The answer for one postcode as given: its status, its nation, that nation's index (rank, quantiles, domains) and the UK composite. Served by GET and POST /v1/deprivation/postcodes (not a table).
 */
export interface ResultRecord {
  /**
   * As given
   */
  input: string;
  /**
   * Normalised, null when invalid
   */
  postcode: string | null;
  /**
   * found; terminated (answered for the last small area); invalid; not_found; outside_indices (Channel Islands, Isle of Man); no_small_area; area_not_in_index; index_not_loaded (its index dataset is registered but not imported); index_edition_unavailable (the edition asked for has only local-authority summaries); index_absent (no index of the nation with small areas is registered in this catalogue)
   */
  status:
    | 'found'
    | 'terminated'
    | 'invalid'
    | 'not_found'
    | 'outside_indices'
    | 'no_small_area'
    | 'area_not_in_index'
    | 'index_not_loaded'
    | 'index_edition_unavailable'
    | 'index_absent';
  /**
   * Plain explanation of the status
   */
  message: string;
  terminated: boolean;
  /**
   * Termination date (YYYYMM) of a terminated postcode
   */
  doterm: string | null;
  nation: string | null;
  country_code: string | null;
  /**
   * Index edition used for this postcode
   */
  index_edition: string | null;
  /**
   * The nation's own index
   */
  deprivation: {
    index: string;
    index_edition: string;
    dataset: string;
    edition: IndexEditionUsed;
    publisher: string;
    nation: 'England' | 'Wales' | 'Scotland' | 'Northern Ireland';
    area: {
      code: string;
      name: string | null;
      /**
       * Geography and vintage of the small area
       */
      type: string;
      /**
       * Postcode-directory column joined
       */
      postcode_field: string;
      local_authority_code: string | null;
      local_authority_name: string | null;
    };
    /**
     * IMD rank, 1 = most deprived
     */
    rank: number;
    /**
     * Number of areas ranked
     */
    areas: number;
    score: number | null;
    decile: QuantileAnswer;
    quintile: QuantileAnswer;
    quartile: QuantileAnswer;
    domains: MeasureAnswer[];
    caveat: string;
    quantile?: QuantileAnswer;
  } | null;
  /**
   * mySociety's UK-comparable composite (null where it does not cover the area, or where it is not registered)
   */
  uk_composite: {
    index: string;
    dataset: string;
    edition: IndexEditionUsed;
    area_code: string;
    rank: number;
    areas: number;
    score: number | null;
    decile: QuantileAnswer;
    quintile: QuantileAnswer;
    caveat: string;
  } | null;
}
export interface IndexEditionUsed {
  id: number;
  label: string;
  imported_at: string;
}
/**
 * A quantile (1 = most deprived group) and how it was obtained
 */
export interface QuantileAnswer {
  /**
   * Size: 10 = decile, 5 = quintile, 4 = quartile
   */
  n: number;
  value: number;
  method: 'published' | 'computed';
  /**
   * The publisher's rule used to compute it (computed), or how the publisher built it
   */
  rule?: string;
  /**
   * Column of the published file (published)
   */
  source_field?: string;
}
/**
 * A domain of the index: its rank and decile (and the quantile asked for)
 */
export interface MeasureAnswer {
  key: string;
  title: string;
  /**
   * Domain rank, 1 = most deprived (SIMD ties are halves)
   */
  rank: number;
  areas: number;
  score: number | null;
  decile: QuantileAnswer;
  quantile?: QuantileAnswer;
}
