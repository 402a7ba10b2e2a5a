// UK postcodes as requests carry them: one in any case and spacing, or a list in a bulk body
// ({"postcodes": [...]}, a bare JSON array, or a CSV column), for every route that takes them.
import type { FastifyInstance } from 'fastify';
import { parse as parseCsv } from 'csv-parse/sync';
import { toNormalised } from 'postcode';
import { badRequest } from './problem.ts';

/** Any case and spacing ("sw1a1aa", " SW1A 1AA ") → "SW1A 1AA"; null when not a valid UK postcode. */
export function normalisePostcode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const compact = input.replace(/\s+/g, '');
  if (compact.length < 5 || compact.length > 7) return null;
  return toNormalised(compact);
}

export const MAX_BULK = 1000;

const list = { type: 'array', maxItems: MAX_BULK, items: { type: 'string', maxLength: 100 } } as const;

export const bulkBodySchema = {
  anyOf: [{ type: 'object', additionalProperties: false, required: ['postcodes'], properties: { postcodes: list } }, list],
} as const;

export const bulkBodyDescription =
  `Body: {"postcodes": [...]} or a JSON array of up to ${MAX_BULK} postcodes, or a CSV (Content-Type: text/csv) ` +
  'with a column of postcodes (headed "postcode", or the first column).';

/** The postcodes of a validated bulk body, in order. */
export function bulkInputs(body: unknown): string[] {
  const inputs = Array.isArray(body) ? (body as string[]) : (body as { postcodes: string[] }).postcodes;
  if (inputs.length > MAX_BULK) throw badRequest(`at most ${MAX_BULK} postcodes per request (got ${inputs.length})`);
  return inputs;
}

/** CSV in (within one plug-in's routes): the column headed postcode/pcds/pcd…, or the first column. */
export function acceptCsvPostcodes(app: FastifyInstance): void {
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => {
    try {
      const rows: string[][] = parseCsv(body as string, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
      let column = 0;
      let start = 0;
      const header = (rows[0] ?? []).map((h) => h.toLowerCase());
      const named = header.findIndex((h) => ['postcode', 'postcodes', 'pcds', 'pcd', 'pcd7', 'pcd8', 'post code'].includes(h));
      if (named >= 0) {
        column = named;
        start = 1;
      } else if (rows.length > 0 && normalisePostcode(rows[0][0] ?? '') === null && /[a-z]{4,}/i.test(rows[0][0] ?? '')) start = 1; // a header row with another name
      done(null, { postcodes: rows.slice(start).map((r) => r[column] ?? '') });
    } catch (err) {
      done(badRequest(`the CSV body could not be read: ${(err as Error).message}`), undefined);
    }
  });
}
