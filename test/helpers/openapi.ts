// The response schemas a server documents in /openapi.json, compiled with ajv: a test checks real
// answers against what is documented (above all those written by hand, past the schema serializer).
import type { FastifyInstance } from 'fastify';
import type { ErrorObject } from 'ajv';
import { createAjv } from '../../core/schema.ts';

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components?: { schemas?: Record<string, unknown> };
}

/** Checks an answer against the documented schema; the ajv errors (empty when it validates). */
export type AnswerCheck = (answer: unknown) => ErrorObject[];

/**
 * The checker of a route's documented answer: `path` as in the OpenAPI document
 * (`/v1/boundaries/collections/{collection}/items`), the first content type of `status`.
 */
export async function documentedAnswer(app: FastifyInstance, method: string, path: string, status = 200): Promise<AnswerCheck> {
  const spec = (await app.inject('/openapi.json')).json() as OpenApi;
  const content = spec.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content;
  const schema = content && Object.values(content)[0]?.schema;
  if (!schema) throw new Error(`${method} ${path} documents no ${status} answer`);
  const ajv = createAjv();
  // refs point into the document's components
  ajv.addSchema({ components: spec.components ?? {} }, 'openapi.json');
  const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')));
  return (answer) => (validate(answer) ? [] : [...(validate.errors ?? [])]);
}
