// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * The name of a geography code, by the postcode field it appears in (e.g. field lsoa11, code E01004736).
 */
export interface NamesRecord {
  /**
   * Postcode field the code appears in (ctry, rgn, oslaua, osward, pcon, lsoa11, lsoa21, msoa11, msoa21, icb, nhser, …)
   */
  field: string;
  /**
   * Geography code
   */
  code: string;
  /**
   * Name (current ONS vintage of the name table)
   */
  name: string;
}

/**
 * One postcode of the ONS Postcode Directory with its geographies. Every geography field names its vintage (lsoa11, lsoa21, …); pseudo-codes (X99999999) are null.
 */
export interface PostcodesRecord {
  /**
   * Postcode, normalised form with one space (e.g. "AB10 1AA")
   */
  pcds: string;
  /**
   * Postcode, 7-character form: outward code padded to 4 characters (ONSPD `pcd7`, `pcd` in older editions)
   */
  pcd7: string;
  /**
   * Postcode, 8-character form: outward code padded to 5 characters (ONSPD `pcd8`, `pcd2` in older editions)
   */
  pcd8?: string | null;
  /**
   * Outward code (part before the space), derived from pcds
   */
  outcode: string;
  /**
   * Date of introduction, YYYYMM as in the ONSPD
   */
  dointr?: string | null;
  /**
   * Date of termination, YYYYMM; null for a live postcode
   */
  doterm?: string | null;
  /**
   * Postcode user type: 0 small user, 1 large user
   */
  usertype?: number | null;
  /**
   * Country (GSS): E92000001 England, W92000004 Wales, S92000003 Scotland, N92000002 Northern Ireland, L93000001 Channel Islands, M83000003 Isle of Man
   */
  ctry?: string | null;
  /**
   * Region (GSS, England; null elsewhere)
   */
  rgn?: string | null;
  /**
   * County (GSS); null outside two-tier English areas
   */
  oscty?: string | null;
  /**
   * County electoral division (GSS)
   */
  ced?: string | null;
  /**
   * Local authority district / unitary authority (GSS), vintage of this ONSPD edition
   */
  oslaua?: string | null;
  /**
   * Electoral ward / division (GSS), vintage of this ONSPD edition
   */
  osward?: string | null;
  /**
   * Parish / community (GSS)
   */
  parish?: string | null;
  /**
   * Westminster parliamentary constituency (GSS), vintage of this ONSPD edition
   */
  pcon?: string | null;
  /**
   * Lower layer super output area 2011 (England, Wales), data zone 2011 (Scotland), super output area 2001 (Northern Ireland)
   */
  lsoa11?: string | null;
  /**
   * Middle layer super output area 2011 (England, Wales), intermediate zone 2011 (Scotland)
   */
  msoa11?: string | null;
  /**
   * Output area 2011 (census)
   */
  oa11?: string | null;
  /**
   * Lower layer super output area 2021 (England, Wales), data zone 2022 (Scotland), super data zone 2021 (Northern Ireland)
   */
  lsoa21?: string | null;
  /**
   * Middle layer super output area 2021 (England, Wales), intermediate zone 2022 (Scotland)
   */
  msoa21?: string | null;
  /**
   * Output area 2021 (census; Scotland 2022)
   */
  oa21?: string | null;
  /**
   * Integrated care board (GSS, England)
   */
  icb?: string | null;
  /**
   * Sub-ICB location (GSS, England); local health board in Wales, health board in Scotland per the ONSPD
   */
  sicbl?: string | null;
  /**
   * NHS England region (GSS)
   */
  nhser?: string | null;
  /**
   * Former strategic health authority / health board (GSS)
   */
  oshlthau?: string | null;
  /**
   * Travel to work area (GSS)
   */
  ttwa?: string | null;
  /**
   * Police force area (GSS)
   */
  pfa?: string | null;
  /**
   * Rural-urban classification 2011
   */
  ru11ind?: string | null;
  /**
   * OS grid reference easting (metres); null without a grid reference
   */
  oseast1m?: number | null;
  /**
   * OS grid reference northing (metres); null without a grid reference
   */
  osnrth1m?: number | null;
  /**
   * Positional quality indicator of the grid reference (1 best … 9 no grid reference)
   */
  osgrdind?: number | null;
  /**
   * Latitude (WGS84); null when the ONSPD has no grid reference (it writes 99.999999)
   */
  lat?: number | null;
  /**
   * Longitude (WGS84); null when the ONSPD has no grid reference
   */
  long?: number | null;
  /**
   * Index of Multiple Deprivation rank of lsoa11 in its own nation's index (ONSPD `imd`; 1 = most deprived; ranks are not comparable across nations); null where the ONSPD writes 0
   */
  imd?: number | null;
}
