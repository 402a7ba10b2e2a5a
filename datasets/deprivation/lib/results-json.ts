// The bulk route's JSON, written by hand: a bulk answer is mostly the answers of small areas, which
// are shared between postcodes and requests (the memo), so each is serialised once and its text
// reused. bench/deprivation-json.ts measures what this buys against the route's schema serialiser;
// test/by-postcode.test.ts validates its answers against the documented response schema.
import type { DeprivationResult } from './compose.ts';

/** JSON of an answer object, computed once per object (answers are memoised and never mutated). */
const jsonOf = new WeakMap<object, string>();
const toJson = (o: object | null): string => {
  if (o === null) return 'null';
  let s = jsonOf.get(o);
  if (s === undefined) jsonOf.set(o, (s = JSON.stringify(o)));
  return s;
};

/** The JSON text of one result, in the documented field order, reusing its area's serialised answer. */
export function resultJson(r: DeprivationResult): string {
  const h = JSON.stringify({
    input: r.input,
    postcode: r.postcode,
    status: r.status,
    message: r.message,
    terminated: r.terminated,
    doterm: r.doterm,
    nation: r.nation,
    country_code: r.country_code,
    index_edition: r.index_edition,
  });
  return `${h.slice(0, -1)},"deprivation":${toJson(r.deprivation)},"uk_composite":${toJson(r.uk_composite)}}`;
}

/** The JSON text of a list of results. */
export const resultsJson = (results: DeprivationResult[]): string => `[${results.map(resultJson).join(',')}]`;
