// Imports the ONS Postcode Directory (every file of the `onspd` source: CSVs, folders or the
// published zip) and the optional code→name tables into one new edition.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvRowError, SourceError, scanCsv, type CsvRow, type DatasetImporter } from '../../core/contract.ts';
import { mapHeader, toRecord, type Mapping } from './onspd.ts';
import { csvEntries } from './onspd-files.ts';
import { compileRowPlan, type RowPlan } from './fast-row.ts';
import { NAME_TABLES } from './names.ts';

/** Every field of a row as a string (the header, and rows going the record way). */
const fieldsOf = (row: CsvRow) => Array.from({ length: row.count }, (_, k) => row.buf.toString('utf8', row.starts[k], row.ends[k]));
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const importer: DatasetImporter = async (ctx) => {
  const started = Date.now();
  const postcodes = ctx.table('postcodes');
  const entries = [];
  for (const path of ctx.sources.onspd ?? []) entries.push(...(await csvEntries(path, ctx.openSource)));
  if (entries.length === 0) throw new SourceError('the onspd source has no file');
  const total = entries.reduce((n, e) => n + e.bytes, 0);
  let done = 0;
  let noGrid = 0;
  let terminated = 0;
  const perFile: Record<string, number> = {};
  let label: string | undefined;

  const columns = postcodes.columns;
  const latAt = columns.indexOf('lat');
  const dotermAt = columns.indexOf('doterm');
  const starts = new Int32Array(columns.length);
  const ends = new Int32Array(columns.length);
  for (const entry of entries) {
    const file = entry.name;
    const where = { file, line: 0 };
    const fromZip = file.includes('.zip:');
    let map: Mapping | undefined;
    let plan: RowPlan | undefined;
    let width = 0;
    let count = 0;
    const onBytes = fromZip ? (n: number) => ctx.progress((done += n) / total, basename(file)) : undefined;
    const onRow = (row: CsvRow): Promise<void> | undefined => {
      if (!map) {
        const header = fieldsOf(row);
        map = mapHeader(header, file);
        plan = compileRowPlan(map, columns);
        width = header.length;
        return undefined;
      }
      if (row.count !== width) throw new SourceError(`row has ${row.count} fields, the header ${width}`, file, row.line);
      where.line = row.line;
      count++;
      // Imports may run inside the API process: let the event loop turn now and then.
      if ((count & 0x3fff) === 0) return breathe().then(() => writeRow(row));
      return writeRow(row);
    };
    const writeRow = (row: CsvRow): Promise<void> | undefined => {
      if (plan!(row, starts, ends)) {
        if (starts[latAt] < 0 || starts[latAt] === ends[latAt]) noGrid++;
        if (starts[dotermAt] >= 0 && ends[dotermAt] > starts[dotermAt]) terminated++;
        return postcodes.writeFields(row.buf, starts, ends, where);
      }
      const record = toRecord(fieldsOf(row), map!, file, row.line);
      if (record.lat === null) noGrid++;
      if (record.doterm !== null) terminated++;
      return postcodes.write(record as unknown as Record<string, unknown>, where);
    };
    try {
      await scanCsv((await entry.open()) as AsyncIterable<Buffer>, onRow, onBytes);
    } catch (err) {
      if (err instanceof CsvRowError) throw new SourceError(`malformed CSV row: ${err.message}`, file, err.line);
      throw err;
    }
    if (!map) throw new SourceError('the file has no header row', file, 0);
    perFile[basename(file)] = count;
    label ??= editionLabel(file);
  }
  ctx.log.info({ rows: postcodes.count, seconds: (Date.now() - started) / 1000 }, 'postcode rows read and sent');
  if (noGrid > 0) ctx.warn('no_grid_reference', `${noGrid} postcode(s) have no grid reference: their coordinates are null`);

  // Names of geography codes (optional: the import proceeds without them).
  const names = ctx.table('names');
  const loaded: string[] = [];
  for (const path of ctx.sources.geography_names ?? []) {
    const table = NAME_TABLES[basename(path)];
    if (!table) continue;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new SourceError(`not valid JSON: ${(err as Error).message}`, path);
    }
    for (const [code, value] of Object.entries(data)) {
      const name = typeof value === 'string' ? value : (value as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || name.trim() === '') continue;
      for (const field of table.fields) await names.write({ field, code, name: name.replace(/\s+/g, ' ').trim() }, { file: path });
      if (names.count % 2000 === 0) await breathe();
    }
    loaded.push(basename(path));
  }
  ctx.log.info({ seconds: (Date.now() - started) / 1000 }, 'names read');
  if (loaded.length === 0) ctx.warn('no_names', 'no geography name tables found: codes are served without names');

  return {
    label: label ?? ctx.manifest.edition,
    metadata: { files: perFile, postcodes: postcodes.count, terminated, without_grid_reference: noGrid, name_tables: loaded },
  };
};

/** "ONSPD_MAY_2025_UK.csv" → "ONSPD May 2025"; undefined for other names. */
function editionLabel(file: string): string | undefined {
  const m = /ONSPD_([A-Z]{3})_(\d{4})/i.exec(file);
  return m ? `ONSPD ${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()} ${m[2]}` : undefined;
}

export default importer;
