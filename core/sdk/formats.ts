// Format negotiation (suffix, ?format=, Accept) and streamed CSV: never built whole in memory.
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
