// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One index edition the deprivation-by-postcode service can use: its nation, the postcode-directory column it joins on, its areas and how its quantiles are obtained. Recorded when the deprivation dataset is imported.
 */
export interface IndicesRecord {
  /**
   * Label used with edition= on the by-postcode routes (IoD2019, WIMD2019, SIMD2020v2, NIMDM2017, IoD2025, UK_IMD_E)
   */
  index_edition: string;
  /**
   * Dataset serving the index
   */
  dataset: string;
  nation: 'England' | 'Wales' | 'Scotland' | 'Northern Ireland' | 'United Kingdom';
  /**
   * GSS country code (null for the UK composite)
   */
  country_code?: string | null;
  title: string;
  publisher: string;
  /**
   * Small-area geography and vintage
   */
  area_type: string;
  /**
   * Postcode-directory (ONSPD) column joined to the index's areas
   */
  postcode_field: 'lsoa11' | 'lsoa21';
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
  quantile_rule: string;
  /**
   * Quantile sizes the publisher gives for the overall rank (e.g. 5,10,20)
   */
  published_quantiles: string;
  /**
   * Domain keys served with the overall rank
   */
  domains: string;
}
