// The publishers' own files, read here independently of the importers: the values a client of the
// Census Platform must get back, and the sample postcodes of the ONS Postcode Directory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from '../../../test/helpers/platform.ts';

type Row = Record<string, string>;
const csv = (f: string): Row[] => parse(readFileSync(join(dataDir(), f)), { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true });
const byPosition = (f: string, key: number, rank: number, decile?: number) =>
  new Map(
    csv(f)
      .map((r) => Object.values(r))
      .filter((v) => v[key]?.trim())
      .map((v) => [v[key], { rank: Number(v[rank]), decile: decile === undefined ? NaN : Number(v[decile]) }]),
  );

export const onspd: Row[] = [...csv('onspd/ONSPD_sample.csv'), ...csv('onspd/ONSPD_supplement_from_postcodes_io_examples.csv')];

/** IoD2019 File 2: IMD rank and published decile by LSOA 2011 (columns 5 and 6). */
export const iod2019 = byPosition('imd/england-2019/File_2_-_IoD2019_Domains_of_Deprivation.csv', 0, 4, 5);
/** IoD2025 (File 7's columns, as converted): IMD rank and published decile by LSOA 2021. */
export const iod2025 = new Map(csv('imd/england-2025/imd2025_england_lsoa21.csv').map((r) => [r.lsoa21_code, { rank: Number(r.IMD_rank), decile: Number(r.IMD_decile) }]));
/** WIMD 2019: overall rank by LSOA 2011 (column 4; no deciles published in the file). */
export const wimd = byPosition('imd/wales-2019/wimd-2019-index-and-domain-ranks-by-small-area.csv', 0, 3);
/** SIMD 2020v2: rank and the published vigintile, decile and quintile by data zone. */
export const simd = new Map(
  csv('imd/scotland-2020/SIMD_2020v2.csv').map((r) => [
    r.DZ,
    { rank: Number(r.SIMD2020v2_Rank), vigintile: Number(r.SIMD2020v2_Vigintile), decile: Number(r.SIMD2020v2_Decile), quintile: Number(r.SIMD2020v2_Quintile) },
  ]),
);
/** NIMDM 2017: MDM rank by SOA 2001 (column 5; the file's 123 empty trailing rows left out). */
export const nimdm = byPosition('imd/northern-ireland-2017/NIMDM17_SOAresults.csv', 2, 4);

/**
 * The Welsh Government's WIMD 2019 bands: the last rank of each quartile, quintile and decile of
 * the 1,909 LSOAs, as its guidance tabulates them.
 */
export const WIMD_BAND_ENDS: Record<number, number[]> = {
  4: [478, 955, 1432, 1909],
  5: [382, 764, 1146, 1528, 1909],
  10: [191, 382, 573, 764, 955, 1146, 1337, 1528, 1719, 1909],
};
export const wimdBand = (rank: number, n: 4 | 5 | 10) => WIMD_BAND_ENDS[n].findIndex((end) => rank <= end) + 1;

/** MHCLG, the Scottish Government and NISRA: quantile = ceil(rank × n / areas) (their technical reports' definition). */
export const ceilBand = (rank: number, n: number, areas: number) => Math.ceil((rank * n) / areas);

/** The formula of the platform this replaces, for the band edges where it differs. */
export const legacyBand = (rank: number, n: number, areas: number) => Math.floor(rank / (areas / n)) + 1;

/** Live postcodes of a nation with a small area (ONSPD country code). */
export const live = (ctry: string) => onspd.filter((r) => r.ctry === ctry && !r.doterm && r.lsoa11);
