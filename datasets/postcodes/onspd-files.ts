// The ONSPD as ONS publishes it: one UK CSV, the per-area CSVs of Data/multi_csv/, a folder
// holding either, or the published .zip.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SourceError } from '../../core/contract.ts';

export interface CsvEntry {
  name: string;
  bytes: number;
  open(): Promise<NodeJS.ReadableStream>;
}

const isUkCsv = (n: string) => /\.csv$/i.test(n) && /(^|\/)Data\/[^/]+\.csv$/i.test(n) && !/multi_csv/i.test(n);
const isAreaCsv = (n: string) => /\.csv$/i.test(n) && /multi_csv\/[^/]+\.csv$/i.test(n);

/** The ONSPD CSV files inside a source path: a CSV, a folder or the published zip. */
export async function csvEntries(path: string, open: (p: string) => NodeJS.ReadableStream): Promise<CsvEntry[]> {
  if (statSync(path).isDirectory()) {
    const all: string[] = [];
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
        else if (/\.csv$/i.test(e.name)) all.push(`${rel}${e.name}`);
      }
    };
    walk(path, '');
    const chosen = pickData(all) ?? all.sort();
    return chosen.map((n) => ({ name: join(path, n), bytes: statSync(join(path, n)).size, open: async () => open(join(path, n)) }));
  }
  if (/\.zip$/i.test(path)) {
    const unzipper = await import('unzipper');
    const dir = await unzipper.Open.file(path);
    const files = dir.files.filter((f) => f.type === 'File');
    const chosen = pickData(files.map((f) => f.path));
    if (!chosen || chosen.length === 0)
      throw new SourceError('the zip holds no ONSPD data CSV (expected Data/ONSPD_*_UK.csv or Data/multi_csv/*.csv)', path);
    return chosen.map((n) => {
      const f = files.find((x) => x.path === n)!;
      return { name: `${basename(path)}:${n}`, bytes: f.uncompressedSize, open: async () => f.stream() as unknown as NodeJS.ReadableStream };
    });
  }
  return [{ name: path, bytes: statSync(path).size, open: async () => open(path) }];
}

/** The UK-wide CSV when present (it holds every row), otherwise every per-area CSV. */
function pickData(names: string[]): string[] | undefined {
  const uk = names.filter(isUkCsv);
  if (uk.length === 1) return uk;
  const areas = names.filter(isAreaCsv).sort();
  if (areas.length > 0) return areas;
  return uk.length > 0 ? uk.sort() : undefined;
}
