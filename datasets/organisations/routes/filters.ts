// The organisation filters (a code, or several comma-separated, of anything an organisation belongs
// to), the name search, and fields= (top-level members of the nested form).
import { badRequest, type NestedOrganisation, type OrganisationRecord, type OrganisationStructure } from '../../../core/contract.ts';
import { nameKey } from '../lists.ts';
import { ORG_FIELDS } from '../shapes.ts';
import { belongsTo } from '../structure-kinds.ts';
import type { Snapshot } from '../snapshot.ts';

export type Query = Record<string, string | number | undefined>;
type Test = (o: OrganisationRecord, codes: string[]) => boolean;

const member = (kind: OrganisationStructure): Test => (o, codes) => codes.some((c) => belongsTo[kind](o, c));

/** Parameter → description and test on the flat record. */
const FILTERS: Record<string, { description: string; test: Test }> = {
  ods_code: { description: 'ODS code(s) of the organisation', test: (o, v) => v.includes(o.ods_code.toUpperCase()) },
  parent: { description: 'ODS code of the parent trust or health board', test: (o, v) => !!o.parent_code && v.includes(o.parent_code) },
  trust: { description: 'ODS code of the NHS trust', test: member('trust') },
  health_board: { description: 'ODS code of the local health board (7A1…)', test: member('health_board') },
  icb: { description: 'ODS code of the ICB; also matches organisations whose trust serves several ICBs including this one (icb_candidates)', test: member('icb') },
  region: { description: 'NHS England region Y-code (Y56…)', test: member('region') },
  country: { description: 'GSS country code (E92000001, W92000004, L93000001 …)', test: member('country') },
  pdu: { description: 'NPDA paediatric diabetes unit code (PZ…)', test: member('pdu') },
  diabetes_network: { description: 'Paediatric diabetes network code (PN…)', test: member('diabetes_network') },
  openuk_network: { description: 'OPEN UK network code', test: member('openuk_network') },
  london_borough: { description: 'GSS code of the London borough (E09…)', test: member('london_borough') },
  local_authority: { description: 'GSS code of the local authority district', test: (o, v) => !!o.local_authority_code && v.includes(o.local_authority_code) },
};

export const filterProps = {
  ...Object.fromEntries(Object.entries(FILTERS).map(([k, f]) => [k, { type: 'string', maxLength: 2000, description: f.description }])),
  q: { type: 'string', minLength: 1, maxLength: 200, description: 'Name search ignoring case, spaces and punctuation' },
};
export const fieldsProp = { fields: { type: 'string', maxLength: 1000, description: `Top-level members of each organisation (${ORG_FIELDS.join(', ')})` } };

const codes = (v: unknown) =>
  String(v)
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

/** The organisations of a snapshot that pass the query's filters (and `base`), in code order. */
export function filterOrgs(snap: Snapshot, q: Query, base: readonly OrganisationRecord[] = snap.organisations): OrganisationRecord[] {
  const active = Object.keys(FILTERS)
    .filter((k) => q[k] !== undefined && q[k] !== '')
    .map((k) => [FILTERS[k].test, codes(q[k])] as const);
  const key = typeof q.q === 'string' ? nameKey(q.q) : '';
  if (typeof q.q === 'string' && key === '') throw badRequest('q must contain letters or digits', [{ name: 'q', reason: 'no letters or digits' }]);
  return base.filter((o) => active.every(([test, v]) => test(o, v)) && (!key || o.name_key.includes(key)));
}

/** The members fields= asks for (null: all); a 400 naming each unknown one. */
export function pickFields(q: Query): string[] | null {
  if (typeof q.fields !== 'string') return null;
  const list = q.fields
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !ORG_FIELDS.includes(f));
  if (bad.length) throw badRequest('the query has invalid parameters', bad.map((f) => ({ name: 'fields', reason: `unknown field "${f.slice(0, 40)}" (fields: ${ORG_FIELDS.join(', ')})` })));
  return list;
}

export const project = (n: NestedOrganisation, fields: string[] | null): Partial<NestedOrganisation> =>
  fields ? Object.fromEntries(fields.map((f) => [f, n[f as keyof NestedOrganisation]])) : n;
