// What the enrich pipeline reads and writes: sheets of rows of cells, whatever the file format.
import type { Readable } from 'node:stream';

/** A cell as read: text (CSV), or what a spreadsheet holds (number, date, boolean, text). */
export type Cell = string | number | boolean | Date | null | undefined | Record<string, unknown>;

export interface Row {
  cells: Cell[];
  /** 1-based row number in the sheet, when the format skips empty rows (XLSX). */
  number?: number;
}

export interface Sheet {
  name: string;
  rows: AsyncIterable<Row>;
}

export interface SheetReader {
  /** Sheets in order: the first is enriched, any other is copied as it is. */
  sheets(): AsyncIterable<Sheet>;
  /** Fraction (0..1) of the file read so far, when the reader knows it better than the upload does. */
  progress?(): number | null;
  close?(): Promise<void>;
}

export interface SheetWriter {
  stream: Readable;
  contentType: string;
  extension: string;
  /** How many sheets the format holds (CSV: one; the other sheets of a workbook are then left out). */
  sheets: number;
  startSheet(name: string): void;
  /** false when the output is full: await drained() before the next batch. */
  row(cells: Cell[], number?: number): boolean | void;
  drained(): Promise<void>;
  end(): Promise<void>;
  fail(err: Error): void;
}

/** Resolves when a full stream can take more, or is gone (a client that went away never drains it). */
export function drainedOf(stream: NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean }, full: boolean): Promise<void> {
  if (!full || stream.destroyed) return Promise.resolve();
  return new Promise((done) => {
    const end = () => {
      stream.off('drain', end);
      stream.off('close', end);
      done();
    };
    stream.once('drain', end);
    stream.once('close', end);
  });
}
