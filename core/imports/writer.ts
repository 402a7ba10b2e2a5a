// Writes validated records of one table into the edition being built, in COPY batches.
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ValidateFunction } from 'ajv';
import type { TableWriter } from '../contract.ts';
import { SourceError } from '../contract.ts';
import { describeErrors } from '../schema.ts';

const BATCH = 20_000;

function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return '"' + s.replace(/"/g, '""') + '"';
}

export class CopyTableWriter implements TableWriter {
  private buffer: string[] = [];
  private written = 0;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly table: string,
    private readonly columns: string[],
    private readonly validate: ValidateFunction,
    private readonly editionId: number,
    private readonly onRows: (n: number) => void,
  ) {}

  get count(): number {
    return this.written + this.buffer.length;
  }

  async write(record: Record<string, unknown>, where: { file?: string; line?: number } = {}): Promise<void> {
    if (!this.validate(record)) {
      const [first] = describeErrors(this.validate.errors);
      const field = first.field.replace(/^\//, '');
      const value = record[field.split('/')[0]];
      throw new SourceError(`${field} ${first.reason}${value === undefined ? '' : ` (value: ${JSON.stringify(value)})`}`, where.file, where.line, field);
    }
    let line = String(this.editionId);
    for (const c of this.columns) line += ',' + csvValue(record[c]);
    this.buffer.push(line);
    if (this.buffer.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const cols = ['edition_id', ...this.columns].map((c) => `"${c}"`).join(', ');
    const stream = this.client.query(copyFrom(`COPY "${this.table}" (${cols}) FROM STDIN WITH (FORMAT csv)`));
    await pipeline(Readable.from([rows.join('\n') + '\n']), stream);
    this.written += rows.length;
    this.onRows(rows.length);
  }
}
