// One ajv for the whole platform: manifests, record schemas and import rows use the same rules.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { didYouMean } from './suggest.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** `verbose` keeps the offending value and schema in each error, so that messages can quote them. */
export function createAjv(options: { verbose?: boolean } = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, verbose: options.verbose === true });
  addFormats(ajv);
  return ajv;
}

export const ajv = createAjv();

/** For manifests and schemas that people write: errors carry the value they are about. */
export const explainingAjv = createAjv({ verbose: true });

const shown = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/** The reason of one error, quoting its value when ajv kept it (verbose). */
function reasonOf(e: ErrorObject): string {
  const verbose = 'data' in e;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties': {
      const known = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      return `is not a known field${didYouMean(String(p.additionalProperty), known)}${known.length ? ` (known: ${known.join(', ')})` : ''}`;
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      return verbose ? `${shown(e.data)} is not one of: ${allowed.join(', ')}${didYouMean(String(e.data), allowed)}` : (e.message ?? 'is invalid');
    }
    case 'type':
      return verbose ? `must be ${String(p.type).replace(/,/g, ' or ')}, not ${shown(e.data)}` : (e.message ?? 'is invalid');
    case 'pattern':
      return verbose ? `${shown(e.data)} does not match ${String(p.pattern)}` : (e.message ?? 'is invalid');
    case 'format':
      return verbose ? `${shown(e.data)} is not a valid ${String(p.format)}` : (e.message ?? 'is invalid');
    default:
      return e.message ?? 'is invalid';
  }
}

/**
 * An anyOf/oneOf reports itself and one error per branch: keep only the branch the author meant,
 * or say once what would do.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let out = errors;
  for (const alt of errors.filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && 'data' in e)) {
    const branches = (alt.schema as Record<string, unknown>[]) ?? [];
    const here = (e: ErrorObject) => e.instancePath === alt.instancePath;
    out = out.filter((e) => e !== alt);
    if (branches.every((b) => Array.isArray(b.required) && Object.keys(b).length === 1)) {
      // Alternatives of required members: one message naming them.
      const names = branches.flatMap((b) => b.required as string[]);
      out = out.filter((e) => !(here(e) && e.keyword === 'required' && names.includes(String((e.params as { missingProperty?: string }).missingProperty))));
      out.push({ ...alt, keyword: 'alternatives', message: `needs one of: ${names.join(', ')}` });
      continue;
    }
    // A branch that fails on more than its type is the one meant: the others' type errors go.
    // When every branch fails on its type, one message says which types would do.
    const typeErrors = out.filter((e) => here(e) && e.keyword === 'type');
    const meant = out.some((e) => e.keyword !== 'type' && (here(e) || e.instancePath.startsWith(`${alt.instancePath}/`)));
    out = out.filter((e) => !typeErrors.includes(e));
    if (!meant && typeErrors.length > 0) out.push({ ...typeErrors[0], params: { type: [...new Set(typeErrors.map((e) => String((e.params as { type: string }).type)))].join(',') } });
  }
  return out;
}

/** "field: reason" lines for ajv errors, naming the JSON pointer of the offending field. */
export function describeErrors(errors: ErrorObject[] | null | undefined): { field: string; reason: string }[] {
  return collapseAlternatives((errors ?? []).filter((e) => e.keyword !== 'if')).map((e) => {
    let field = e.instancePath || '/';
    if (e.keyword === 'required') field = `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') field = `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`;
    return { field, reason: reasonOf(e) };
  });
}
