// Enrich a file: GET /web/enrich (the page), POST /enrich (the operation, for the page's form and
// for scripts). The upload (multipart form, or a raw CSV or XLSX body) is spooled to a private
// folder of this request (the whole upload first: an HTTP client that sends its body before it reads
// the answer would otherwise wait on a server that waits on it), then read as a stream and answered
// as a stream, with the deprivation columns appended to every row. Nothing of it is logged; the
// folder is removed when the answer has been sent or the client went away.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { Platform } from '../../../core/platform.ts';
import { Problem, badRequest } from '../../../core/sdk/problem.ts';
import { prefersHtml } from '../negotiate.ts';
import { page, problemPage } from '../render.ts';
import { ByteCounter, MAX_UPLOAD_BYTES, peek, sniff } from './source.ts';
import { readCsv, sniffCsv, writeCsv, type CsvDialect } from './csv.ts';
import { readXlsx, writeXlsx } from './xlsx.ts';
import { prepare, MAX_ROWS, type Lookup } from './enrich.ts';
import { ADDED, EMPTY, type DeprivationAnswer } from './columns.ts';
import { openSpool, sweepSpools, type Spool } from './spool.ts';
import { framesOf } from './frames.ts';
import type { SheetReader, SheetWriter } from './sheets.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UTF8_CSV: CsvDialect = { encoding: 'utf-8', bom: true, delimiter: ',', crlf: true };

interface Options {
  column?: string;
  edition?: string;
  format?: 'csv' | 'xlsx';
  progress?: boolean;
}

interface DeprivationService {
  deprivation(postcodes: string[], options?: { edition?: string }): Promise<DeprivationAnswer[]>;
}

/** The deprivation service, or a clear 503 when the dataset is not registered. */
function lookupFor(platform: Platform, edition: string | undefined): Lookup {
  const service = platform.services.get('deprivation') as DeprivationService | undefined;
  if (!service || typeof service.deprivation !== 'function') throw new Problem(503, 'Not available', 'the deprivation dataset is not registered in this catalogue, so files cannot be enriched');
  return (postcodes) => service.deprivation(postcodes, { edition });
}

const safeName = (name: string | undefined) => (name ?? 'file').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'file';

/** Spools the upload; the form's fields (before or after the file) complete the options. */
async function receive(request: FastifyRequest, spool: Spool, options: Options): Promise<{ filename?: string; bytes: number }> {
  const counter = new ByteCounter();
  if (!request.isMultipart()) {
    if (!(request.body instanceof Readable))
      throw new Problem(415, 'Unsupported media type', `send the file as the body (Content-Type: text/csv or ${XLSX_TYPE}) or as the "file" field of a multipart/form-data form`);
    await pipeline(request.body, counter, createWriteStream(spool.file, { mode: 0o600 }));
    return { bytes: counter.bytes };
  }
  let filename: string | undefined;
  let seen = false;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (seen) {
        part.file.resume();
        continue;
      }
      seen = true;
      filename = part.filename;
      await pipeline(part.file, counter, createWriteStream(spool.file, { mode: 0o600 }));
      if (part.file.truncated) throw new Problem(413, 'File too large', `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`);
    } else if (typeof part.value === 'string' && part.value.trim()) {
      if (part.fieldname === 'column') options.column ??= part.value;
      else if (part.fieldname === 'edition') options.edition ??= part.value;
      else if (part.fieldname === 'format' && (part.value === 'csv' || part.value === 'xlsx')) options.format ??= part.value;
    }
  }
  if (!seen || (!filename && counter.bytes === 0)) throw badRequest('choose a CSV or XLSX file to enrich', [{ name: 'file', reason: 'is required' }]);
  return { filename, bytes: counter.bytes };
}

/** Reader and writer for the spooled file, by what its first bytes say it is. */
async function openFile(spool: Spool, format: Options['format']): Promise<{ reader: SheetReader; writer: SheetWriter; read: () => number }> {
  const size = (await stat(spool.file)).size;
  const head = await peek(createReadStream(spool.file, { end: 64 * 1024 - 1 }));
  head.stream.destroy();
  const kind = sniff(head.head);
  if (kind === 'xlsx') {
    const reader = readXlsx(spool.file);
    return { reader, writer: format === 'csv' ? writeCsv(UTF8_CSV) : writeXlsx(), read: () => reader.progress?.() ?? 0 };
  }
  const dialect = sniffCsv(head.head);
  const counter = new ByteCounter(Infinity);
  const file = createReadStream(spool.file);
  file.on('error', (e) => counter.destroy(e));
  const reader = readCsv(file.pipe(counter), dialect);
  return { reader, writer: format === 'xlsx' ? writeXlsx() : writeCsv(dialect), read: () => (size ? counter.bytes / size : 1) };
}

/** Stops a problem's words from carrying anything but our own text into logs. */
const failure = (err: unknown) => (err instanceof Problem ? err : new Problem(500, 'Enrichment failed', 'the file could not be enriched to the end'));

async function enrich(platform: Platform, request: FastifyRequest, reply: FastifyReply, options: Options) {
  const spool = await openSpool();
  let handedOver = false;
  try {
    const lookup = lookupFor(platform, options.edition);
    await lookup([]); // not imported (503) or an unknown index edition (400): said before the upload is read
    const { filename } = await receive(request, spool, options);
    const { reader, writer, read } = await openFile(spool, options.format);
    const prepared = await prepare(reader, writer, options.column, lookup);
    const name = `${safeName(filename)}-deprivation.${writer.extension}`;
    let stopped = false;
    reply.raw.once('close', () => {
      stopped = true;
      void spool.remove();
    });
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    handedOver = true;
    if (options.progress) {
      const frames = framesOf(writer.stream);
      prepared
        .run((rows) => frames.progress(rows, read()), () => stopped)
        .then((rows) => frames.done(rows, name, writer.contentType))
        .catch((err) => {
          const p = failure(err);
          writer.fail(p);
          frames.error(p.title, p.detail ?? p.title);
        })
        .finally(() => void spool.remove());
      return reply.type('application/x-ndjson; charset=utf-8').send(frames.stream);
    }
    prepared
      .run(() => undefined, () => stopped)
      .catch((err) => writer.fail(failure(err)))
      .finally(() => void spool.remove());
    return reply.type(writer.contentType).header('content-disposition', `attachment; filename="${name}"`).send(writer.stream);
  } finally {
    if (!handedOver) await spool.remove();
  }
}

const query = {
  type: 'object',
  additionalProperties: false,
  properties: {
    column: { type: 'string', maxLength: 200, description: 'The postcode column: its header (any case) or its 1-based number. Default: the column headed like "postcode" (postcode, post code, pcds, pcd7…).' },
    edition: { type: 'string', maxLength: 200, description: 'Index edition(s), comma-separated, as in /v1/deprivation/postcodes (e.g. IoD2025); default: each nation\'s default.' },
    format: { type: 'string', enum: ['csv', 'xlsx'], description: 'Output format; default: the input\'s.' },
    progress: { type: 'boolean', description: 'Answer newline-delimited JSON frames (progress, the file in base64, done) for the web page\'s script instead of the file.' },
  },
};

export async function enrichRoutes(app: FastifyInstance, platform: Platform) {
  void sweepSpools();
  const sweeper = setInterval(() => void sweepSpools(), 60 * 60 * 1000).unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  app.get('/web/enrich', { schema: { hide: true } }, (request, reply) =>
    page(request, reply, 'enrich', 'Enrich a file with deprivation', { maxRows: MAX_ROWS, maxMiB: MAX_UPLOAD_BYTES / 1024 / 1024, added: ADDED, empty: EMPTY, available: platform.services.has('deprivation') }, { scripts: ['/web/static/enrich.js'] }),
  );

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1000, parts: 20 } });
    // A raw body is passed on as the stream it is (never buffered: the file may be large).
    scope.addContentTypeParser(['text/csv', 'application/csv', 'text/plain', XLSX_TYPE, 'application/octet-stream'], (_req, payload, done) => done(null, payload));
    scope.post(
      '/enrich',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ['enrich'],
          summary: `Enrich a CSV or XLSX file of up to ${MAX_ROWS.toLocaleString('en-GB')} rows with deprivation by postcode`,
          description:
            'Send the file as the body (Content-Type: text/csv, or the XLSX type) or as the "file" field of a multipart form (with optional "column", "edition", "format" fields). ' +
            `The answer is the same file with the columns ${ADDED.join(', ')} appended to every row (status "${EMPTY}" when the postcode cell is empty), streamed as rows are ready. ` +
            'CSV keeps its encoding, delimiter and line ends; XLSX keeps values (not formatting), the first sheet enriched, the others copied. ' +
            'The file is never logged and never kept: it is held in a private temporary folder for the duration of the request only.',
          consumes: ['text/csv', XLSX_TYPE, 'multipart/form-data'],
          produces: ['text/csv', XLSX_TYPE, 'application/x-ndjson'],
          querystring: query,
          response: { 400: { $ref: 'Problem#' }, 413: { $ref: 'Problem#' }, 415: { $ref: 'Problem#' }, 503: { $ref: 'Problem#' } },
        },
      },
      async (request, reply) => {
        const q = request.query as Options;
        try {
          return await enrich(platform, request, reply, { ...q });
        } catch (err) {
          // The page's plain form (no script) gets a page saying what to fix; scripts get problem+json.
          if (err instanceof Problem && prefersHtml(request.headers.accept))
            return problemPage(request, reply, err.status, { title: err.title, detail: err.detail, invalid_params: err.extra.invalid_params as never }, { private: true });
          throw err;
        }
      },
    );
  });
}
