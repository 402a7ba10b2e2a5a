// A fast yes/no check for flat record schemas (an object of scalar properties), used by the COPY
// writer before ajv: importers of millions of rows spend most of their time in per-row ajv.
// It only ever answers "valid" when ajv would (same keywords, same regular expressions); on "no"
// the writer asks ajv, which decides and words the error. Schemas using any other keyword get no
// fast check (undefined) and are validated by ajv alone. Valid string values are remembered per
// field (bounded), as import columns repeat the same codes on most rows.

export type FlatCheck = (record: Record<string, unknown>) => boolean;

type Prop = Record<string, unknown>;
const ANNOTATIONS = new Set(['description', 'title', 'examples', '$comment', 'default', 'readOnly', 'writeOnly', 'deprecated']);
const TOP = new Set(['$schema', '$id', 'title', 'description', 'type', 'additionalProperties', 'required', 'properties', '$comment', 'examples']);
const SUPPORTED = new Set(['type', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'enum']);
const SCALARS = new Set(['string', 'number', 'integer', 'boolean', 'null']);
const MEMO = 10_000;

export function compileFlatCheck(schema: unknown): FlatCheck | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as Record<string, unknown>;
  if (s.type !== 'object' || s.additionalProperties !== false) return undefined;
  if (Object.keys(s).some((k) => !TOP.has(k))) return undefined;
  const props = (s.properties ?? {}) as Record<string, Prop>;
  const required = (s.required ?? []) as string[];
  if (!Array.isArray(required) || required.some((r) => typeof r !== 'string')) return undefined;
  const checks: ((v: unknown) => boolean)[] = [];
  const names = Object.keys(props);
  for (const name of names) {
    const check = propertyCheck(props[name]);
    if (!check) return undefined;
    checks.push(check);
  }
  const known = new Set(names);
  const requiredSet = new Set(required);
  // Compiled with named property loads (r["name"]), as ajv compiles its validators.
  const lines = names.map((name, i) => {
    const key = JSON.stringify(name);
    return requiredSet.has(name)
      ? `v = r[${key}]; if (v === undefined || !c[${i}](v)) return false;`
      : `v = r[${key}]; if (v !== undefined && !c[${i}](v)) return false;`;
  });
  const body = `let v;\nfor (const k in r) if (!known.has(k) && hasOwn(r, k)) return false;\n${lines.join('\n')}\nreturn true;`;
  return new Function('c', 'known', 'hasOwn', `return (r) => {\n${body}\n};`)(checks, known, (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k));
}

export function propertyCheck(p: Prop): ((v: unknown) => boolean) | undefined {
  if (!p || typeof p !== 'object') return undefined;
  for (const k of Object.keys(p)) if (!SUPPORTED.has(k) && !ANNOTATIONS.has(k)) return undefined;
  if (p.type === undefined) return undefined;
  const types = Array.isArray(p.type) ? (p.type as string[]) : [p.type as string];
  if (types.some((t) => !SCALARS.has(t))) return undefined;
  const allowNull = types.includes('null');
  const allowString = types.includes('string');
  const allowNumber = types.includes('number');
  const allowInteger = types.includes('integer');
  const allowBoolean = types.includes('boolean');
  const pattern = typeof p.pattern === 'string' ? new RegExp(p.pattern, 'u') : undefined;
  if (p.pattern !== undefined && !pattern) return undefined;
  const num = (k: string) => (p[k] === undefined ? undefined : typeof p[k] === 'number' ? (p[k] as number) : NaN);
  const min = num('minimum');
  const max = num('maximum');
  const xmin = num('exclusiveMinimum');
  const xmax = num('exclusiveMaximum');
  const minLength = num('minLength');
  const maxLength = num('maxLength');
  if ([min, max, xmin, xmax, minLength, maxLength].some((x) => Number.isNaN(x))) return undefined;
  let enumValues: Set<unknown> | undefined;
  if (p.enum !== undefined) {
    if (!Array.isArray(p.enum) || p.enum.some((e) => e !== null && typeof e === 'object')) return undefined;
    enumValues = new Set(p.enum);
  }
  // Remember valid strings while that pays (codes repeat; unique keys such as postcodes do not).
  let memo: Set<string> | undefined = pattern || enumValues || minLength !== undefined || maxLength !== undefined ? new Set<string>() : undefined;
  let hits = 0;
  let seen = 0;
  return (v) => {
    if (v === null) return allowNull && (!enumValues || enumValues.has(null));
    if (typeof v === 'string') {
      if (!allowString) return false;
      if (memo) {
        if (memo.has(v)) {
          hits++;
          return true;
        }
        if (++seen === 20_000 && hits < seen) memo = undefined;
      }
      if (enumValues && !enumValues.has(v)) return false;
      if (minLength !== undefined || maxLength !== undefined) {
        const length = [...v].length; // ajv counts code points
        if (minLength !== undefined && length < minLength) return false;
        if (maxLength !== undefined && length > maxLength) return false;
      }
      if (pattern && !pattern.test(v)) return false;
      if (memo && memo.size < MEMO) memo.add(v);
      return true;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      if (!(allowNumber || (allowInteger && Number.isInteger(v)))) return false;
      if (enumValues && !enumValues.has(v)) return false;
      if (min !== undefined && v < min) return false;
      if (max !== undefined && v > max) return false;
      if (xmin !== undefined && v <= xmin) return false;
      if (xmax !== undefined && v >= xmax) return false;
      return true;
    }
    if (typeof v === 'boolean') return allowBoolean && (!enumValues || enumValues.has(v));
    return false;
  };
}
