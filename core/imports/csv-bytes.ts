// CSV rows as byte ranges of the source buffer, for importers of millions of rows: no string is
// made for a field unless the importer asks (at 2.7 million rows of 50 fields, strings and their
// garbage cost more than the rest of the import). RFC 4180: quoted fields, doubled quotes and line
// breaks inside quotes; CRLF or LF; a UTF-8 byte order mark is skipped.

export interface CsvRow {
  /** The buffer the ranges point into (the read chunk, or a scratch copy for rows with escaped quotes). */
  buf: Buffer;
  /** Start and end (exclusive) of each field; `count` fields. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** Line number (1-based) where the row starts. */
  line: number;
}

const MAX_FIELDS = 4096;
const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvRowError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Calls `onRow` for every row of a CSV stream (header included; lines that are empty or hold only
 * commas and blanks are skipped). The row object is reused: copy what you keep. `onRow` may return
 * a promise (backpressure), awaited before the next row. Returns the number of lines read.
 */
export async function scanCsv(
  stream: AsyncIterable<Buffer | string>,
  onRow: (row: CsvRow) => Promise<void> | void,
  onBytes?: (n: number) => void,
): Promise<number> {
  const scanner = new RowScanner();
  const { row } = scanner;
  let rest: Buffer | undefined;
  let line = 1;
  let bom = true;
  const emit = async (buf: Buffer, atEnd: boolean): Promise<number> => {
    let pos = 0;
    if (bom) {
      if (buf.length < 3 && !atEnd) return 0;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      bom = false;
    }
    while (pos < buf.length) {
      let next: number;
      try {
        next = scanner.scan(buf, pos, atEnd);
      } catch (err) {
        throw new CsvRowError((err as Error).message, line);
      }
      if (next < 0) break;
      row.line = line;
      line += scanner.breaks;
      pos = next;
      if (!isBlank(row)) {
        const p = onRow(row);
        if (p) await p;
      }
    }
    return pos;
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onBytes?.(bytes.length);
    const buf = rest ? Buffer.concat([rest, bytes]) : bytes;
    const pos = await emit(buf, false);
    // A copy of the unfinished line, so that the chunk itself is not kept alive.
    rest = pos < buf.length ? Buffer.from(buf.subarray(pos)) : undefined;
  }
  if (rest) await emit(rest, true);
  return line - 1;
}

class RowScanner {
  readonly row: CsvRow = { buf: Buffer.alloc(0), starts: new Int32Array(MAX_FIELDS), ends: new Int32Array(MAX_FIELDS), count: 0, line: 0 };
  /** Line breaks the last row spanned (1, more when quoted fields hold line breaks). */
  breaks = 1;

  /** Scans one row from `pos`: the position after its line break, or -1 when the buffer ends first (unless `atEnd`). */
  scan(buf: Buffer, pos: number, atEnd: boolean): number {
    const { row } = this;
    const { starts, ends } = row;
    const n = buf.length;
    // The line break is found natively; a quoted field may move it further.
    let lineEnd = buf.indexOf(LF, pos);
    if (lineEnd === -1) {
      if (!atEnd) return -1;
      lineEnd = n;
    }
    let f = 0;
    let i = pos;
    let breaks = 1;
    let escaped = false;
    row.buf = buf;
    for (;;) {
      if (f >= MAX_FIELDS) throw new Error(`more than ${MAX_FIELDS} fields`);
      if (buf[i] === QUOTE && i < lineEnd) {
        let q = i + 1;
        for (;;) {
          q = buf.indexOf(QUOTE, q);
          if (q === -1 || (q + 1 >= n && !atEnd)) {
            if (atEnd) throw new Error('unterminated quoted field');
            return -1;
          }
          if (buf[q + 1] !== QUOTE) break;
          escaped = true;
          q += 2;
        }
        for (let k = i + 1; k < q; k++) if (buf[k] === LF) breaks++;
        if (q > lineEnd) {
          lineEnd = buf.indexOf(LF, q);
          if (lineEnd === -1) {
            if (!atEnd) return -1;
            lineEnd = n;
          }
        }
        starts[f] = i + 1;
        ends[f] = q;
        i = q + 1;
        const c = buf[i];
        if (i < lineEnd && c !== COMMA && !(c === CR && i + 1 === lineEnd)) throw new Error('text after a closing quote');
        if (i >= lineEnd || c === CR) break;
        i++;
        f++;
        continue;
      }
      starts[f] = i;
      while (i < lineEnd && buf[i] !== COMMA) i++;
      if (i < lineEnd) {
        ends[f++] = i++;
        continue;
      }
      ends[f] = i > starts[f] && buf[i - 1] === CR ? i - 1 : i;
      break;
    }
    row.count = f + 1;
    this.breaks = breaks;
    if (escaped) unescape(row);
    return Math.min(lineEnd + 1, n);
  }
}

function isBlank(row: CsvRow): boolean {
  const { buf } = row;
  for (let f = 0; f < row.count; f++)
    for (let i = row.starts[f]; i < row.ends[f]; i++) {
      const c = buf[i];
      if (c !== 32 && c !== 9) return false;
    }
  return true;
}

/** A row with doubled quotes: its fields unescaped into a scratch buffer the ranges then point into. */
function unescape(row: CsvRow): void {
  const src = row.buf;
  let size = 0;
  for (let f = 0; f < row.count; f++) size += row.ends[f] - row.starts[f];
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let f = 0; f < row.count; f++) {
    const start = at;
    for (let i = row.starts[f]; i < row.ends[f]; i++) {
      out[at++] = src[i];
      if (src[i] === QUOTE && src[i + 1] === QUOTE) i++;
    }
    row.starts[f] = start;
    row.ends[f] = at;
  }
  row.buf = out;
}
