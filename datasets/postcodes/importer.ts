// Imports the ONS Postcode Directory (every file of the `onspd` source: CSVs, folders or the
// published zip) and the optional code→name tables into one new edition.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DatasetImporter } from '../../core/contract.ts';
import { SourceError } from '../../core/contract.ts';
import { csvEntries, lineBatches, mapHeader, splitLine, toRecord, type Mapping } from './onspd.ts';
import { NAME_TABLES } from './names.ts';

const EMPTY = /^[,\s]*$/;
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

  for (const entry of entries) {
    const file = entry.name;
    const fromZip = file.includes('.zip:');
    const stream = await entry.open();
    let map: Mapping | undefined;
    let width = 0;
    let count = 0;
    const onBytes = fromZip ? (n: number) => ctx.progress((done += n) / total, basename(file)) : undefined;
    for await (const batch of lineBatches(stream, onBytes)) {
      for (let i = 0; i < batch.lines.length; i++) {
        const text = batch.lines[i];
        const line = batch.first + i;
        if (!map) {
          const header = splitLine(text);
          map = mapHeader(header, file);
          width = header.length;
          continue;
        }
        if (text === '' || EMPTY.test(text)) continue;
        let values: string[];
        try {
          values = splitLine(text);
        } catch (err) {
          throw new SourceError(`malformed CSV row: ${(err as Error).message}`, file, line);
        }
        if (values.length !== width) throw new SourceError(`row has ${values.length} fields, the header ${width}`, file, line);
        const record = toRecord(values, map, file, line);
        if (record.lat === null) noGrid++;
        if (record.doterm !== null) terminated++;
        await postcodes.write(record as unknown as Record<string, unknown>, { file, line });
        count++;
      }
      await breathe(); // let the event loop run between chunks (imports may run inside the API process)
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
