// The uploaded bytes, as they arrive: counted (for progress), bounded (a file larger than the
// limit is refused), and sniffed from their first bytes (CSV, XLSX, or something else refused).
import { Readable, Transform } from 'node:stream';
import { Problem, badRequest } from '../../../core/sdk/problem.ts';

export const MAX_UPLOAD_BYTES = 128 * 1024 * 1024;

export type FileKind = 'csv' | 'xlsx';

/** Counts the bytes passing through; fails the stream past `limit`. */
export class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly limit = MAX_UPLOAD_BYTES) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new Problem(413, 'File too large', `the file is larger than ${this.limit / 1024 / 1024} MiB`));
    done(null, chunk);
  }
}

/** The first bytes of a stream (at least `min`, unless it ends first) and the whole stream again. */
export async function peek(stream: Readable, min = 64 * 1024): Promise<{ head: Buffer; stream: Readable }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < min) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    chunks.push(r.value);
    size += r.value.length;
  }
  const head = Buffer.concat(chunks);
  const rest = Readable.from(
    (async function* () {
      if (head.length) yield head;
      if (ended) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    })(),
    { objectMode: false },
  );
  return { head, stream: rest };
}

/** What the file is, from its first bytes (and its name or type when they say XLSX). */
export function sniff(head: Buffer): FileKind {
  if (head.length === 0) throw badRequest('the file is empty');
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw badRequest('this is an Excel 97-2003 (.xls) file: save it as .xlsx or as CSV and upload that');
  if (head.subarray(0, 4096).includes(0)) throw badRequest('this is not a CSV or XLSX file (it contains binary data)');
  return 'csv';
}
