// Generated requests for one OpenAPI operation (fast-check arbitraries): each parameter and body
// gets values valid for its schema, values seen in the service's own answers, and hostile ones
// (NUL bytes, out-of-range and non-finite numbers, bad encodings, wrong types, oversized input,
// forged cursors). The generator knows no dataset: it reads the schemas of /openapi.json.
import fc from 'fast-check';

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { required: boolean; schema?: Schema; types: string[] };
  /** A parameter named like this is an admin route's; its token is sent right most of the time. */
  secured: boolean;
}

export interface RequestCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8').toString('base64url');

/** Raw URL fragments (already encoded, some deliberately invalid) that break naive handlers. */
export const HOSTILE_RAW = [
  '',
  '%00',
  'a%00b',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e309',
  '-1e309',
  '99999999999999999999',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '1.5',
  '-0',
  '0x1F',
  '%20',
  'null',
  '%5B%5D',
  '%7B%7D',
  'true',
  "'%3B%20DROP%20TABLE%20x%3B--",
  '%25',
  '%ZZ',
  '%C0%AE',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '..%2F..%2Fetc%2Fpasswd',
  'a,b,,c',
  '%2C%2C%2C',
  'x'.repeat(300),
  'x'.repeat(3000),
  ','.repeat(600),
  b64(['x', 'y']),
  b64([1e308, null]),
  b64([null]),
  b64({}),
  b64('"AB10 1AA"'),
  b64(['AB10 1AA', 'AB10 1AA']),
  b64([true, 'x', 3]),
  'not-base64!',
];

const enc = encodeURIComponent;

/** A value valid for the schema, as a raw URL fragment. */
function validValue(schema: Schema, seen: string[]): fc.Arbitrary<string> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum.map((v) => enc(String(v))));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer') return fc.integer({ min: Math.max(schema.minimum ?? -1e6, -(2 ** 31)), max: Math.min(schema.maximum ?? 1e6, 2 ** 31 - 1) }).map(String);
  if (type === 'number') return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true }).map(String);
  if (type === 'boolean') return fc.constantFrom('true', 'false');
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200)).map(enc);
    } catch {
      /* a pattern JavaScript cannot read: plain strings */
    }
  }
  const max = Math.min(schema.maxLength ?? 40, 40);
  const strings = fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max }).map(enc);
  return seen.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seen).map(enc) }, { weight: 1, arbitrary: strings }) : strings;
}

/** A value for a parameter: mostly valid or seen, often hostile. */
const parameterValue = (schema: Schema, seen: string[]) =>
  fc.oneof({ weight: 3, arbitrary: validValue(schema, seen) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_RAW) });

/** A JSON value for a body schema: valid-shaped, with hostile leaves now and then. */
function jsonValue(schema: Schema | undefined, seen: string[], depth = 0, hostile = true): fc.Arbitrary<unknown> {
  const hostileLeaf = fc.constantFrom<unknown>('\u0000', 'a\u0000b', '', 'x'.repeat(300), -1, 1e308, 2 ** 63, 1.5, null, true, [], {});
  if (!schema || depth > 4) return hostile ? hostileLeaf : fc.constant(null);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => jsonValue(v, seen, depth + 1, hostile)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  let valid: fc.Arbitrary<unknown>;
  if (type === 'array') valid = fc.array(jsonValue(schema.items, seen, depth + 1, hostile), { maxLength: Math.min(schema.maxItems ?? 5, 5) });
  else if (type === 'object' || schema.properties) {
    const props = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    valid = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, jsonValue(s, seen, depth + 1, hostile)])), {
      requiredKeys: Object.keys(props).filter((k) => required.has(k)),
    });
  } else if (type === 'string') valid = seen.length ? fc.oneof(fc.constantFrom(...seen), fc.string({ maxLength: 20 })) : fc.string({ maxLength: 20 });
  else if (type === 'integer') valid = fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
  else if (type === 'number') valid = fc.double({ noNaN: true, noDefaultInfinity: true });
  else if (type === 'boolean') valid = fc.boolean();
  else valid = hostile ? hostileLeaf : fc.constant(null);
  return hostile ? fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileLeaf }) : valid;
}

/** Body text: JSON of the schema's shape, or something that is not what was asked for. */
function bodyText(schema: Schema | undefined, seen: string[]): fc.Arbitrary<string> {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
  return fc.oneof(
    { weight: 5, arbitrary: jsonValue(schema, seen).map((v) => JSON.stringify(v) ?? 'null') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        'null',
        '{',
        '{"postcodes": [1e309]}',
        '{"postcodes": "AB10 1AA"}',
        '{"__proto__": {"x": 1}}',
        '{"constructor": {"prototype": {"x": 1}}}',
        nested(2000),
        JSON.stringify({ postcodes: Array.from({ length: 1500 }, (_, i) => `ZZ${i} 9ZZ`) }),
        JSON.stringify(Array.from({ length: 1001 }, () => 'SW1A 1AA')),
        'postcode\nSW1A 1AA\n\u0000\n',
        'not json at all',
      ),
    },
  );
}

const ACCEPT = ['application/json', 'text/csv', '*/*', 'text/html', 'application/geo+json', 'x/y;q=abc', 'text/csv, application/json;q=0.1', ''];

/** The request cases of one operation: as many well-formed ones (reaching the handlers) as hostile ones. */
export function requestCases(op: Operation, seen: string[], adminToken: string): fc.Arbitrary<RequestCase> {
  return fc.oneof(wellFormedCases(op, seen, adminToken), hostileCases(op, seen, adminToken));
}

const paramsIn = (op: Operation, where: Parameter['in']) => op.parameters.filter((p) => p.in === where);

/** The path with its parameters filled in, and the query string. */
function urlOf(op: Operation, pathValues: string[], queryParts: string[]): string {
  let i = 0;
  const qs = queryParts.join('&');
  // An empty segment would address another route (`/collections/` is `/collections`), and so would a
  // dot segment (`.`, `..`, `%2E`: URL resolution removes it, `/trusts/.` is `/trusts/`): a blank instead.
  const segment = (v: string | undefined) => (!v || /^(\.|%2e){1,2}$/i.test(v) ? '%20' : v);
  return op.path.replace(/\{[^}]+\}/g, () => segment(pathValues[i++])) + (qs ? `?${qs}` : '');
}

/** Only values valid for their schemas (or seen in answers), a few optional parameters, the right token. */
function wellFormedCases(op: Operation, seen: string[], adminToken: string): fc.Arbitrary<RequestCase> {
  const path = fc.tuple(...paramsIn(op, 'path').map((p) => validValue(p.schema ?? {}, seen)));
  const query = fc.tuple(
    ...paramsIn(op, 'query').map((p) =>
      fc.oneof(
        { weight: 1, arbitrary: validValue(p.schema ?? {}, seen).map((v) => [`${p.name}=${v}`]) },
        { weight: p.required ? 0 : 8, arbitrary: fc.constant([] as string[]) },
      ),
    ),
  );
  const body = op.body ? fc.option(jsonValue(op.body.schema, seen, 0, false).map((v) => JSON.stringify(v) ?? 'null'), { nil: undefined, freq: op.body.required ? 20 : 2 }) : fc.constant(undefined);
  return fc.record({ path, query, body, accept: fc.constantFrom('application/json', '*/*', 'text/csv', '') }).map((c) => {
    const headers: Record<string, string> = {};
    if (c.accept) headers.accept = c.accept;
    if (op.secured) headers.authorization = `Bearer ${adminToken}`;
    if (c.body !== undefined) headers['content-type'] = 'application/json';
    return { method: op.method.toUpperCase(), url: urlOf(op, c.path, c.query.flat()), headers, ...(c.body !== undefined ? { payload: c.body } : {}) };
  });
}

/** Hostile values anywhere: parameters, repeated parameters, unknown ones, bodies, content types, tokens, headers. */
function hostileCases(op: Operation, seen: string[], adminToken: string): fc.Arbitrary<RequestCase> {
  const path = fc.tuple(...paramsIn(op, 'path').map((p) => parameterValue(p.schema ?? {}, seen)));
  const query = fc.tuple(
    ...paramsIn(op, 'query').map((p) =>
      fc.oneof(
        { weight: p.required ? 6 : 2, arbitrary: parameterValue(p.schema ?? {}, seen).map((v) => [`${p.name}=${v}`]) },
        { weight: 1, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.tuple(parameterValue(p.schema ?? {}, seen), parameterValue(p.schema ?? {}, seen)).map(([a, b]) => [`${p.name}=${a}`, `${p.name}=${b}`]) },
      ),
    ),
  );
  const extra = fc.constantFrom([], [], [], ['zz_unknown=1'], ['%00=1'], ['a%5Bb%5D=1'], ['=x'], ['limit=1'], ['cursor=' + b64(['x'])]);
  const body = op.body
    ? fc.option(
        fc.record({ text: bodyText(op.body.schema, seen), type: fc.constantFrom(...op.body.types, 'application/json', 'text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x') }),
        { nil: undefined, freq: op.body.required ? 8 : 2 },
      )
    : fc.constant(undefined);
  const auth = op.secured ? fc.constantFrom(`Bearer ${adminToken}`, `Bearer ${adminToken}`, `Bearer ${adminToken}x`, 'Bearer', 'Basic YTpi', '') : fc.constant('');
  return fc.record({ path, query, extra, body, auth, accept: fc.constantFrom(...ACCEPT), encoding: fc.constantFrom('', '', 'gzip', 'br', 'identity;q=0, *;q=0') }).map((c) => {
    const headers: Record<string, string> = {};
    if (c.accept) headers.accept = c.accept;
    if (c.encoding) headers['accept-encoding'] = c.encoding;
    if (c.auth) headers.authorization = c.auth;
    if (c.body) headers['content-type'] = c.body.type;
    return { method: op.method.toUpperCase(), url: urlOf(op, c.path, [...c.query.flat(), ...c.extra]), headers, ...(c.body ? { payload: c.body.text } : {}) };
  });
}
