// The documented answers of the by-postcode routes: the result of one postcode is schemas/result.json
// (whence types.ts), inside the block every dataset answer carries plus the postcode directory's edition.
import { inlineDefinitions, metaProperties } from '../../../core/contract.ts';
import result from '../schemas/result.json' with { type: 'json' };

export const resultSchema = inlineDefinitions(result);

const meta = {
  ...metaProperties,
  postcodes_edition: { type: 'object', properties: metaProperties.edition.properties, description: 'Edition of the postcode directory used' },
};

/** 200 of GET /postcodes/{postcode}. */
export const singleResponse = { type: 'object', additionalProperties: false, required: [...Object.keys(meta), 'result'], properties: { ...meta, result: resultSchema } };

/** 200 of POST /postcodes: one result per input, in order. */
export const bulkResponse = {
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(meta), 'count', 'results'],
  properties: { ...meta, count: { type: 'integer' }, results: { type: 'array', items: resultSchema } },
};
