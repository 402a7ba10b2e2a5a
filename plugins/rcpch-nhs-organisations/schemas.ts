// Route schemas from schemas/shapes.json: one shape, a bare array of them, a shape with its
// organisations nested; the members a list filters on; the parameters the routes take.
import { inlineDefinitions } from '../../core/contract.ts';
import shapes from './schemas/shapes.json' with { type: 'json' };

export type Definition = keyof typeof shapes.definitions;
type ObjectSchema = { type: string; properties: Record<string, { type?: unknown }>; required?: string[] };

/** One shape, self-contained. */
export const one = (name: Definition) => inlineDefinitions({ definitions: shapes.definitions, $ref: `#/definitions/${name}` }) as unknown as ObjectSchema;

/** A bare JSON array of a shape (the original never paginates). */
export const many = (schema: object) => ({ type: 'array', items: schema });

/** A shape with the organisations belonging to it, each as {ods_code, name}. */
export function withOrganisations(name: Definition): ObjectSchema {
  const s = one(name);
  // a shape whose members fields= selects requires none
  return { ...s, properties: { ...s.properties, organisations: many(one('organisation_ref')) }, ...(s.required ? { required: [...s.required, 'organisations'] } : {}) };
}

const SCALAR = ['string', 'number', 'integer', 'boolean'];

/** The members of a shape a list can be filtered on (its scalar ones). */
export const scalarMembers = (name: Definition): string[] =>
  Object.entries(one(name).properties)
    .filter(([, p]) => [p.type].flat().some((t) => SCALAR.includes(String(t))))
    .map(([k]) => k);

export const problem = { $ref: 'Problem#' };

const CODE = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** Path parameters: one code, named as the original names it. */
export const codeParams = (name: string, description: string) => ({
  type: 'object',
  properties: { [name]: { ...CODE, description } },
  required: [name],
});

/**
 * Query parameters filtering a list, each on the member of the same name (an empty value is
 * ignored). Other parameters are accepted and ignored, as the original does.
 */
export const filterQuery = (members: string[], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: {
    ...Object.fromEntries(members.map((m) => [m, { type: 'string', maxLength: 500, description: `Only those whose ${m} equals this` }])),
    ...extra,
  },
});
