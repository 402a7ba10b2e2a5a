// The answer the page's script reads while a file is enriched: newline-delimited JSON frames,
// {"type":"progress","rows":n,"fraction":f}, {"type":"data","base64":…} (the output file, in
// order), then {"type":"done",…} or {"type":"error",…}. The server stays stateless (no job to
// poll on another replica); the browser assembles the file and offers it for download.
import { PassThrough, type Readable } from 'node:stream';

export interface Frames {
  stream: PassThrough;
  progress(rows: number, fraction: number | null): void;
  done(rows: number, filename: string, contentType: string): void;
  error(title: string, detail: string): void;
}

export function framesOf(file: Readable): Frames {
  const out = new PassThrough();
  const line = (frame: Record<string, unknown>) => out.write(`${JSON.stringify(frame)}\n`);
  let finish: (() => void) | null = null;
  const fileEnded = new Promise<void>((done) => (finish = done));
  // The file's chunks (a row each, for CSV) go out in frames of up to 64 KB.
  let pending: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (!size) return true;
    const ok = line({ type: 'data', base64: Buffer.concat(pending).toString('base64') });
    pending = [];
    size = 0;
    return ok;
  };
  file.on('data', (chunk: Buffer) => {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 64 * 1024 && !flush()) {
      file.pause();
      out.once('drain', () => file.resume());
    }
  });
  file.once('end', () => {
    flush();
    finish!();
  });
  file.once('error', () => finish!());
  out.once('close', () => file.destroy());
  return {
    stream: out,
    progress: (rows, fraction) => {
      flush();
      line({ type: 'progress', rows, fraction });
    },
    done: (rows, filename, contentType) => void fileEnded.then(() => out.end(`${JSON.stringify({ type: 'done', rows, filename, contentType })}\n`)),
    error: (title, detail) => out.end(`${JSON.stringify({ type: 'error', title, detail })}\n`),
  };
}
