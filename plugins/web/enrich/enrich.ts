// The enrich pipeline: the first sheet's header names the postcode column; its rows are looked
// up in batches of up to 1,000 through the deprivation service and written out, each with the
// deprivation columns appended, as soon as its batch is answered (the output waits when the client
// reads slowly, so memory holds one batch whatever the size of the file). Other sheets of a
// workbook are copied as they are.
import { badRequest } from '../../../core/sdk/problem.ts';
import { MAX_BULK } from '../../../core/sdk/postcode-lists.ts';
import { addedCells, addedHeader, postcodeColumn, type DeprivationAnswer } from './columns.ts';
import type { Cell, Row, SheetReader, SheetWriter } from './sheets.ts';
import { cellText } from './xlsx.ts';

export const MAX_ROWS = 100_000;
/** Rows before the header that are empty, at most (a sheet of blank rows is an empty file). */
const MAX_LEADING = 100;

export type Lookup = (postcodes: string[]) => Promise<DeprivationAnswer[]>;

const blank = (cells: Cell[]) => cells.every((c) => cellText(c).trim() === '');

/** The row's cells spread to the header's width, so the added columns line up. */
function aligned(cells: Cell[], width: number): Cell[] {
  if (cells.length >= width) return cells;
  const out = cells.slice();
  while (out.length < width) out.push(null);
  return out;
}

export interface Prepared {
  /** Writes the whole enriched file; calls progress(rows) after each batch; resolves with the number of data rows. */
  run(progress: (rows: number) => void, stopped: () => boolean): Promise<number>;
}

/** Reads up to the header (so that a file without a usable header is refused before any output). */
export async function prepare(reader: SheetReader, writer: SheetWriter, column: string | undefined, lookup: Lookup): Promise<Prepared> {
  const sheets = reader.sheets()[Symbol.asyncIterator]();
  const first = await sheets.next();
  if (first.done) throw badRequest('the file has no sheet');
  const rows = first.value.rows[Symbol.asyncIterator]();
  const leading: Row[] = [];
  let head = await rows.next();
  while (!head.done && blank(head.value.cells) && leading.length < MAX_LEADING) {
    leading.push(head.value);
    head = await rows.next();
  }
  if (head.done || blank(head.value.cells)) throw badRequest('the file is empty: it needs a header row, then one row per patient');
  const header = head.value;
  const index = postcodeColumn(header.cells, column);
  const width = header.cells.length;
  // The first batch is read before the answer starts: a file that is not CSV beyond its header is
  // then refused with a 400 like the others, not cut off mid-answer.
  const firstBatch: Row[] = [];
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    firstBatch.push(next.value);
    if (firstBatch.length === MAX_BULK) break;
  }

  return {
    async run(progress, stopped) {
      writer.startSheet(first.value.name);
      for (const r of leading) writer.row(r.cells, r.number);
      writer.row([...header.cells, ...addedHeader(header.cells)], header.number);
      let batch: Row[] = firstBatch;
      let count = firstBatch.length;
      const flush = async () => {
        const postcodes: string[] = [];
        const at: number[] = [];
        batch.forEach((r, i) => {
          const p = cellText(r.cells[index]).trim();
          if (p) {
            postcodes.push(p);
            at.push(i);
          }
        });
        const answers = postcodes.length ? await lookup(postcodes) : [];
        const byRow: (DeprivationAnswer | null)[] = new Array(batch.length).fill(null);
        at.forEach((i, j) => (byRow[i] = answers[j]));
        batch.forEach((r, i) => writer.row([...aligned(r.cells, width), ...addedCells(byRow[i])], r.number));
        batch = [];
        progress(count);
        await writer.drained();
      };
      if (batch.length === MAX_BULK) await flush();
      for (;;) {
        const next = await rows.next();
        if (next.done || stopped()) break;
        if (++count > MAX_ROWS) throw badRequest(`the file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows: split it and send the parts one by one`);
        batch.push(next.value);
        if (batch.length === MAX_BULK) await flush();
      }
      if (batch.length) await flush();
      let copied = 0;
      for (let s = 1, sheet = await sheets.next(); !sheet.done && !stopped() && s < writer.sheets; s++, sheet = await sheets.next()) {
        writer.startSheet(sheet.value.name);
        for await (const r of sheet.value.rows) {
          if (++copied > MAX_ROWS) throw badRequest(`the other sheets of the workbook have more than ${MAX_ROWS.toLocaleString('en-GB')} rows`);
          if (writer.row(r.cells, r.number) === false) await writer.drained();
        }
      }
      await writer.end();
      return count;
    },
  };
}
