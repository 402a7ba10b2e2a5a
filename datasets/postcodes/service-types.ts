// The postcode service other plug-ins call: ds.service<PostcodeServices>('postcodes') after
// declaring `depends_on: [postcodes]`. Field names are ONSPD columns, vintage-explicit.
import type { EditionInfo } from '../../core/contract.ts';

export type { EditionInfo };

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
