// Checks of answers against what /openapi.json documents, with every object's documented members
// required at every depth: an answer (or a service value) has exactly the documented members, none
// forgotten.
import type { FastifyInstance } from 'fastify';
import { createAjv } from '../../../core/schema.ts';

type Schema = Record<string, unknown>;
type Spec = { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }> };

export function everyMemberRequired(schema: unknown): Schema {
  return strict(schema) as Schema;
}

function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' ? v : strict(v)]));
  if (out.properties && typeof out.properties === 'object') out.required = Object.keys(out.properties as object);
  return out;
}

/** The documented JSON 200 schemas of GET routes, by OpenAPI path, compiled with every member required. */
export async function documentedAnswers(app: FastifyInstance): Promise<Map<string, (body: unknown) => { ok: boolean; errors: unknown }>> {
  const spec = (await app.inject('/openapi.json')).json() as Spec;
  const ajv = createAjv();
  const out = new Map<string, (body: unknown) => { ok: boolean; errors: unknown }>();
  for (const [path, item] of Object.entries(spec.paths)) {
    const schema = item.get?.responses['200']?.content?.['application/json']?.schema;
    // Routes without a JSON answer of their own (CSV downloads) are documented by a description only.
    if (!schema || Object.keys(schema).every((k) => k === 'description')) continue;
    const validate = ajv.compile(everyMemberRequired(schema));
    out.set(path, (body) => ({ ok: validate(body), errors: validate.errors?.slice(0, 3) }));
  }
  return out;
}
