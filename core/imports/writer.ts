// Writes validated records of one table into the edition being built, through one COPY stream
// that stays open while records arrive (PostgreSQL stores them while the importer reads on). The
// rows go into the edition's own partition, created unindexed in the import transaction and
// attached (indexes built) at the end (see db/partitions.ts). One connection carries one COPY at a
// time: a writer of another table, or a raw query of the importer, first closes the open COPY
// (see CopySession); a raw query also attaches what was written, so that it sees those rows.
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { ValidateFunction } from 'ajv';
import type { TableWriter } from '../contract.ts';
import { SourceError } from '../contract.ts';
import { describeErrors } from '../schema.ts';
import { compileFlatCheck, type FlatCheck } from './flat-check.ts';
import { ByteRowEncoder } from './byte-encoder.ts';
import { attachEditionPartition, createEditionPartition, partitionName } from '../db/partitions.ts';

/** Bytes of CSV handed to the COPY stream at a time. */
const CHUNK = 256 * 1024;
/** Bytes handed to the COPY stream and not yet sent before the writer waits. */
const IN_FLIGHT = 4 << 20;
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

/** The connection's one open COPY, if any, and every writer of the import. */
export class CopySession {
  active: CopyTableWriter | undefined;
  readonly writers = new Set<CopyTableWriter>();
  /** Ends the open COPY (before another statement uses the connection). */
  async release(): Promise<void> {
    const w = this.active;
    this.active = undefined;
    if (w) await w.close();
  }
  /** Sends every record written so far and attaches the partitions (before the importer queries its own tables). */
  async settle(): Promise<void> {
    await this.release();
    for (const w of this.writers) await w.flush();
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
  /** Rows given as byte ranges (writeFields), encoded straight into COPY bytes. */
  private encoder: ByteRowEncoder | undefined;
  /** The edition's partition: not yet created, created (being loaded) or attached. */
  private partition: 'none' | 'created' | 'attached' = 'none';

  constructor(
    private readonly client: pg.ClientBase,
    private readonly table: string,
    readonly columns: string[],
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
    session.writers.add(this);
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

  writeFields(buf: Buffer, starts: Int32Array, ends: Int32Array, where?: { file?: string; line?: number }): Promise<void> | undefined {
    const encoder = (this.encoder ??= new ByteRowEncoder(this.validate.schema as Record<string, unknown>, this.columns, this.editionId));
    // Whatever the byte check cannot pass goes the record way (ajv decides and words the error).
    if (!encoder.add(buf, starts, ends)) return this.write(encoder.record(buf, starts, ends), where);
    this.queued++;
    if (this.queued >= REPORT) this.report();
    if (encoder.size >= CHUNK) return this.send();
    return undefined;
  }

  private report(): void {
    if (this.queued === 0) return;
    this.written += this.queued;
    this.onRows(this.queued);
    this.queued = 0;
  }

  private async open(): Promise<Writable> {
    if (this.partition === 'none') {
      await createEditionPartition((sql) => this.client.query(sql), this.table, this.editionId);
      this.partition = 'created';
    }
    const target = partitionName(this.table, this.editionId);
    const cols = ['edition_id', ...this.columns].map((c) => `"${c}"`).join(', ');
    // FREEZE: the partition was created in this transaction, so its rows need no later freezing.
    const stream = this.client.query(copyFrom(`COPY "${target}" (${cols}) FROM STDIN WITH (FORMAT csv, FREEZE)`));
    stream.on('error', (err: Error) => (this.failure ??= err));
    return stream;
  }

  /** Attaches the partition loaded so far to the table (building its indexes); later rows go on into it. */
  async attach(): Promise<void> {
    if (this.partition !== 'created') return;
    if (this.session.active === this) await this.session.release();
    await attachEditionPartition((sql) => this.client.query(sql), this.table, this.editionId);
    this.partition = 'attached';
  }

  private async send(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.session.active !== this) {
      await this.session.release();
      this.session.active = this;
    }
    const stream = (this.stream ??= await this.open());
    let ok = true;
    if (this.lines.length > 0) {
      ok = stream.write(this.lines.join('\n') + '\n');
      this.lines = [];
      this.bytes = 0;
    }
    if (this.encoder && this.encoder.size > 0) ok = stream.write(this.encoder.take()) && ok;
    // Waiting only beyond IN_FLIGHT keeps both sides busy: PostgreSQL has data while we read on.
    if (!ok && stream.writableLength >= IN_FLIGHT) {
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
    this.encoder?.take();
    if (!stream) return;
    stream.destroy(new Error('import abandoned'));
    await finished(stream).catch(() => undefined);
  }

  /** Sends what is queued, ends the COPY and attaches the partition: every record written so far is in the table. */
  async flush(): Promise<void> {
    if (this.lines.length > 0 || (this.encoder?.size ?? 0) > 0) await this.send();
    await this.close();
    await this.attach();
    this.report();
  }
}
