// XLSX in, XLSX out, with exceljs' streaming reader and writer. A workbook is a zip whose central
// directory is at its end, and Excel stores each sheet before the shared strings the sheet refers
// to: so the upload is spooled to a private folder of this request (deleted when the request ends,
// whatever happens: spool.ts), and the reader is fed its entries in an order it can stream (every
// other part first, then the sheets), so that it never writes a sheet to a temporary file of its own.
// Values are kept (numbers, dates, text, booleans, hyperlinks; a formula as its last value);
// formatting is not.
import { createReadStream } from 'node:fs';
import { Readable, PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { badRequest } from '../../../core/sdk/problem.ts';
import { drainedOf, type Cell, type Row, type SheetReader, type SheetWriter } from './sheets.ts';

interface ZipEntry {
  path: string;
  start: number;
  end: number;
}

/** Empty rows kept between two rows at most (a row numbered a million is not a million rows). */
const MAX_GAP = 1000;

const isSheet = (p: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p);

/** The zip's entries by their byte ranges, in file order. */
async function entriesOf(path: string): Promise<{ entries: ZipEntry[]; directory: number }> {
  let dir: { files: { path: string; offsetToLocalFileHeader?: number; vars?: { offsetToLocalFileHeader: number } }[]; offsetToStartOfCentralDirectory: number };
  try {
    dir = (await unzipper.Open.file(path)) as unknown as typeof dir;
  } catch {
    throw badRequest('the file is not a readable XLSX workbook (its zip directory could not be read)');
  }
  const entries = dir.files
    .map((f) => ({ path: f.path, start: f.offsetToLocalFileHeader ?? f.vars?.offsetToLocalFileHeader ?? -1, end: 0 }))
    .sort((a, b) => a.start - b.start);
  entries.forEach((e, i) => (e.end = entries[i + 1]?.start ?? dir.offsetToStartOfCentralDirectory));
  if (!entries.some((e) => e.path === 'xl/workbook.xml') || !entries.some((e) => isSheet(e.path)) || entries.some((e) => e.start < 0 || e.end < e.start))
    throw badRequest('the file is a zip but not an XLSX workbook (no workbook or sheet in it)');
  return { entries, directory: dir.offsetToStartOfCentralDirectory };
}

/** Text of a cell as a person reads it (rich text joined, a formula's value, a link's text). */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString();
  if (typeof c !== 'object') return String(c);
  if (Array.isArray(c.richText)) return (c.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('result' in c) return cellText(c.result as Cell);
  if (typeof c.text === 'string') return c.text;
  return '';
}

/** A value the streaming writer can write: formulas become their last value. */
function writable(c: Cell): Cell {
  if (c === undefined) return null;
  if (c === null || typeof c !== 'object' || c instanceof Date) return c;
  if ('formula' in c || 'sharedFormula' in c) return (c.result as Cell) ?? null;
  if (Array.isArray(c.richText)) return cellText(c);
  return c;
}

export function readXlsx(path: string): SheetReader {
  let sheetBytes = 0;
  let sheetRead = 0;
  return {
    progress: () => (sheetBytes ? sheetRead / sheetBytes : null),
    async *sheets() {
      const { entries, directory } = await entriesOf(path);
      // ... then the central directory, where a streaming zip reader expects the entries to end.
      const order = [...entries.filter((e) => !isSheet(e.path)), ...entries.filter((e) => isSheet(e.path)), { path: '', start: directory, end: Infinity }];
      sheetBytes = order.filter((e) => isSheet(e.path)).reduce((n, e) => n + e.end - e.start, 0);
      const zip = Readable.from(
        (async function* () {
          for (const e of order) {
            if (e.end === e.start) continue;
            for await (const chunk of createReadStream(path, { start: e.start, end: e.end === Infinity ? undefined : e.end - 1 }) as AsyncIterable<Buffer>) {
              if (isSheet(e.path)) sheetRead += chunk.length;
              yield chunk;
            }
          }
        })(),
        { objectMode: false },
      );
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(zip, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
      // A workbook without shared strings (inline strings only) must not make the reader wait for them on disk.
      (reader as unknown as { sharedStrings: unknown[] }).sharedStrings = [];
      try {
        for await (const ws of reader as AsyncIterable<ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>>) {
          yield {
            name: ws.name ?? 'Sheet',
            rows: (async function* (): AsyncIterable<Row> {
              for await (const row of ws) {
                const values = row.values as Cell[];
                yield { number: row.number, cells: Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => values[i + 1] ?? null) };
              }
            })(),
          };
        }
      } catch (err) {
        if ((err as { status?: number }).status) throw err;
        throw badRequest('the XLSX workbook could not be read (it is damaged or not a workbook)');
      }
    },
  };
}

export function writeXlsx(): SheetWriter {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let rowNumber = 0;
  return {
    stream: out,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    sheets: Infinity,
    startSheet(name) {
      (sheet as unknown as { commit(): void } | null)?.commit();
      sheet = book.addWorksheet(name.slice(0, 31) || 'Sheet');
      rowNumber = 0;
    },
    row(cells, number?: number) {
      if (!sheet) this.startSheet('Sheet');
      // keep the rows where they were (a spreadsheet's empty rows are not in the file)
      const gap = number === undefined ? 0 : Math.min(number - rowNumber - 1, MAX_GAP);
      for (let i = 0; i < gap; i++) sheet!.addRow([]).commit();
      rowNumber += Math.max(gap, 0);
      sheet!.addRow(cells.map(writable)).commit();
      rowNumber++;
      return out.writableLength < out.writableHighWaterMark;
    },
    drained: () => drainedOf(out, out.writableLength >= out.writableHighWaterMark),
    async end() {
      (sheet as unknown as { commit(): void } | null)?.commit();
      await book.commit();
    },
    fail(err) {
      out.destroy(err);
    },
  };
}
