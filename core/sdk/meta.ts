// The block every dataset answer carries, and its JSON Schema for route documentation.
export const metaProperties = {
  dataset: { type: 'string', description: 'Dataset id' },
  edition: {
    type: 'object',
    properties: { id: { type: 'integer' }, label: { type: 'string' }, imported_at: { type: 'string', format: 'date-time' } },
  },
  geography_vintage: { type: ['string', 'null'], description: 'Vintage of the area codes in this answer' },
  licence: { type: 'string' },
} as const;

/** A record schema as a response schema: no `required` (fields= may leave fields out). */
export function responseRecordSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const { required: _r, $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
  return { ...rest, additionalProperties: false };
}

export function listResponseSchema(record: Record<string, unknown>, description: string): Record<string, unknown> {
  return {
    type: 'object',
    description,
    properties: {
      ...metaProperties,
      total: { type: 'integer', description: 'Records matching the filters' },
      limit: { type: 'integer' },
      next: { type: ['string', 'null'], description: 'URL of the next page, null on the last' },
      items: { type: 'array', items: record },
    },
  };
}
