// The services datasets offer one another, as interfaces: a plug-in that provides one implements
// it in its services.ts; a plug-in that uses one declares the provider in depends_on and calls
// ds.service<PostcodeServices>('postcodes'). Neither imports the other's code.
import type { EditionInfo } from '../contract.ts';
import type { IndexDescriptor, IndexSnapshot } from './indices/descriptor.ts';

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
}

export interface PostcodeServices {
  /** `postcode` package; null if invalid. */
  normalise(input: string): string | null;
  /** One per input, in order; current edition by default. */
  lookup(inputs: string[], editionId?: number): Promise<PostcodeLookup[]>;
  currentEdition(): Promise<EditionInfo | null>;
}

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
}

// --- a deprivation index (provided by each imd-* dataset, through indices.indexServices) ---------

export interface DeprivationIndexServices {
  /** What the index is and how its areas join and rank (core/sdk/indices/descriptor.ts). */
  descriptor: IndexDescriptor;
  /** Areas of the current edition (or of edition `editionId`), in memory; null when never imported. */
  snapshot(editionId?: number): Promise<IndexSnapshot | null>;
}
