// One ajv for the whole platform: manifests, record schemas and import rows use the same rules.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
  addFormats(ajv);
  return ajv;
}

export const ajv = createAjv();

/** "field: reason" lines for ajv errors, naming the JSON pointer of the offending field. */
export function describeErrors(errors: ErrorObject[] | null | undefined): { field: string; reason: string }[] {
  return (errors ?? []).map((e) => {
    let field = e.instancePath || '/';
    if (e.keyword === 'required') field = `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties')
      field = `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`;
    const reason = e.keyword === 'additionalProperties' ? 'is not a known field' : e.keyword === 'required' ? 'is required' : e.message ?? 'is invalid';
    return { field, reason };
  });
}
