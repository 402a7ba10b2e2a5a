// What `validate` checks against the files themselves, when they are at hand: that each declared
// source file is where the manifest says (a misspelt path is named, with the file meant), and that
// every column a column map reads is in the header of the fixture and of the real file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DatasetDefinition, Problem } from '../manifest.ts';
import { columnSpec } from '../imports/columns.ts';
import { csvOptionsOf, normaliseHeader, readCsvHeader } from '../imports/csv.ts';
import { closest, didYouMean } from '../suggest.ts';

/** Files under a folder, as paths relative to it (bounded: a data folder can be large). */
function filesUnder(dir: string, depth = 4, limit = 20_000): string[] {
  const out: string[] = [];
  const walk = (sub: string, level: number) => {
    if (out.length >= limit || level > depth) return;
    let entries: string[];
    try {
      entries = readdirSync(join(dir, sub));
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = sub ? `${sub}/${e}` : e;
      if (statSync(join(dir, rel), { throwIfNoEntry: false })?.isDirectory()) walk(rel, level + 1);
      else out.push(rel);
    }
  };
  walk('', 0);
  return out;
}

export interface FileFindings {
  problems: Problem[];
  notes: Problem[];
}

/** Declared source files missing from CATALOGUE_DATA_DIR: a misspelling or a file with no way to get it is a problem. */
export function sourceFileFindings(def: DatasetDefinition, file: string, dataDir: string | undefined, known: () => string[]): FileFindings {
  const found: FileFindings = { problems: [], notes: [] };
  if (!dataDir) return found;
  def.manifest.sources.forEach((s, i) =>
    s.files.forEach((f, j) => {
      if (existsSync(join(dataDir, f))) return;
      const field = `/sources/${i}/files/${j}`;
      // A few edits away from a file that is there: a misspelling (long paths differ in more by chance).
      const meant = closest(f, known(), 3);
      if (meant) found.problems.push({ file, field, reason: `${f} is not in CATALOGUE_DATA_DIR (${dataDir}): did you mean ${meant}?` });
      else if (!s.optional && !s.url)
        found.problems.push({ file, field, reason: `${f} is not in CATALOGUE_DATA_DIR (${dataDir}), and the source has no url to download it from: put it there, or fix the path` });
      else if (!s.optional) found.notes.push({ file, field, reason: `${f} is not in CATALOGUE_DATA_DIR: an import will download it from ${s.url}` });
    }),
  );
  return found;
}

/** Mapped columns absent from the header of the fixture or of the real file (those present). */
export async function columnHeaderProblems(def: DatasetDefinition, file: string, root: string, dataDir: string | undefined): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [i, t] of def.manifest.tables.entries()) {
    const source = def.manifest.sources.find((s) => s.name === t.source);
    if (!source || source.format !== 'csv' || !t.columns) continue;
    const paths = [
      ...(source.fixture ? [join(def.dir, source.fixture)] : []),
      ...(dataDir ? source.files.map((f) => join(dataDir, f)) : []),
    ].filter((p) => existsSync(p));
    for (const path of paths) {
      let header: string[];
      try {
        header = await readCsvHeader(path, csvOptionsOf(source));
      } catch (err) {
        problems.push({ file, field: `/tables/${i}/source`, reason: `${relative(root, path)} cannot be read as CSV: ${(err as Error).message}` });
        continue;
      }
      for (const [field, raw] of Object.entries(t.columns)) {
        const column = columnSpec(raw).column;
        if (column === undefined || header.includes(normaliseHeader(column))) continue;
        problems.push({
          file,
          field: `/tables/${i}/columns/${field}`,
          reason: `column "${column}" is not in the header of ${relative(root, path)}${didYouMean(normaliseHeader(column), header)} (its columns: ${header.filter(Boolean).join(', ')})`,
        });
      }
    }
  }
  return problems;
}

/** The files of a data folder, listed once and only when a declared file is missing. */
export function dataFiles(dataDir: string | undefined): () => string[] {
  let files: string[] | undefined;
  return () => (files ??= dataDir ? filesUnder(dataDir) : []);
}
