// Format negotiation (suffix, ?format=, Accept), streamed CSV, and JSON lists streamed as they are
// serialised: an answer is never built whole in memory.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';

export type Format = 'json' | 'csv';

export function chooseFormat(request: FastifyRequest, suffix?: Format): Format {
  if (suffix) return suffix;
  const q = (request.query ?? {}) as { format?: string };
  if (q.format === 'csv' || q.format === 'json') return q.format;
  const accept = request.headers.accept ?? '';
  if (/\btext\/csv\b/.test(accept) && !/application\/(json|\*)/.test(accept.split('text/csv')[0])) return 'csv';
  return 'json';
}

const cell = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

/** Streams rows as CSV with a header line of the given columns. */
export function sendCsv(
  reply: FastifyReply,
  columns: string[],
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  filename: string,
): FastifyReply {
  const source = Readable.from(
    (async function* () {
      for await (const r of rows) yield columns.map((c) => cell(r[c]));
    })(),
  );
  const csv = source.pipe(stringify({ header: true, columns, cast: { boolean: (b) => (b ? 'true' : 'false') } }));
  source.on('error', (err) => csv.destroy(err));
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `inline; filename="${filename}.csv"`)
    .send(csv);
}

/** Characters of JSON written at once (small enough to be young garbage, large enough for few writes). */
const JSON_CHUNK = 16 * 1024;

/**
 * Streams an object whose last member, `key`, is a list: `headJson` is the JSON of the object
 * without that member, `itemJson` that of one item; the answer is written in chunks as the items
 * are serialised, never as one string (a bulk answer of a thousand results is about 3 MB). The same
 * bytes as the whole object's JSON (when itemJson and headJson are the serialisers of its schema).
 * Whatever may fail must have failed before: once the first chunk is sent, the status is sent.
 */
export function sendJsonList<T>(reply: FastifyReply, headJson: string, key: string, items: Iterable<T>, itemJson: (item: T) => string): FastifyReply {
  const open = `${headJson.slice(0, -1)}${headJson.length > 2 ? ',' : ''}${JSON.stringify(key)}:[`;
  // strings all the way to the socket (no Buffer copy of each chunk on the heap)
  return reply.type('application/json; charset=utf-8').send(Readable.from(jsonChunks(open, items, itemJson), { objectMode: false, encoding: 'utf8' }));
}

function* jsonChunks<T>(open: string, items: Iterable<T>, itemJson: (item: T) => string): Generator<string> {
  let chunk = open;
  let first = true;
  for (const item of items) {
    chunk += first ? itemJson(item) : `,${itemJson(item)}`;
    first = false;
    if (chunk.length >= JSON_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]}`;
}
