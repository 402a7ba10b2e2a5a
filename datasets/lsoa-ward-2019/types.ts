// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * One row of LSOA_2011_to_Ward_2019_Lookup_in_England_and_Wales.csv.
 */
export interface AreasRecord {
  /**
   * Lower layer super output area 2011 code (GSS)
   */
  lsoa11_code: string;
  /**
   * Lower layer super output area 2011 name
   */
  lsoa11_name: string;
  /**
   * Electoral ward 2019 code (GSS)
   */
  wd19_code: string;
  /**
   * Electoral ward 2019 name
   */
  wd19_name: string;
  /**
   * Local authority district 2019 code (GSS)
   */
  lad19_code: string;
  /**
   * Local authority district 2019 name
   */
  lad19_name: string;
}
