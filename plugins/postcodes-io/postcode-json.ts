// postcodes.io's answers built from the directory's records: a postcode, a terminated postcode,
// an outward code.
import type { GeographyNames, OutcodeField, OutcodeSummary, PostcodeRecord } from '../../core/contract.ts';
import { CODE_FIELDS, RESULT_FIELDS, getterOf, type Getter, type Source } from './fields.ts';

export type PostcodeJson = Record<string, unknown>;

const resultGetters = RESULT_FIELDS.map(([key, source]) => [key, getterOf(source)] as const);
const codeGetters = CODE_FIELDS.map(([key, source]) => [key, getterOf(source)] as const);

/** A postcode, keys in postcodes.io's order; `distance` (metres) for a nearest search. */
export function postcodeJson(r: PostcodeRecord, names: GeographyNames, distance?: number): PostcodeJson {
  const out: PostcodeJson = {};
  for (const [key, get] of resultGetters) out[key] = get(r, names);
  const codes: Record<string, unknown> = {};
  for (const [key, get] of codeGetters) codes[key] = get(r, names);
  out.codes = codes;
  if (distance !== undefined) out.distance = distance;
  return out;
}

/** One key's JSON written before its value: constant runs of keys without a source (always null) folded in. */
interface Part {
  prefix: string;
  get: Getter;
}

/** The parts of an object's JSON, after `open`, and the constant text closing the last part. */
function jsonPlan(fields: readonly (readonly [string, Source])[], open: string): { parts: Part[]; tail: string } {
  const parts: Part[] = [];
  let pending = open;
  fields.forEach(([key, source], i) => {
    const name = `${i === 0 ? '' : ','}${JSON.stringify(key)}:`;
    if (source === null) pending += `${name}null`;
    else {
      parts.push({ prefix: pending + name, get: getterOf(source) });
      pending = '';
    }
  });
  return { parts, tail: pending };
}

const resultPlan = jsonPlan(RESULT_FIELDS, '{');
const codesPlan = jsonPlan(CODE_FIELDS, ',"codes":{');
const valueJson = (v: string | number | null) => (v === null ? 'null' : typeof v === 'number' ? String(v) : JSON.stringify(v));

/**
 * The JSON of postcodeJson(r, names), written directly (the same text, byte for byte): a bulk answer
 * writes a thousand, and building each object to stringify it took about twice as long
 * (bench/rcpch-compat.ts measures both, and the schema serializer).
 */
export function postcodeJsonText(r: PostcodeRecord, names: GeographyNames): string {
  let s = '';
  for (const p of resultPlan.parts) s += p.prefix + valueJson(p.get(r, names));
  s += resultPlan.tail;
  for (const p of codesPlan.parts) s += p.prefix + valueJson(p.get(r, names));
  return `${s}${codesPlan.tail}}}`;
}

/** A terminated postcode as /terminated_postcodes answers it (and a 404 of /postcodes names it). */
export function terminatedJson(r: PostcodeRecord) {
  const doterm = r.doterm ?? '';
  return {
    postcode: r.pcds,
    year_terminated: Number(doterm.slice(0, 4)),
    month_terminated: Number(doterm.slice(4, 6)),
    longitude: r.long,
    latitude: r.lat,
  };
}

/** The distinct names of the codes of a field, sorted (codes without a name left out). */
function namesIn(summary: OutcodeSummary, field: OutcodeField, names: GeographyNames): string[] {
  const byCode = names.get(field);
  const found = summary.live_codes[field].map((c) => byCode?.get(c)).filter((n): n is string => n !== undefined);
  return [...new Set(found)].sort();
}

/** An outward code: the mean position and grid reference of its live postcodes, and the names of the areas they lie in. */
export function outcodeJson(s: OutcodeSummary, names: GeographyNames) {
  const live = s.centroid?.from === 'live' ? s.centroid : null;
  return {
    outcode: s.outcode,
    longitude: live?.long ?? null,
    latitude: live?.lat ?? null,
    northings: s.live_northings,
    eastings: s.live_eastings,
    admin_district: namesIn(s, 'oslaua', names),
    parish: namesIn(s, 'parish', names),
    admin_county: namesIn(s, 'oscty', names),
    admin_ward: namesIn(s, 'osward', names),
    country: namesIn(s, 'ctry', names),
    parliamentary_constituency: namesIn(s, 'pcon', names),
  };
}
