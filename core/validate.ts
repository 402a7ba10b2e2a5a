// `catalogue validate [<id>]`: everything a contributor's plug-in lacks, as "file: field: why" lines,
// before any import. Problems make it fail; notes are advice (what reviewers will ask for).
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pino from 'pino';
import { syncPluginTypes } from './codegen.ts';
import { loadPlatformPlugins, loadPlugins } from './loader.ts';
import { inspectCatalogue, type Problem } from './manifest.ts';
import { declaredTableProblems } from './validation/declared-tables.ts';
import { codeNameProblems } from './validation/code-names.ts';
import { columnHeaderProblems, dataFiles, sourceFileFindings } from './validation/source-files.ts';
import { PLACEHOLDER } from './scaffold/render.ts';

export interface ValidationReport {
  /** What must be fixed (validate exits non-zero). */
  problems: Problem[];
  /** Advice that does not fail validation. */
  notes: Problem[];
}

export interface ValidateOptions {
  /** Check this dataset only (and the catalogue file). */
  only?: string;
  /** CATALOGUE_DATA_DIR: when set, source files and their headers are checked too. */
  dataDir?: string;
}

/** JSON pointers of the scaffold's placeholder texts still in a manifest. */
function placeholders(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.startsWith(PLACEHOLDER) || value === 'to-be-confirmed' ? [path] : [];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholders(v, `${path}/${k}`));
  return [];
}

/** Every problem and note of the catalogue file and its plug-ins; file names are relative to the catalogue's folder. */
export async function validateProject(catalogueFile: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const { definition, problems: found } = inspectCatalogue(catalogueFile);
  const report: ValidationReport = { problems: [], notes: [] };
  if (!definition) return { ...report, problems: found };
  const root = definition.root;
  const catalogue = relative(root, catalogueFile);
  const chosen = definition.datasets.filter((d) => !options.only || d.id === options.only);
  // Registered but with a manifest too broken to load: its problems are reported below.
  const registered = definition.info.datasets.map((d) => d.id);
  if (options.only && !registered.includes(options.only)) {
    report.problems.push({ file: catalogue, field: '/datasets', reason: `no dataset "${options.only}" is registered (registered: ${registered.join(', ')}): add the line "  - id: ${options.only}"` });
  }
  const entry = definition.info.datasets.find((d) => d.id === options.only);
  const dirs = options.only && entry ? [relative(root, resolve(root, entry.path ?? join('datasets', entry.id))) + '/'] : [];
  report.problems.push(...found.filter((p) => !options.only || p.file === catalogue || dirs.some((d) => p.file.startsWith(d))));
  const known = dataFiles(options.dataDir);
  const loaded = await loadPlugins({ ...definition, datasets: chosen }, pino({ level: 'silent' }));
  for (const d of loaded) {
    const dir = relative(root, d.dir);
    const manifest = join(dir, 'dataset.yaml');
    const add = (p: Problem) => report.problems.push(p);
    if (d.loadError) add({ file: dir, field: 'modules', reason: d.loadError });
    if (!existsSync(join(d.dir, 'README.md'))) add({ file: join(dir, 'README.md'), field: '/', reason: 'missing: say what the dataset is, where its sources come from and how to refresh it' });
    for (const field of placeholders(d.manifest)) report.notes.push({ file: manifest, field, reason: "still the scaffold's placeholder: say what is true" });
    d.manifest.sources.forEach((s, i) => {
      if (!s.url && !s.optional) report.notes.push({ file: manifest, field: `/sources/${i}/url`, reason: "no publisher's download address: an operator without the file cannot fetch it (reviewers will ask for it)" });
      if (s.fixture && !existsSync(join(d.dir, s.fixture))) add({ file: manifest, field: `/sources/${i}/fixture`, reason: `${s.fixture} does not exist` });
    });
    // Without importer.ts, a table the core does not import from a column map would stay empty.
    if (!existsSync(join(d.dir, 'importer.ts')))
      d.manifest.tables.forEach((t, i) => {
        if (t.source === undefined && t.columns === undefined)
          add({ file: manifest, field: `/tables/${i}`, reason: `nothing imports ${t.name}: give it source and columns (a declarative import), or write importer.ts` });
      });
    declaredTableProblems(d, manifest).forEach(add);
    codeNameProblems(d, root).forEach(add);
    const files = sourceFileFindings(d, manifest, options.dataDir, known);
    files.problems.forEach(add);
    report.notes.push(...files.notes);
    (await columnHeaderProblems(d, manifest, root, options.dataDir)).forEach(add);
  }
  if (!options.only)
    for (const p of await loadPlatformPlugins(definition, pino({ level: 'silent' })))
      if (p.loadError) report.problems.push({ file: join(relative(root, p.dir), 'routes.ts'), field: '/', reason: p.loadError });
  if (!options.dataDir && loaded.length > 0) report.notes.push({ file: catalogue, field: '/', reason: 'CATALOGUE_DATA_DIR is not set: source files and their headers were not checked' });
  // Types are regenerated from valid schemas: a plug-in with problems is told those first.
  const clean = chosen.filter((d) => !report.problems.some((p) => p.file.startsWith(relative(root, d.dir) + '/')));
  for (const path of await syncPluginTypes(clean.map((d) => d.dir), true)) report.problems.push({ file: relative(root, path), field: '/', reason: 'stale: run `npm run types`' });
  return report;
}
