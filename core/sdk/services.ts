// The services datasets offer one another, as interfaces: a plug-in that provides one implements
// it in its services.ts; a plug-in that uses one declares the provider in depends_on and calls
// ds.service<PostcodeServices>('postcodes'). Neither imports the other's code.
import type { EditionInfo } from '../contract.ts';
import type { IndexDescriptor, IndexSnapshot } from './indices/descriptor.ts';
import type { Nation } from './indices/descriptor.ts';

export type { IndexDescriptor, IndexSnapshot, MeasureDescriptor, Nation } from './indices/descriptor.ts';

// --- a postcode directory (provided by `postcodes`) ----------------------------------------------

export type PostcodeStatus = 'found' | 'terminated' | 'not_found' | 'invalid';

export interface PostcodeLookup {
  /** As given. */
  input: string;
  /** Normalised pcds form ("SW1A 1AA"), null when invalid. */
  postcode: string | null;
  /** 'terminated' = found but doterm set. */
  status: PostcodeStatus;
  record: PostcodeRecord | null;
}

/** ONSPD column names, vintage-explicit; null when absent or a pseudo-code. */
export interface PostcodeRecord {
  pcds: string;
  pcd7: string;
  dointr: string | null;
  doterm: string | null;
  /** GSS country code: E92000001 England, W92000004 Wales, S92000003 Scotland,
   *  N92000002 Northern Ireland, L93000001 Channel Islands, M83000003 Isle of Man. */
  ctry: string | null;
  rgn: string | null;
  oslaua: string | null;
  osward: string | null;
  pcon: string | null;
  /** LSOA 2011 (E/W), data zone 2011 (S), SOA 2001 (NI). */
  lsoa11: string | null;
  msoa11: string | null;
  oa11: string | null;
  lsoa21: string | null;
  msoa21: string | null;
  oa21: string | null;
  icb: string | null;
  sicbl: string | null;
  nhser: string | null;
  oshlthau: string | null;
  lat: number | null;
  long: number | null;
  oseast1m: number | null;
  osnrth1m: number | null;
  imd: number | null;
  /** Outward code (the part of pcds before the space). */
  outcode: string;
  pcd8: string | null;
  /** 0 small user, 1 large user. */
  usertype: number | null;
  /** County (two-tier English areas), county electoral division, parish / community. */
  oscty: string | null;
  ced: string | null;
  parish: string | null;
  /** Travel to work area, police force area, rural-urban classification 2011. */
  ttwa: string | null;
  pfa: string | null;
  ru11ind: string | null;
  /** Positional quality of the grid reference: 1 best … 9 none. */
  osgrdind: number | null;
}

export interface PostcodeServices {
  /** `postcode` package; null if invalid. */
  normalise(input: string): string | null;
  /** One per input, in order; current edition by default. */
  lookup(inputs: string[], editionId?: number): Promise<PostcodeLookup[]>;
  currentEdition(): Promise<EditionInfo | null>;
  /** Postcodes within `radius` metres of a WGS84 point, nearest first (ties by postcode); 400 problem for out-of-range input. */
  nearest(query: NearestPostcodesQuery, editionId?: number): Promise<NearbyPostcode[]>;
  /** An outward code (any case and spacing): its counts, centroid and the codes of its live postcodes; null when the directory has none. */
  outcode(outcode: string, editionId?: number): Promise<OutcodeSummary | null>;
  /** A live postcode drawn uniformly at random, from one outward code when given; null when there is none. */
  random(outcode?: string, editionId?: number): Promise<PostcodeRecord | null>;
  /** The names of the geography codes of an edition, by postcode field (`names.get('lsoa11')?.get('E01004736')`). */
  names(editionId?: number): Promise<GeographyNames>;
  /** Live postcodes whose form without spaces starts with the text's (any case and spacing), in postcode order; at most `limit` (1 to 100). */
  search(text: string, limit: number, editionId?: number): Promise<PostcodeRecord[]>;
  /**
   * The local authority districts (ONSPD `oslaua`, named from the ONS district names) having a live
   * postcode within `radiusMetres` of a WGS84 point, in code order; current edition by default.
   */
  districtsWithin(lat: number, long: number, radiusMetres: number, editionId?: number): Promise<DistrictRef[]>;
}

/** A local authority district: its GSS code (the ONSPD's vintage) and name, null when the name tables lack it. */
export interface DistrictRef {
  code: string;
  name: string | null;
}

export interface NearestPostcodesQuery {
  lat: number;
  long: number;
  /** Metres, 0 to 20,000. */
  radius: number;
  /** 1 to 1,000. */
  limit: number;
  /** Terminated postcodes too (default: live only). */
  include_terminated?: boolean;
}

export interface NearbyPostcode {
  record: PostcodeRecord;
  /** Great-circle distance in metres (mean Earth radius), to 0.1 m. */
  distance_m: number;
}

/** Codes of a postcode field found among an outward code's live postcodes. */
export type OutcodeField = 'ctry' | 'oslaua' | 'osward' | 'parish' | 'oscty' | 'pcon';

export interface OutcodeSummary {
  outcode: string;
  /** Postcodes, live and terminated. */
  total: number;
  live: number;
  terminated: number;
  /** Mean position of the live postcodes with coordinates, else of all with coordinates (6 decimals). */
  centroid: { lat: number; long: number; from: 'live' | 'all' } | null;
  /** Mean grid reference of the live postcodes with one, in metres (rounded); null when none has one. */
  live_eastings: number | null;
  live_northings: number | null;
  /** The distinct codes of each field among the live postcodes, sorted. */
  live_codes: Record<OutcodeField, string[]>;
}

/** Postcode field → code → name (the ONS name tables of an edition). */
export type GeographyNames = ReadonlyMap<string, ReadonlyMap<string, string>>;

// --- point in area (provided by `boundaries`) ----------------------------------------------------

export type BoundaryLevel = 'country' | 'nhs_region' | 'icb' | 'health_board' | 'london_borough';

export interface AreaRef {
  collection: string;
  level: BoundaryLevel;
  code: string;
  name: string;
  name_welsh: string | null;
  vintage: string;
}

export interface LocateResult {
  /** Every area containing the point (empty at sea or outside the UK), in level order. */
  areas: AreaRef[];
  /** The area of each level, or null. */
  by_level: Record<BoundaryLevel, AreaRef | null>;
  edition: EditionInfo;
}

export interface BoundaryServices {
  /** Areas containing a WGS84 point; current edition by default. Throws on non-finite or out-of-range input. */
  locate(lat: number, lon: number, editionId?: number): Promise<LocateResult>;
  currentEdition(): Promise<EditionInfo | null>;
  /** Every area of a level with the publisher's reference point and identifiers, in code order; null when never imported. */
  areas(level: BoundaryLevel, editionId?: number): Promise<readonly AreaDetails[] | null>;
}

/** An area with what its publisher gives beside the geometry (ONS: BNG_E, BNG_N, LONG, LAT, GlobalID); null where not published. */
export interface AreaDetails extends AreaRef {
  /** Easting / northing of the label point, British National Grid metres. */
  bng_e: number | null;
  bng_n: number | null;
  /** WGS84 longitude / latitude of the label point. */
  long: number | null;
  lat: number | null;
  globalid: string | null;
}

// --- a deprivation index (provided by each imd-* dataset, through indices.indexServices) ---------

export interface DeprivationIndexServices {
  /** What the index is and how its areas join and rank (core/sdk/indices/descriptor.ts). */
  descriptor: IndexDescriptor;
  /** Areas of the current edition (or of edition `editionId`), in memory; null when never imported. */
  snapshot(editionId?: number): Promise<IndexSnapshot | null>;
}

// --- hospitals and their NHS structures (provided by `organisations`) ----------------------------
// Records as the organisations plug-in serves them (its schemas/*.json; every member present, null
// when empty). An edition never changes: what a service returns for one may be kept.

/** A hospital or unit, flat: the codes of everything it belongs to. */
export interface OrganisationRecord {
  ods_code: string;
  name: string;
  /** Name lower-cased with punctuation and spaces removed (for search). */
  name_key: string;
  organisation_type: string | null;
  sub_type: string | null;
  sector: string | null;
  address_line_1: string | null;
  address_line_2: string | null;
  address_line_3: string | null;
  city: string | null;
  county: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  parent_code: string | null;
  parent_name: string | null;
  parent_type: 'trust' | 'health_board' | null;
  trust_code: string | null;
  health_board_code: string | null;
  /** Set when the trust maps to exactly one ICB; otherwise null and icb_candidates lists them. */
  icb_code: string | null;
  /** Comma-separated ICB codes when the trust serves several. */
  icb_candidates: string | null;
  region_code: string | null;
  /** GSS country code. */
  country_code: string | null;
  local_authority_code: string | null;
  london_borough_code: string | null;
  pdu_code: string | null;
  /** 'site': the PDU lists this organisation; 'parent': it lists its trust or board. */
  pdu_attribution: 'site' | 'parent' | null;
  diabetes_network_code: string | null;
  openuk_network_code: string | null;
}

export interface TrustRecord {
  ods_code: string;
  name: string;
  address_line_1: string | null;
  address_line_2: string | null;
  town: string | null;
  postcode: string | null;
  country_code: string | null;
  openuk_network_code: string | null;
}

/** A Welsh local health board. */
export interface HealthBoardRecord {
  ods_code: string;
  gss_code: string;
  name: string;
  openuk_network_code: string | null;
}

export interface IcbRecord {
  ods_code: string;
  gss_code: string;
  name: string;
  region_code: string | null;
  /** The older GSS code the curated ICB mapping uses, when it differs. */
  mapping_gss_code: string | null;
}

/** An NHS England region: Y-code and GSS code. */
export interface RegionRecord {
  code: string;
  gss_code: string;
  name: string;
}

export interface CountryRecord {
  /** GSS code (L93000001 for Jersey). */
  code: string;
  name: string;
  /** As written in the curated list. */
  listed_code: string;
}

export interface LondonBoroughRecord {
  gss_code: string;
  name: string | null;
}

/** A paediatric diabetes unit (NPDA PZ code). */
export interface PduRecord {
  npda_code: string;
  network_code: string | null;
  network_name: string | null;
}

/** An ODS code the PDU list assigns to a PDU, and what that code is. */
export interface PduMemberRecord {
  npda_code: string;
  ods_code: string;
  member_type: 'organisation' | 'trust' | 'health_board' | 'unlisted';
}

export interface DiabetesNetworkRecord {
  code: string;
  name: string;
}

export interface OpenukNetworkRecord {
  code: string;
  name: string;
  country: string;
}

/** A code ever listed, carried from edition to edition: when it was valid and what succeeded it. */
export interface CodeHistoryRecord {
  entity: string;
  code: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  status: 'active' | 'merged' | 'renamed' | 're-coded' | 'closed';
  succeeded_by: string | null;
  succession_type: 'merger' | 'rename' | 're-code' | 'closure' | null;
}

/** The structures an organisation belongs to, by kind (also the `entity` of their code history). */
export interface OrganisationStructures {
  trust: TrustRecord;
  health_board: HealthBoardRecord;
  icb: IcbRecord;
  region: RegionRecord;
  country: CountryRecord;
  pdu: PduRecord;
  diabetes_network: DiabetesNetworkRecord;
  openuk_network: OpenukNetworkRecord;
  london_borough: LondonBoroughRecord;
}
export type OrganisationStructure = keyof OrganisationStructures;

/** The members of an organisation's own that its nested form carries as they are. */
type OrganisationDetails =
  | 'ods_code'
  | 'name'
  | 'organisation_type'
  | 'sub_type'
  | 'sector'
  | 'address_line_1'
  | 'address_line_2'
  | 'address_line_3'
  | 'city'
  | 'county'
  | 'postcode'
  | 'latitude'
  | 'longitude'
  | 'phone'
  | 'email'
  | 'website'
  | 'local_authority_code';

/** An organisation with everything it belongs to: the items of /v1/organisations/organisations. */
export interface NestedOrganisation extends Pick<OrganisationRecord, OrganisationDetails> {
  parent: { ods_code: string; name: string | null; type: string | null } | null;
  trust: { ods_code: string; name: string } | null;
  health_board: { ods_code: string; gss_code: string; name: string } | null;
  icb: { ods_code: string; gss_code: string; name: string } | null;
  /** The ICBs the trust serves when it serves several (icb is then null). */
  icb_candidates: { ods_code: string; gss_code: string; name: string }[];
  region: { code: string; gss_code: string; name: string } | null;
  country: { code: string; name: string } | null;
  london_borough: { gss_code: string; name: string | null } | null;
  pdu: { npda_code: string; attribution: string | null; network: { code: string; name: string } | null } | null;
  openuk_network: { code: string; name: string; country: string } | null;
  /** First date this code was in the lists. */
  valid_from: string | null;
}

/** A paediatric diabetes unit with everything around it. */
export interface PduView {
  pdu: PduRecord;
  network: DiabetesNetworkRecord | null;
  /** The codes the PDU list assigns to it (sites, trusts, boards, unlisted codes). */
  members: readonly PduMemberRecord[];
  /** Every organisation attributed to it (its own sites, and those of a trust or board it lists), in code order. */
  organisations: readonly OrganisationRecord[];
  /** The first listed site the PDU list names (code order), else its first organisation; null when it has none. */
  primary_organisation: OrganisationRecord | null;
  /** The trust or Welsh board the PDU belongs to: the one it lists, else the parent shared by all its organisations. */
  parent: { type: 'trust'; record: TrustRecord } | { type: 'health_board'; record: HealthBoardRecord } | null;
}

/** One edition of the lists, held in memory: everything is looked up without a query. */
export interface OrganisationEdition {
  edition: EditionInfo;
  /** The date from which this edition describes the lists. */
  valid_from: string | null;
  /** Every organisation, in ODS code order. */
  organisations: readonly OrganisationRecord[];
  /** One organisation by ODS code (any case), or null. */
  organisation(odsCode: string): OrganisationRecord | null;
  /** The nested form of an organisation (as /v1/organisations/organisations serves it), or null. */
  nested(odsCode: string): NestedOrganisation | null;
  /** Every structure of a kind, in code order. */
  structures<K extends OrganisationStructure>(kind: K): readonly OrganisationStructures[K][];
  /** One structure by code (any case; a region also by its GSS code), or null. */
  structure<K extends OrganisationStructure>(kind: K, code: string): OrganisationStructures[K] | null;
  /** The organisations of a structure, in code order (an ICB's include those of trusts serving several ICBs). */
  organisationsOf(kind: OrganisationStructure, code: string): readonly OrganisationRecord[];
  /** A PDU by NPDA code with its network, members, organisations, primary organisation and parent; or null. */
  pdu(npdaCode: string): PduView | null;
  /** The PDU an organisation belongs to (its siblings are the PDU's organisations); null when none. */
  pduOf(odsCode: string): PduView | null;
  /** The code history of a code of an entity ('organisation' or a structure kind), or null. */
  history(entity: 'organisation' | OrganisationStructure, code: string): CodeHistoryRecord | null;
  /** The chain of successions from a code (itself first) to the code in use now, or to its closure. */
  successors(entity: 'organisation' | OrganisationStructure, code: string): CodeHistoryRecord[];
  /** The codes this code succeeded (mergers, renames, re-codes), in code order. */
  predecessors(entity: 'organisation' | OrganisationStructure, code: string): CodeHistoryRecord[];
}

export interface OrganisationServices {
  currentEdition(): Promise<EditionInfo | null>;
  /**
   * The lists of one edition: the current one by default, a kept edition by id or label, or the
   * edition valid on a date (as_of, YYYY-MM-DD). Problems: 400 for a bad date or both given, 404
   * when no kept edition matches, 503 when the dataset was never imported.
   */
  edition(which?: { edition?: string | number; as_of?: string }): Promise<OrganisationEdition>;
}

// --- deprivation by postcode (provided by `deprivation`) -----------------------------------------
// The answer of one postcode as /v1/deprivation/postcodes serves it (datasets/deprivation/schemas/
// result.json): the members a composing plug-in reads; the provider's own type is checked against it.

export type DeprivationStatus =
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

/** A quantile (1 = most deprived group): the publisher's where published, else computed by its rule. */
export interface QuantileAnswer {
  n: number;
  value: number;
  method: 'published' | 'computed';
  rule?: string;
  source_field?: string;
}

export interface DeprivationAnswer {
  input: string;
  postcode: string | null;
  status: DeprivationStatus;
  /** Plain explanation of the status. */
  message: string;
  terminated: boolean;
  doterm: string | null;
  nation: string | null;
  country_code: string | null;
  /** The index edition the nation was answered with (IoD2019, WIMD2019…), null when none. */
  index_edition: string | null;
  /** The nation's own index; null unless status is found or terminated. */
  deprivation: {
    index_edition: string;
    dataset: string;
    edition: { id: number; label: string; imported_at: string };
    nation: Nation;
    area: { code: string; name: string | null; type: string; postcode_field: string };
    rank: number;
    areas: number;
    score: number | null;
    decile: QuantileAnswer;
    quintile: QuantileAnswer;
    quartile: QuantileAnswer;
    /** The extra size asked for with `quantile`. */
    quantile?: QuantileAnswer;
  } | null;
}

export interface DeprivationServices {
  /**
   * One answer per postcode, in order. `edition`: index edition labels, comma-separated, at most one
   * per nation (the others get their default); `quantile`: an extra quantile size (2..20). Problems:
   * 400 for an unknown edition or quantile, 503 before the postcode directory is imported.
   */
  deprivation(postcodes: string[], options?: { edition?: string; quantile?: number }): Promise<DeprivationAnswer[]>;
}

// --- private outdoor space by local authority district (provided by `greenspace`) ----------------

/** One local authority district of Great Britain (datasets/greenspace/schemas/areas.json). */
export interface GreenspaceArea {
  country_code: string;
  country_name: string;
  region_code: string;
  region_name: string;
  lad_code: string;
  lad_name: string;
  houses_address_count: number;
  houses_with_outdoor_space_count: number;
  houses_outdoor_space_total_area_m2: number;
  /** Proportion 0–1. */
  houses_percentage_with_outdoor_space: number;
  houses_average_outdoor_space_m2: number;
  houses_median_outdoor_space_m2: number;
  flats_address_count: number;
  flats_with_outdoor_space_count: number;
  flats_outdoor_space_total_area_m2: number;
  flats_outdoor_space_count: number;
  flats_percentage_with_outdoor_space: number;
  flats_average_outdoor_space_m2: number;
  flats_average_sharing_garden: number;
  total_address_count: number;
  total_with_outdoor_space_count: number;
  total_outdoor_space_total_area_m2: number;
  total_percentage_with_outdoor_space: number;
  total_average_outdoor_space_m2: number;
}

export interface GreenspaceServices {
  /** Every district of the current edition (or of edition `editionId`), in code order; null when never imported. */
  areas(editionId?: number): Promise<{ edition: EditionInfo; areas: readonly GreenspaceArea[] } | null>;
}
