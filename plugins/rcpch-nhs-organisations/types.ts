// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * The shapes the RCPCH NHS Organisations API (api.rcpch.ac.uk/nhs-organisations/v1) answers in, as its clients read them: every route's answer is one of these, or a bare array of one.
 */
export interface ShapesRecord {
  organisation_ref?: OrganisationRef;
  trust?: Trust;
  local_health_board_ref?: LocalHealthBoardRef;
  local_health_board?: LocalHealthBoard;
  integrated_care_board_ref?: IntegratedCareBoardRef;
  integrated_care_board?: IntegratedCareBoard;
  nhs_england_region_ref?: NhsEnglandRegionRef;
  nhs_england_region?: NhsEnglandRegion;
  london_borough?: LondonBorough;
  country_ref?: CountryRef;
  country?: Country;
  openuk_network?: OpenukNetwork;
  paediatric_diabetes_network?: PaediatricDiabetesNetwork;
  paediatric_diabetes_unit?: PaediatricDiabetesUnit;
  geocode_coordinates?: GeocodeCoordinates;
  organisation?: Organisation;
  pdu_organisations?: PduOrganisations;
  pdu_parent?: PduParent;
  sibling_organisation?: SiblingOrganisation;
  pdu_siblings?: PduSiblings;
  snapshot?: Snapshot;
  district?: District;
}
/**
 * An organisation by code and name, exactly these two members
 */
export interface OrganisationRef {
  /**
   * ODS code
   */
  ods_code: string;
  name: string;
}
/**
 * An NHS trust (England; the curated list also holds three Welsh bodies)
 */
export interface Trust {
  /**
   * ODS code
   */
  ods_code: string;
  name: string;
  address_line_1: string | null;
  address_line_2: string | null;
  town: string | null;
  postcode: string | null;
  /**
   * Country as the curated list writes it (ENGLAND, WALES)
   */
  country: string | null;
  /**
   * Not in the curated list: null
   */
  telephone: string | null;
  /**
   * Not in the curated list: null
   */
  website: string | null;
  /**
   * Listed in the edition answered: true
   */
  active: boolean;
  /**
   * Not recorded: null
   */
  published_at: string | null;
}
/**
 * A Welsh local health board, briefly
 */
export interface LocalHealthBoardRef {
  ods_code: string;
  /**
   * GSS code (W11…)
   */
  boundary_identifier: string;
  name: string;
}
/**
 * A Welsh local health board
 */
export interface LocalHealthBoard {
  ods_code: string;
  /**
   * Date the curated lists of this edition took effect (YYYY-MM-DD)
   */
  publication_date: string | null;
  /**
   * GSS code (W11…)
   */
  boundary_identifier: string;
  name: string;
  /**
   * Welsh name (boundaries dataset); null without it
   */
  welsh_name: string | null;
  /**
   * Easting of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_e: number | null;
  /**
   * Northing of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_n: number | null;
  /**
   * Longitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  long: number | null;
  /**
   * Latitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  lat: number | null;
  /**
   * The publisher's GlobalID of the boundary (boundaries dataset); null without it
   */
  globalid: string | null;
}
/**
 * An integrated care board, briefly
 */
export interface IntegratedCareBoardRef {
  /**
   * GSS code (E54…)
   */
  boundary_identifier: string;
  name: string;
  ods_code: string;
}
/**
 * An integrated care board (England)
 */
export interface IntegratedCareBoard {
  /**
   * GSS code (E54…)
   */
  boundary_identifier: string;
  name: string;
  /**
   * Easting of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_e: number | null;
  /**
   * Northing of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_n: number | null;
  /**
   * Longitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  long: number | null;
  /**
   * Latitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  lat: number | null;
  /**
   * The publisher's GlobalID of the boundary (boundaries dataset); null without it
   */
  globalid: string | null;
  ods_code: string;
  /**
   * Date the curated lists of this edition took effect (YYYY-MM-DD)
   */
  publication_date: string | null;
}
/**
 * An NHS England region, briefly
 */
export interface NhsEnglandRegionRef {
  /**
   * Y-code
   */
  region_code: string;
  /**
   * Date the curated lists of this edition took effect (YYYY-MM-DD)
   */
  publication_date: string | null;
  /**
   * GSS code (E40…, 2022 codes)
   */
  boundary_identifier: string;
  name: string;
}
/**
 * An NHS England region
 */
export interface NhsEnglandRegion {
  /**
   * Y-code
   */
  region_code: string;
  /**
   * Date the curated lists of this edition took effect (YYYY-MM-DD)
   */
  publication_date: string | null;
  /**
   * GSS code (E40…, 2022 codes)
   */
  boundary_identifier: string;
  name: string;
  /**
   * Easting of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_e: number | null;
  /**
   * Northing of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_n: number | null;
  /**
   * Longitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  long: number | null;
  /**
   * Latitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  lat: number | null;
  /**
   * The publisher's GlobalID of the boundary (boundaries dataset); null without it
   */
  globalid: string | null;
}
/**
 * A London borough (one with listed organisations)
 */
export interface LondonBorough {
  name: string | null;
  /**
   * GSS code (E09…)
   */
  gss_code: string;
}
/**
 * A country, briefly
 */
export interface CountryRef {
  /**
   * GSS code (Jersey: L93000001, Channel Islands)
   */
  boundary_identifier: string;
  name: string;
}
/**
 * A country; fields= may select some of these members
 */
export interface Country {
  /**
   * GSS code (Jersey: L93000001, Channel Islands)
   */
  boundary_identifier?: string;
  name?: string;
  /**
   * Welsh name (boundaries dataset); null without it
   */
  welsh_name?: string | null;
  /**
   * Easting of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_e?: number | null;
  /**
   * Northing of the publisher's label point, British National Grid metres (boundaries dataset); null without it
   */
  bng_n?: number | null;
  /**
   * Longitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  long?: number | null;
  /**
   * Latitude of the publisher's label point, WGS84 (boundaries dataset); null without it
   */
  lat?: number | null;
  /**
   * The publisher's GlobalID of the boundary (boundaries dataset); null without it
   */
  globalid?: string | null;
}
/**
 * An OPEN UK paediatric epilepsy network
 */
export interface OpenukNetwork {
  name: string;
  /**
   * Network code (e.g. EPEN)
   */
  boundary_identifier: string;
  country: string;
  /**
   * Date the curated lists of this edition took effect (YYYY-MM-DD)
   */
  publication_date: string | null;
}
/**
 * A paediatric diabetes network
 */
export interface PaediatricDiabetesNetwork {
  /**
   * PN code
   */
  pn_code: string;
  name: string;
}
/**
 * A paediatric diabetes unit
 */
export interface PaediatricDiabetesUnit {
  /**
   * NPDA PZ code
   */
  pz_code: string;
  paediatric_diabetes_network: PaediatricDiabetesNetwork | null;
  /**
   * Listed in the edition answered: true
   */
  active: boolean;
  /**
   * When the edition answered was imported (ISO 8601)
   */
  updated_at: string | null;
  /**
   * Name of its primary organisation; null when it has none
   */
  name: string | null;
}
/**
 * GeoJSON point of the organisation, [longitude, latitude] (WGS84)
 */
export interface GeocodeCoordinates {
  type: 'Point';
  /**
   * @minItems 2
   * @maxItems 2
   */
  coordinates: [number, number];
}
/**
 * An organisation with everything it belongs to (null where it belongs to none)
 */
export interface Organisation {
  /**
   * ODS code
   */
  ods_code: string;
  name: string;
  website: string | null;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  telephone: string | null;
  city: string | null;
  county: string | null;
  latitude: number | null;
  longitude: number | null;
  postcode: string | null;
  geocode_coordinates: GeocodeCoordinates | null;
  /**
   * Listed in the edition answered: true
   */
  active: boolean;
  /**
   * Not recorded: null
   */
  published_at: string | null;
  paediatric_diabetes_unit: PaediatricDiabetesUnit | null;
  trust: Trust | null;
  local_health_board: LocalHealthBoardRef | null;
  integrated_care_board: IntegratedCareBoardRef | null;
  nhs_england_region: NhsEnglandRegionRef | null;
  openuk_network: OpenukNetwork | null;
  london_borough: LondonBorough | null;
  country: CountryRef | null;
}
/**
 * A paediatric diabetes unit with its organisations, each exactly {ods_code, name}
 */
export interface PduOrganisations {
  /**
   * NPDA PZ code
   */
  pz_code: string;
  organisations: OrganisationRef[];
  active: boolean;
  /**
   * When the edition answered was imported (ISO 8601)
   */
  updated_at: string | null;
  /**
   * Name of its primary organisation; null when it has none
   */
  name: string | null;
}
/**
 * A paediatric diabetes unit with its parent trust or Welsh health board and its primary organisation
 */
export interface PduParent {
  /**
   * NPDA PZ code
   */
  pz_code: string;
  /**
   * Name of its primary organisation; null when it has none
   */
  name: string | null;
  active: boolean;
  /**
   * When the edition answered was imported (ISO 8601)
   */
  updated_at: string | null;
  /**
   * Same as updated_at
   */
  last_updated: string | null;
  paediatric_diabetes_network: PaediatricDiabetesNetwork | null;
  /**
   * Its trust, or its Welsh health board; null when it has no organisation
   */
  parent: Trust | LocalHealthBoardRef | null;
  /**
   * The primary organisation the curated PDU list names; null when it has none
   */
  primary_organisation: OrganisationRef | null;
}
/**
 * An organisation of a paediatric diabetes unit, with its parent
 */
export interface SiblingOrganisation {
  ods_code: string;
  name: string;
  /**
   * Its trust, or its Welsh health board
   */
  parent: Trust | LocalHealthBoard | null;
}
/**
 * A paediatric diabetes unit with its organisations and their parents
 */
export interface PduSiblings {
  /**
   * NPDA PZ code
   */
  pz_code: string;
  organisations: SiblingOrganisation[];
  active: boolean;
  /**
   * When the edition answered was imported (ISO 8601)
   */
  updated_at: string | null;
  /**
   * Name of its primary organisation; null when it has none
   */
  name: string | null;
}
/**
 * An organisation as it was on a date, from the edition of the lists valid then
 */
export interface Snapshot {
  /**
   * ODS code answered (a predecessor's when the code asked for did not exist then)
   */
  ods_code: string;
  /**
   * YYYY-MM-DD
   */
  snapshot_date: string;
  name: string;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  telephone: string | null;
  city: string | null;
  county: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  active: boolean;
  published_at: string | null;
  trust: {
    ods_code: string;
    name: string;
  } | null;
  local_health_board: {
    ods_code: string;
    name: string;
  } | null;
  integrated_care_board: {
    ods_code: string;
    name: string;
  } | null;
  nhs_england_region: {
    region_code: string;
    name: string;
  } | null;
  openuk_network: {
    boundary_identifier: string;
    name: string;
  } | null;
  paediatric_diabetes_unit: {
    pz_code: string;
  } | null;
  /**
   * The predecessor answered when the code asked for did not exist on that date
   */
  predecessor_ods_code: string | null;
}
/**
 * A local authority district having postcodes within the radius
 */
export interface District {
  /**
   * GSS code of the district (the postcode directory's vintage)
   */
  lad24cd: string;
  /**
   * Name (ONS district names); null when unknown
   */
  lad24nm: string | null;
}
