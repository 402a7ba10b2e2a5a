// The names the Census Platform gives a quantile size in `requested_quantile_name`. It named 2–8, 10,
// 12, 18 and 20 (and refused the others); this adapter answers every size of 2–20 and names each by
// its count of groups. The old platform called 18 "hexadecile" (16 groups): 18 groups are an octodecile.
export const QUANTILE_NAMES: Readonly<Record<number, string>> = {
  2: 'median',
  3: 'tertile',
  4: 'quartile',
  5: 'quintile',
  6: 'sextile',
  7: 'septile',
  8: 'octile',
  9: 'nonile',
  10: 'decile',
  11: 'undecile',
  12: 'duodecile',
  13: 'tredecile',
  14: 'quattuordecile',
  15: 'quindecile',
  16: 'hexadecile',
  17: 'septendecile',
  18: 'octodecile',
  19: 'novendecile',
  20: 'vigintile',
};
