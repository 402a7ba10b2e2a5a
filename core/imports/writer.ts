// Writes validated records of one table into the edition being built, through one COPY stream
// that stays open while records arrive (PostgreSQL parses and indexes while the importer reads on).
// One connection carries one COPY at a time: a writer of another table, or a raw query of the
// importer, first closes the open COPY (see CopySession).
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { ValidateFunction } from 'ajv';
import type { TableWriter } from '../contract.ts';
import { SourceError } from '../contract.ts';
import { describeErrors } from '../schema.ts';
import { compileFlatCheck, type FlatCheck } from './flat-check.ts';

/** Bytes of CSV handed to the COPY stream at a time. */
const CHUNK = 256 * 1024;
/** Records between progress reports. */
const REPORT = 20_000;
const NEEDS_QUOTES = /[",\r\n\\]/;

function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  // Unquoted values are taken as they are; an empty string must be quoted (unquoted empty is NULL).
  if (s !== '' && !NEEDS_QUOTES.test(s)) return s;
  return '"' + s.replace(/"/g, '""') + '"';
}

/** The connection's one open COPY, if any. */
export class CopySession {
  active: CopyTableWriter | undefined;
  /** Ends the open COPY (before another statement uses the connection). */
  async release(): Promise<void> {
    const w = this.active;
    this.active = undefined;
    if (w) await w.close();
  }
  /** Abandons the open COPY (CopyFail), so the connection can roll back. */
  async abort(): Promise<void> {
    const w = this.active;
    this.active = undefined;
    if (w) await w.abort();
  }
}

export class CopyTableWriter implements TableWriter {
  private written = 0;
  private queued = 0;
  /** Lines queued for the COPY stream, and their length. */
  private lines: string[] = [];
  private bytes = 0;
  /** One record as a CSV line (edition id first), compiled for the table's columns. */
  private readonly encode: (record: Record<string, unknown>) => string;
  private stream: Writable | undefined;
  private failure: Error | undefined;
  private readonly check: FlatCheck | undefined;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly table: string,
    private readonly columns: string[],
    private readonly validate: ValidateFunction,
    private readonly editionId: number,
    private readonly onRows: (n: number) => void,
    private readonly session: CopySession = new CopySession(),
  ) {
    // A fast check for flat record schemas; ajv still decides (and words the error) when it fails.
    this.check = compileFlatCheck(validate.schema);
    // Named property loads (r["col"]) instead of r[columns[i]]: several times faster per row.
    const body = columns.map((c) => `v(r[${JSON.stringify(c)}])`).join(" + ',' + ");
    this.encode = new Function('v', 'prefix', `return (r) => prefix${columns.length ? ` + ${body}` : ''};`)(csvValue, `${editionId}${columns.length ? ',' : ''}`);
  }

  get count(): number {
    return this.written + this.queued;
  }

  async write(record: Record<string, unknown>, where: { file?: string; line?: number } = {}): Promise<void> {
    if (!(this.check ? this.check(record) || this.validate(record) : this.validate(record))) {
      const [first] = describeErrors(this.validate.errors);
      const field = first.field.replace(/^\//, '');
      const value = record[field.split('/')[0]];
      throw new SourceError(`${field} ${first.reason}${value === undefined ? '' : ` (value: ${JSON.stringify(value)})`}`, where.file, where.line, field);
    }
    const line = this.encode(record);
    this.lines.push(line);
    this.bytes += line.length + 1;
    this.queued++;
    if (this.queued >= REPORT) this.report();
    if (this.bytes >= CHUNK) await this.send();
  }

  private report(): void {
    if (this.queued === 0) return;
    this.written += this.queued;
    this.onRows(this.queued);
    this.queued = 0;
  }

  private open(): Writable {
    const cols = ['edition_id', ...this.columns].map((c) => `"${c}"`).join(', ');
    const stream = this.client.query(copyFrom(`COPY "${this.table}" (${cols}) FROM STDIN WITH (FORMAT csv)`));
    stream.on('error', (err: Error) => (this.failure ??= err));
    return stream;
  }

  private async send(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.session.active !== this) {
      await this.session.release();
      this.session.active = this;
    }
    const stream = (this.stream ??= this.open());
    const data = this.lines.join('\n') + '\n';
    this.lines = [];
    this.bytes = 0;
    if (!stream.write(data)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
        stream.on('close', done);
      });
    }
    if (this.failure) throw this.failure;
  }

  /** Ends this writer's COPY (it reopens on the next record). */
  async close(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    if (this.session.active === this) this.session.active = undefined;
    if (!stream) return;
    stream.end();
    try {
      await finished(stream);
    } catch (err) {
      this.failure ??= err as Error;
    }
    if (this.failure) throw this.failure;
  }

  /** Abandons this writer's COPY after a failure elsewhere (the server discards it). */
  async abort(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    this.lines = [];
    this.bytes = 0;
    if (!stream) return;
    stream.destroy(new Error('import abandoned'));
    await finished(stream).catch(() => undefined);
  }

  /** Sends what is queued and ends the COPY: every record written so far is in the table. */
  async flush(): Promise<void> {
    if (this.lines.length > 0) await this.send();
    await this.close();
    this.report();
  }
}
