// From a CSV's profile to a declarative plug-in: field names, types and GSS code patterns for
// the schema, the column map, the key, indexes on code columns, and checks that hold on the file
// (its row count, "each code has one name / one parent"). Names follow ONS conventions where the
// headers do (LSOA11CD → lsoa11_code, "LSOA 2011 code").
import type { Check, Column } from '../types.ts';
import { normaliseHeader } from '../imports/csv.ts';
import type { ColumnProfile, CsvProfile } from './profile.ts';

/** ONS entity abbreviations: what they are, and how a vintage names them. */
const ENTITIES: Record<string, [string, string]> = {
  oa: ['Output area', 'OA'],
  lsoa: ['Lower layer super output area', 'LSOA'],
  msoa: ['Middle layer super output area', 'MSOA'],
  wd: ['Electoral ward', 'ward'],
  lad: ['Local authority district', 'LAD'],
  ltla: ['Lower-tier local authority', 'LTLA'],
  utla: ['Upper-tier local authority', 'UTLA'],
  cty: ['County', 'county'],
  ctyua: ['County or unitary authority', 'county/UA'],
  ced: ['County electoral division', 'CED'],
  par: ['Parish', 'parish'],
  rgn: ['Region', 'region'],
  ctry: ['Country', 'country'],
  pcon: ['Westminster parliamentary constituency', 'constituency'],
  ccg: ['Clinical commissioning group', 'CCG'],
  icb: ['Integrated care board', 'ICB'],
  sicbl: ['Sub-ICB location', 'sub-ICB location'],
  nhser: ['NHS England region', 'NHS England region'],
  lhb: ['Local health board', 'health board'],
  hb: ['Health board', 'health board'],
  dz: ['Data zone', 'data zone'],
  iz: ['Intermediate zone', 'intermediate zone'],
  bua: ['Built-up area', 'BUA'],
  ttwa: ['Travel to work area', 'TTWA'],
  lep: ['Local enterprise partnership', 'LEP'],
  pfa: ['Police force area', 'PFA'],
  cauth: ['Combined authority', 'combined authority'],
};
const COUNTRIES: Record<string, string> = { E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' };
const ONS_HEADER = /^([a-z]+)(\d{2})(cd|nm|nmw)$/;

export interface ProposedField {
  name: string;
  profile: ColumnProfile;
  /** What the field is, for its schema description. */
  description: string;
  /** "LSOA 2011" for an ONS code or name column. */
  vintage?: string;
  property: Record<string, unknown>;
  column: string | Column;
}

export interface Proposal {
  fields: ProposedField[];
  /** Row-number columns (FID, OBJECTID) left out of the table. */
  dropped: ColumnProfile[];
  key: string[];
  table: string;
  indexes: string[][];
  checks: Check[];
  vintages: string[];
  spatial: string;
  years: string[];
}

function fieldName(header: string, taken: Set<string>): string {
  const ons = ONS_HEADER.exec(header.replace(/\s+/g, ''));
  let name = ons
    ? `${ons[1]}${ons[2]}_${{ cd: 'code', nm: 'name', nmw: 'name_welsh' }[ons[3]]}`
    : header
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 60) || 'column';
  if (/^[0-9]/.test(name)) name = `c_${name}`;
  if (name === 'edition_id') name = 'source_edition_id'; // the core's own column
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
  taken.add(unique);
  return unique;
}

/** What an ONS-named column is ("Electoral ward 2019 code"), and its vintage ("ward 2019"). */
function onsMeaning(header: string): { description: string; vintage: string } | undefined {
  const m = ONS_HEADER.exec(header.replace(/\s+/g, ''));
  const entity = m && ENTITIES[m[1]];
  if (!m || !entity) return undefined;
  const year = `20${m[2]}`;
  const what = { cd: 'code (GSS)', nm: 'name', nmw: 'name in Welsh' }[m[3]];
  return { description: `${entity[0]} ${year} ${what}`, vintage: `${entity[1]} ${year}` };
}

/** A JSON Schema pattern for the GSS codes seen (E01, W01 → ^[EW]01[0-9]{6}$). */
function gssPattern(prefixes: Iterable<string>): string {
  const all = [...prefixes].sort();
  const entities = new Set(all.map((p) => p.slice(1)));
  if (entities.size === 1) {
    const letters = [...new Set(all.map((p) => p[0]))];
    return `^${letters.length === 1 ? letters[0] : `[${letters.join('')}]`}${[...entities][0]}[0-9]{6}$`;
  }
  return `^(?:${all.join('|')})[0-9]{6}$`;
}

function typeOf(p: ColumnProfile): string {
  if (p.integer) return 'integer';
  if (p.numeric) return 'number';
  if (p.boolean) return 'boolean';
  return 'string';
}

/** The column map entry: the header (as written when it reads back to itself), with null tokens when there are. */
function columnOf(p: ColumnProfile, kind: string): string | Column {
  const header = normaliseHeader(p.raw) === p.header ? p.raw : p.header;
  const tokens = kind !== 'string' || p.gss ? [...p.nullTokens].sort() : [];
  return tokens.length ? { column: header, nulls: ['', ...tokens] } : header;
}

/** The name column that goes with a code column (LSOA11CD → LSOA11NM, "LAD code" → "LAD name"). */
function nameColumnOf(code: string, headers: Set<string>): string | undefined {
  const candidates = code.endsWith('cd') ? [code.replace(/cd$/, 'nm')] : [];
  const base = code.replace(/[\s_]?code$/, '');
  if (base !== code) candidates.push(`${base} name`, `${base}_name`, `${base}name`);
  return candidates.find((c) => headers.has(c));
}

export function propose(profile: CsvProfile, key: string[], table?: string): Proposal {
  const taken = new Set<string>();
  const dropped = profile.columns.filter((c) => c.rowNumber && !key.includes(c.header));
  const kept = profile.columns.filter((c) => !dropped.includes(c) && c.header !== '');
  const fields: ProposedField[] = kept.map((p) => {
    const kind = typeOf(p);
    const ons = onsMeaning(p.header);
    const nullable = p.blanks > 0 || (kind !== 'string' || p.gss ? p.nullTokens.size > 0 : false);
    const description = ons?.description ?? (p.gss ? `"${p.raw}" (GSS code) in the source` : `"${p.raw}" in the source`);
    return {
      name: fieldName(p.header, taken),
      profile: p,
      description,
      vintage: ons?.vintage,
      property: { type: nullable ? [kind, 'null'] : kind, description, ...(p.gss ? { pattern: gssPattern(p.gss.keys()) } : {}) },
      column: columnOf(p, kind),
    };
  });
  const byHeader = new Map(fields.map((f) => [f.profile.header, f]));
  const keyFields = key.map((h) => byHeader.get(h)!.name);
  const codes = fields.filter((f) => f.profile.gss);
  const headers = new Set(fields.map((f) => f.profile.header));
  // "each code has one …": its own name, and the codes it nests in (not 1:1, not implied by another).
  const checks: Check[] = [];
  for (const a of codes) {
    if (key.length === 1 && key[0] === a.profile.header) continue;
    const determined = profile.determines.get(a.profile.header) ?? new Set();
    const name = nameColumnOf(a.profile.header, headers);
    if (name && determined.has(name)) checks.push({ each: a.name, has_one: byHeader.get(name)!.name });
    const parents = codes.filter((b) => b !== a && determined.has(b.profile.header) && !profile.determines.get(b.profile.header)?.has(a.profile.header));
    for (const b of parents)
      if (!parents.some((c) => c !== b && profile.determines.get(c.profile.header)?.has(b.profile.header))) checks.push({ each: a.name, has_one: b.name });
  }
  const n = profile.rows;
  checks.unshift({ rows: { min: Math.floor(n * 0.9), max: Math.ceil(n * 1.1) }, why: `the file had ${n.toLocaleString('en-GB')} rows when this plug-in was made` });
  const keyIsCode = key.length === 1 && Boolean(byHeader.get(key[0])?.profile.gss);
  const letters = new Set((keyIsCode ? [byHeader.get(key[0])!] : codes).flatMap((f) => [...f.profile.gss!.keys()].map((p) => p[0])));
  const places = [...letters].map((l) => COUNTRIES[l]).filter(Boolean);
  return {
    fields,
    dropped,
    key: keyFields,
    table: table ?? (keyIsCode ? 'areas' : 'records'),
    indexes: codes.filter((f) => !keyFields.includes(f.name)).slice(0, 6).map((f) => [f.name]),
    checks,
    vintages: [...new Set(fields.filter((f) => f.profile.gss && f.vintage).map((f) => f.vintage!))],
    spatial: places.length ? places.join(', ').replace(/, ([^,]*)$/, ' and $1') : 'United Kingdom',
    years: [...new Set(fields.flatMap((f) => (f.vintage ? [f.vintage.slice(-4)] : [])))].sort(),
  };
}
