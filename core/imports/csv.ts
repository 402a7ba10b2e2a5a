// CSV sources as published: BOMs, CRLF, quoted line breaks in headers, grouped two-row headers,
// trailing empty columns and rows of empty fields. Columns are matched by normalised name.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { CsvReadOptions, SourceRow } from '../contract.ts';
import { SourceError } from '../contract.ts';
import type { DatasetManifest } from '../types.ts';

/** trim, collapse whitespace (including line breaks), case-fold. */
export const normaliseHeader = (h: string) => h.replace(/\s+/g, ' ').trim().toLowerCase();

function combineHeaders(rows: string[][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const names: string[] = [];
  const groups = rows.slice(0, -1).map((row) => {
    let last = '';
    return Array.from({ length: width }, (_, i) => (last = normaliseHeader(row[i] ?? '') || last));
  });
  const seen = new Map<string, number>();
  for (let i = 0; i < width; i++) {
    const parts = [...groups.map((g) => g[i]), normaliseHeader(rows[rows.length - 1][i] ?? '')].filter(Boolean);
    let name = [...new Set(parts)].join(' / ');
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} #${n}`;
    names.push(name);
  }
  return names;
}

/** The reading options a manifest declares for a source (`sources[].csv`). */
export function csvOptionsOf(source: DatasetManifest['sources'][number] | undefined): CsvReadOptions {
  const csv = source?.csv ?? {};
  return {
    ...(csv.header_rows ? { headerRows: csv.header_rows } : {}),
    ...(csv.encoding ? { encoding: csv.encoding } : {}),
    ...(csv.delimiter ? { delimiter: csv.delimiter } : {}),
  };
}

type Parsed = AsyncIterable<{ record: string[]; info: { lines: number } }>;

function parseCsv(input: NodeJS.ReadableStream, options: CsvReadOptions): Parsed {
  const decoded = options.encoding && options.encoding !== 'utf-8' ? input.pipe(iconv.decodeStream(options.encoding)) : input;
  return decoded.pipe(parse({ bom: true, relax_column_count: true, delimiter: options.delimiter ?? ',', info: true, skip_empty_lines: true })) as unknown as Parsed;
}

/** The header rows of a CSV file as written (before they are combined and normalised). */
export async function readCsvHeaderRows(path: string, options: CsvReadOptions = {}): Promise<string[][]> {
  const input = createReadStream(path);
  const head: string[][] = [];
  try {
    for await (const { record } of parseCsv(input, options)) {
      head.push(record);
      if (head.length >= (options.headerRows ?? 1)) break;
    }
  } finally {
    input.destroy();
  }
  return head;
}

/** The normalised column names of a CSV file (its header rows combined), reading no further. */
export async function readCsvHeader(path: string, options: CsvReadOptions = {}): Promise<string[]> {
  const head = await readCsvHeaderRows(path, options);
  return head.length > 0 ? combineHeaders(head) : [];
}

export async function* readCsvFile(
  input: NodeJS.ReadableStream,
  file: string,
  options: CsvReadOptions = {},
): AsyncGenerator<SourceRow> {
  const headerRows = options.headerRows ?? 1;
  const parser = parseCsv(input, options);
  const head: string[][] = [];
  let names: string[] | undefined;
  let width = 0; // up to the last named column: a row with fewer fields lost a column
  for await (const { record, info } of parser) {
    if (!names) {
      head.push(record);
      if (head.length < headerRows) continue;
      names = combineHeaders(head);
      width = names.reduce((w, n, i) => (n ? i + 1 : w), 0);
      const missing = (options.required ?? []).filter((r) => !names!.includes(r));
      if (missing.length > 0)
        throw new SourceError(`required column(s) missing: ${missing.join(', ')} (found: ${names.filter(Boolean).join(', ')})`, file, info.lines);
      continue;
    }
    if (record.every((v) => v.trim() === '')) continue;
    if (record.length < width)
      throw new SourceError(`the row has ${record.length} fields, the header ${width}: a field is missing`, file, info.lines, names[record.length] || undefined);
    const values: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) if (names[i]) values[names[i]] = record[i] ?? '';
    yield { values, line: info.lines, file };
  }
  if (!names) throw new SourceError('the file has no header row', file, 0);
}
