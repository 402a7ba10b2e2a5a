// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * What changed in the lists since the previous edition: added, removed, renamed, re-parented, other field changes, successions.
 */
export interface ChangesRecord {
  /**
   * Order within the edition
   */
  seq: number;
  /**
   * organisation, trust, health_board, icb, region, pdu, diabetes_network, openuk_network
   */
  entity: string;
  /**
   * Code of the entity
   */
  code: string;
  /**
   * Name (new, or old when removed)
   */
  name?: string | null;
  /**
   * Kind of change
   */
  change: 'added' | 'removed' | 'renamed' | 're-parented' | 'changed' | 'succeeded';
  /**
   * Field that changed
   */
  field?: string | null;
  /**
   * Old value
   */
  old_value?: string | null;
  /**
   * New value
   */
  new_value?: string | null;
  /**
   * Code that took its place (succeeded)
   */
  successor?: string | null;
}

/**
 * Every code ever seen in the lists (carried from edition to edition): when it was valid and what succeeded it.
 */
export interface CodeHistoryRecord {
  /**
   * Entity type
   */
  entity: string;
  /**
   * Code
   */
  code: string;
  /**
   * Last known name
   */
  name: string;
  /**
   * First date the code was in the lists
   */
  valid_from: string;
  /**
   * Date it left the lists (null: current)
   */
  valid_to?: string | null;
  /**
   * Current status
   */
  status: 'active' | 'merged' | 'renamed' | 're-coded' | 'closed';
  /**
   * Code that took its place
   */
  succeeded_by?: string | null;
  /**
   * How it was succeeded
   */
  succession_type?: 'merger' | 'rename' | 're-code' | 'closure' | null;
}

/**
 * A country of the lists.
 */
export interface CountriesRecord {
  /**
   * GSS code (L93000001 for Jersey, Channel Islands)
   */
  code: string;
  /**
   * Name
   */
  name: string;
  /**
   * Code as written in the curated list (E92000003 for Jersey, not a GSS code)
   */
  listed_code: string;
}

/**
 * A paediatric diabetes network.
 */
export interface DiabetesNetworksRecord {
  /**
   * PNxx
   */
  code: string;
  /**
   * Name
   */
  name: string;
}

/**
 * When the lists of this edition took effect.
 */
export interface EditionInfoRecord {
  /**
   * Date from which this edition describes the organisations
   */
  valid_from: string;
  /**
   * Edition compared for the changes
   */
  previous_edition_id?: number | null;
}

/**
 * A Welsh local health board.
 */
export interface HealthBoardsRecord {
  /**
   * ODS code (7A1…)
   */
  ods_code: string;
  /**
   * GSS code (W11…)
   */
  gss_code: string;
  /**
   * Name
   */
  name: string;
  /**
   * OPEN UK network of the board
   */
  openuk_network_code?: string | null;
}

/**
 * One row of the curated mapping of NHS England regions, ICBs, sub-ICB locations, local authorities and trusts.
 */
export interface IcbMappingsRecord {
  /**
   * Position in the source list (1-based)
   */
  row: number;
  /**
   * NHS England region (as written)
   */
  region_name?: string;
  /**
   * Y-code
   */
  region_code: string;
  /**
   * ODS ICB code
   */
  icb_code: string;
  /**
   * ONS ICB code as written (may be superseded)
   */
  icb_gss_code?: string;
  /**
   * ICB name
   */
  icb_name?: string;
  /**
   * Sub-ICB location
   */
  sub_icb_name?: string | null;
  /**
   * ODS sub-ICB code
   */
  sub_icb_code?: string | null;
  /**
   * Local authority
   */
  local_authority_name?: string | null;
  /**
   * ODS LA code
   */
  la_ods_code?: string | null;
  /**
   * NHS trust
   */
  trust_name?: string | null;
  /**
   * ODS trust code
   */
  trust_code?: string | null;
}

/**
 * An integrated care board (England).
 */
export interface IcbsRecord {
  /**
   * ODS code (Qxx)
   */
  ods_code: string;
  /**
   * GSS code (E54, 2023)
   */
  gss_code: string;
  /**
   * Name
   */
  name: string;
  /**
   * NHS England region Y-code (from the LA mapping)
   */
  region_code?: string | null;
  /**
   * GSS code the ICB/local-authority mapping uses, when it differs (superseded code)
   */
  mapping_gss_code?: string | null;
}

/**
 * A London borough in which a listed organisation lies.
 */
export interface LondonBoroughsRecord {
  /**
   * GSS code (E09)
   */
  gss_code: string;
  /**
   * Name (from the ONS district names, when provided)
   */
  name?: string | null;
}

/**
 * An OPEN UK paediatric epilepsy network.
 */
export interface OpenukNetworksRecord {
  /**
   * Network code
   */
  code: string;
  /**
   * Name
   */
  name: string;
  /**
   * Country name
   */
  country: string;
}

/**
 * One hospital or unit caring for children, with the codes of everything it belongs to (flat; the /organisations routes nest them).
 */
export interface OrganisationRecordsRecord {
  /**
   * ODS site code
   */
  ods_code: string;
  /**
   * Organisation name (as in the curated list)
   */
  name: string;
  /**
   * Name lower-cased with punctuation and spaces removed (for search)
   */
  name_key: string;
  /**
   * OrganisationType
   */
  organisation_type?: string | null;
  /**
   * SubType
   */
  sub_type?: string | null;
  /**
   * Sector
   */
  sector?: string | null;
  /**
   * Address1
   */
  address_line_1?: string | null;
  /**
   * Address2
   */
  address_line_2?: string | null;
  /**
   * Address3
   */
  address_line_3?: string | null;
  /**
   * City
   */
  city?: string | null;
  /**
   * County
   */
  county?: string | null;
  /**
   * Postcode
   */
  postcode?: string | null;
  /**
   * WGS84 latitude
   */
  latitude?: number | null;
  /**
   * WGS84 longitude
   */
  longitude?: number | null;
  /**
   * Phone
   */
  phone?: string | null;
  /**
   * Email
   */
  email?: string | null;
  /**
   * Website
   */
  website?: string | null;
  /**
   * ODS code of the parent trust or health board
   */
  parent_code?: string | null;
  /**
   * Parent name as in the list
   */
  parent_name?: string | null;
  /**
   * What the parent code is
   */
  parent_type?: 'trust' | 'health_board' | null;
  /**
   * ODS code of the NHS trust (England)
   */
  trust_code?: string | null;
  /**
   * ODS code of the local health board (Wales)
   */
  health_board_code?: string | null;
  /**
   * ODS code of the ICB (when the trust maps to exactly one ICB)
   */
  icb_code?: string | null;
  /**
   * Comma-separated ODS codes of the ICBs the trust serves when it serves several
   */
  icb_candidates?: string | null;
  /**
   * NHS England region Y-code
   */
  region_code?: string | null;
  /**
   * GSS country code (L93000001 for Jersey)
   */
  country_code?: string | null;
  /**
   * GSS code of the local authority district
   */
  local_authority_code?: string | null;
  /**
   * GSS code of the London borough (E09) when in London
   */
  london_borough_code?: string | null;
  /**
   * NPDA paediatric diabetes unit code (PZxxx)
   */
  pdu_code?: string | null;
  /**
   * site: the PDU list names this ODS code; parent: it names the parent trust/board
   */
  pdu_attribution?: 'site' | 'parent' | null;
  /**
   * Paediatric diabetes network (PNxx)
   */
  diabetes_network_code?: string | null;
  /**
   * OPEN UK epilepsy network code
   */
  openuk_network_code?: string | null;
}

/**
 * An ODS code the PDU list assigns to a unit.
 */
export interface PduMembersRecord {
  /**
   * PZ code
   */
  npda_code: string;
  /**
   * ODS code
   */
  ods_code: string;
  /**
   * What the code is in the lists
   */
  member_type: 'organisation' | 'trust' | 'health_board' | 'unlisted';
}

/**
 * A paediatric diabetes unit (NPDA PZ code) and its network.
 */
export interface PdusRecord {
  /**
   * PZ code
   */
  npda_code: string;
  /**
   * Paediatric diabetes network (PNxx); null when the list says Unknown
   */
  network_code?: string | null;
  /**
   * Network name
   */
  network_name?: string | null;
}

/**
 * An NHS England region.
 */
export interface RegionsRecord {
  /**
   * Y-code
   */
  code: string;
  /**
   * GSS code (2022 codes, E40)
   */
  gss_code: string;
  /**
   * Name
   */
  name: string;
}

/**
 * An NHS trust (England; three Welsh bodies are also listed in the source).
 */
export interface TrustsRecord {
  /**
   * ODS trust code
   */
  ods_code: string;
  /**
   * Trust name
   */
  name: string;
  /**
   * Address
   */
  address_line_1?: string | null;
  /**
   * Address
   */
  address_line_2?: string | null;
  /**
   * Town
   */
  town?: string | null;
  /**
   * Postcode
   */
  postcode?: string | null;
  /**
   * GSS country code
   */
  country_code?: string | null;
  /**
   * OPEN UK network of the trust
   */
  openuk_network_code?: string | null;
}
