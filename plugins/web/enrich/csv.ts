// CSV in, CSV out, both streamed: the output keeps the input's encoding (UTF-8, with its BOM if it
// had one, or Windows-1252 as Excel writes on Windows), delimiter (comma, semicolon or tab) and
// line ends, so that the file comes back as it went, with columns added.
import { Readable, Transform } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import { badRequest } from '../../../core/sdk/problem.ts';
import { drainedOf, type SheetReader, type SheetWriter, type Cell } from './sheets.ts';

export interface CsvDialect {
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  delimiter: string;
  crlf: boolean;
}

/** The dialect of a CSV from its first bytes. */
export function sniffCsv(head: Buffer): CsvDialect {
  const bom = head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  let text: string;
  let encoding: CsvDialect['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    encoding = 'windows-1252';
    text = iconv.decode(head, 'win1252');
  }
  const firstLine = text.replace(/^\uFEFF/, '').split('\n')[0];
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: outside.split(d).length - 1 }));
  const delimiter = counts.reduce((a, b) => (b.n > a.n ? b : a)).d;
  return { encoding, bom, delimiter, crlf: firstLine.endsWith('\r') };
}

/** Plain words for csv-parse's error codes: its messages quote cell values, which may be postcodes. */
function csvProblem(err: unknown): Error {
  if (!(err instanceof CsvError)) return err as Error;
  const line = (err as CsvError & { lines?: number }).lines;
  const what: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
    CSV_MAX_RECORD_SIZE: 'a row is larger than 1 MB',
    CSV_INVALID_CLOSING_QUOTE: 'a quote inside a cell is not escaped',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters follow a closing quote',
  };
  return badRequest(`the CSV could not be read${line ? ` at line ${line}` : ''}: ${what[err.code] ?? 'it is not well-formed CSV'}`);
}

export function readCsv(stream: Readable, dialect: CsvDialect): SheetReader {
  const text: Readable = dialect.encoding === 'utf-8' ? stream : (stream.pipe(iconv.decodeStream('win1252')) as unknown as Readable);
  if (text !== stream) stream.on('error', (e) => text.destroy(e));
  const parser = text.pipe(parse({ delimiter: dialect.delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 1_000_000 }));
  text.on('error', (e) => parser.destroy(e));
  return {
    async *sheets() {
      yield {
        name: 'data',
        rows: (async function* () {
          try {
            for await (const record of parser as AsyncIterable<string[]>) yield { cells: record };
          } catch (err) {
            throw csvProblem(err);
          }
        })(),
      };
    },
  };
}

export function writeCsv(dialect: CsvDialect): SheetWriter {
  const csv = stringify({ delimiter: dialect.delimiter, record_delimiter: dialect.crlf ? 'windows' : 'unix', bom: dialect.bom && dialect.encoding === 'utf-8' });
  // csv-stringify emits each record whole, so each chunk is a complete string to encode.
  const encode = () => new Transform({ transform: (chunk: Buffer, _enc, done) => done(null, iconv.encode(chunk.toString('utf8'), 'win1252')) });
  const out: Readable = dialect.encoding === 'utf-8' ? csv : csv.pipe(encode());
  const cellText = (c: Cell) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c));
  return {
    stream: out,
    contentType: `text/csv; charset=${dialect.encoding}`,
    extension: 'csv',
    sheets: 1,
    startSheet() {},
    row(cells) {
      return csv.write(cells.map(cellText));
    },
    drained: () => drainedOf(csv, csv.writableNeedDrain),
    async end() {
      csv.end();
    },
    fail(err) {
      csv.destroy(err);
      if (out !== csv) out.destroy(err);
    },
  };
}
