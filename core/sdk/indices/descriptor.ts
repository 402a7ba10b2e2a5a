// What a deprivation index plug-in tells the services that compose indices (deprivation by
// postcode) about itself: its nation, edition label, the postcode-directory column its small areas
// join on, its quantile rule and the columns of its measures. It belongs to no dataset: each index
// plug-in exports one through its services (DeprivationIndexServices), and a composer finds the
// indices it declares in depends_on by it.
import type { EditionInfo } from '../../contract.ts';
import type { RuleId } from './quantiles.ts';

export type Nation = 'England' | 'Wales' | 'Scotland' | 'Northern Ireland';

/** GSS country codes of the four nations (ONSPD `ctry`). */
export const COUNTRY_CODES: Record<Nation, string> = {
  England: 'E92000001',
  Wales: 'W92000004',
  Scotland: 'S92000003',
  'Northern Ireland': 'N92000002',
};

export const NATION_OF_COUNTRY: Record<string, Nation> = Object.fromEntries(Object.entries(COUNTRY_CODES).map(([n, c]) => [c, n as Nation]));

export interface MeasureDescriptor {
  key: string;
  title: string;
  /** Column of the rank (1 = most deprived). */
  rank: string;
  score?: string;
  /** Published quantiles: size → column. */
  published: Record<number, string>;
}

export interface IndexDescriptor {
  /** Index edition label used by `edition=` on the by-postcode routes (IoD2019, WIMD2019…). */
  label: string;
  dataset: string;
  nation: Nation | 'United Kingdom';
  title: string;
  publisher: string;
  rule: RuleId;
  /** The postcode-directory column holding this index's small areas. */
  join: 'lsoa11' | 'lsoa21';
  area_type: string;
  /** Table of small areas; null when the edition is published here only as local-authority summaries. */
  table: string | null;
  /** Columns of the area code and name, and of its local authority. */
  code: string;
  name: string;
  la_code?: string;
  la_name?: string;
  overall: MeasureDescriptor;
  domains: MeasureDescriptor[];
  /** UK-comparable composite: not per nation. */
  composite?: boolean;
  /** Index editions a composite is built from (e.g. IoD2019, WIMD2019…): answers from other editions say it does not reflect them. */
  basis?: string[];
}

/** The areas of one edition, in memory, by area code. */
export interface IndexSnapshot {
  edition: EditionInfo;
  areas: number;
  byCode: Map<string, Record<string, unknown>>;
}
