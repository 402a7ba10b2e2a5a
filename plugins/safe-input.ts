// The one place where request values become safe query values, for every route: after schema
// validation (and ajv's coercion), no string holds a NUL byte (PostgreSQL refuses them in text),
// no number is Infinity or NaN (ajv coerces "Infinity" and "1e309" past minimum/maximum), and no
// integer lies beyond what a bigint column and a JavaScript number both hold exactly.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { badRequest, type InvalidParam } from '../core/sdk/problem.ts';

const MAX_NODES = 250_000;

type Schema = { properties?: Record<string, { type?: unknown }> } | undefined;

const isIntegerProperty = (schema: Schema, name: string) => {
  const t = schema?.properties?.[name]?.type;
  return t === 'integer' || (Array.isArray(t) && t.includes('integer'));
};

/** A value's name for a problem: `parent[key]`, `parent.key`, or the parent itself (key null). */
const nameOf = (parent: string, key: string | number | null) =>
  key === null ? parent : typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

// Names are made only for a problem or a container (a bulk body's thousand strings make none).
function check(value: unknown, parent: string, key: string | number | null, integer: boolean, out: InvalidParam[], budget: { nodes: number }): void {
  if (--budget.nodes < 0) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ name: nameOf(parent, key), reason: 'must not contain a NUL character' });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push({ name: nameOf(parent, key), reason: 'must be a finite number' });
    else if (integer && !Number.isSafeInteger(value)) out.push({ name: nameOf(parent, key), reason: `is out of range (at most ${Number.MAX_SAFE_INTEGER})` });
  } else if (Array.isArray(value)) {
    const name = nameOf(parent, key);
    for (let i = 0; i < value.length && out.length < 10; i++) check(value[i], name, i, integer, out, budget);
  } else if (value !== null && typeof value === 'object') {
    const name = nameOf(parent, key);
    for (const [k, v] of Object.entries(value)) {
      if (out.length >= 10) break;
      if (k.includes('\u0000')) out.push({ name: `${name}.(key)`, reason: 'must not contain a NUL character' });
      check(v, name, k, false, out, budget);
    }
  }
}

function checkParameters(values: unknown, schema: Schema, out: InvalidParam[], budget: { nodes: number }): void {
  if (values === null || typeof values !== 'object') return;
  for (const [k, v] of Object.entries(values)) {
    if (k.includes('\u0000')) out.push({ name: '(parameter name)', reason: 'must not contain a NUL character' });
    check(v, k, null, isIntegerProperty(schema, k), out, budget);
  }
}

export function unsafeValues(request: FastifyRequest): InvalidParam[] {
  const out: InvalidParam[] = [];
  const budget = { nodes: MAX_NODES };
  const schema = request.routeOptions?.schema as { querystring?: Schema; params?: Schema } | undefined;
  checkParameters(request.params, schema?.params, out, budget);
  checkParameters(request.query, schema?.querystring, out, budget);
  if (request.body !== undefined && typeof request.body !== 'string' && !Buffer.isBuffer(request.body)) check(request.body, 'body', null, false, out, budget);
  else if (typeof request.body === 'string' && request.body.includes('\u0000')) out.push({ name: 'body', reason: 'must not contain a NUL character' });
  return out;
}

export default fp(async function safeInput(app: FastifyInstance) {
  // a callback hook: no promise per request
  app.addHook('preHandler', (request, _reply, done) => {
    const bad = unsafeValues(request);
    done(bad.length > 0 ? badRequest(`invalid request: ${bad.map((p) => `${p.name} ${p.reason}`).join('; ')}`, bad) : undefined);
  });
});
