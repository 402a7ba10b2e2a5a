// Quantiles of deprivation ranks: the one place where each publisher's rule lives.
// Ranks run from 1 (most deprived) to `areas`; ranks may be fractional (SIMD domain ties: 4563.5).
//
// - MHCLG (IoD), Scottish Government (SIMD), NISRA (NIMDM): quantile = ceil(rank × N / areas).
//   This reproduces the published IoD deciles and the SIMD vigintiles, deciles and quintiles exactly.
// - Welsh Government (WIMD): band k ends at rank ceil(k × areas / N) (decile 1 = ranks 1–191 of 1,909).
// - The legacy rule of the platform this replaces, floor(rank / (areas / N)) + 1, is kept only so
//   tests can show where it differs; it puts boundary areas one group too high and gives the least
//   deprived area an (N + 1)th group.

export const MIN_QUANTILE = 2;
export const MAX_QUANTILE = 20;

export type RuleId = 'rank-ceil' | 'wimd-band';

export interface QuantileRule {
  id: RuleId;
  formula: string;
  publishers: string[];
  compute(rank: number, areas: number, n: number): number;
}

function check(rank: number, areas: number, n: number): void {
  if (!Number.isInteger(n) || n < MIN_QUANTILE || n > MAX_QUANTILE) throw new RangeError(`quantile size ${n} is outside ${MIN_QUANTILE}..${MAX_QUANTILE}`);
  if (!Number.isInteger(areas) || areas < n) throw new RangeError(`number of areas ${areas} is not an integer ≥ ${n}`);
  if (!(rank >= 1 && rank <= areas) || !Number.isInteger(rank * 2)) throw new RangeError(`rank ${rank} is not a (half-)integer in 1..${areas}`);
}

/** ceil(rank × N / areas), computed exactly: 2·rank is an integer, so the division of integers is correctly rounded. */
export function rankCeil(rank: number, areas: number, n: number): number {
  check(rank, areas, n);
  return Math.ceil((2 * rank * n) / (2 * areas));
}

/** Upper rank of band k under the WIMD rule: ceil(k × areas / N). */
export const wimdBandEnd = (k: number, areas: number, n: number) => Math.ceil((k * areas) / n);

/** The smallest k with rank ≤ ceil(k × areas / N). It is rankCeil's k or the one below. */
export function wimdBand(rank: number, areas: number, n: number): number {
  const k = rankCeil(rank, areas, n);
  return k > 1 && rank <= wimdBandEnd(k - 1, areas, n) ? k - 1 : k;
}

/** The rule the replaced platform used; wrong at boundaries (documented, tested, never served). */
export const legacyQuantile = (rank: number, areas: number, n: number) => Math.floor(rank / (areas / n)) + 1;

export const RULES: Record<RuleId, QuantileRule> = {
  'rank-ceil': {
    id: 'rank-ceil',
    formula: 'ceil(rank × N / areas)',
    publishers: ['MHCLG (English Indices of Deprivation)', 'Scottish Government (SIMD)', 'NISRA (NIMDM)'],
    compute: rankCeil,
  },
  'wimd-band': {
    id: 'wimd-band',
    formula: 'smallest k with rank ≤ ceil(k × areas / N)',
    publishers: ['Welsh Government (WIMD)'],
    compute: wimdBand,
  },
};

/**
 * The quantile of a rank (size n, 1 = most deprived group): the published value when the publisher
 * gives that size (with its source column), else the publisher's rule (with its formula).
 */
export function quantileOf(
  rank: number,
  areas: number,
  n: number,
  rule: RuleId,
  published: Record<number, number | null | undefined> = {},
  publishedFields: Record<number, string> = {},
) {
  const p = published[n];
  if (p !== null && p !== undefined) return { n, value: p, method: 'published' as const, source_field: publishedFields[n] };
  return { n, value: RULES[rule].compute(rank, areas, n), method: 'computed' as const, rule: RULES[rule].formula };
}
