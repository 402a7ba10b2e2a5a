// `catalogue new <id> [--from file.csv] [--dir folder]`: a new plug-in, written where it is told
// (default: datasets/<id> beside catalogue.yaml) and registered by one line in the catalogue.
//   --from file.csv  a declarative plug-in proposed from the file (no TypeScript but the generated
//                    types): it validates, imports and serves the file as created.
//   (no --from)      a plug-in with its own importer.ts, passing the conformance suite on its fixture.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { syncPluginTypes } from './codegen.ts';
import { addCatalogueEntry } from './scaffold/catalogue-entry.ts';
import { codePlugin } from './scaffold/code-plugin.ts';
import { findKey, profileCsv } from './scaffold/profile.ts';
import { propose } from './scaffold/propose.ts';
import { fixtureCsv, fixturePath, fixtureReadme, manifestYaml, readme, schemaJson } from './scaffold/render.ts';

export interface ScaffoldOptions {
  id: string;
  catalogueFile: string;
  /** The plug-in folder to create; default datasets/<id> beside the catalogue file. */
  dir?: string;
  /** A CSV file to propose a declarative plug-in from. */
  from?: string;
  /** CATALOGUE_DATA_DIR: a file under it is named relative to it in the manifest. */
  dataDir?: string;
  /** Table name (default: areas when the key is a GSS code, else records). */
  table?: string;
  /** Header lines of the CSV (2 for a grouped two-row header). */
  headerRows?: number;
}

export interface Scaffolded {
  dir: string;
  /** Files written, relative to the catalogue file's folder. */
  files: string[];
  /** What the contributor should know next (one line each). */
  notes: string[];
}

const ID = /^[a-z][a-z0-9-]{1,40}$/;

/** The manifest's name for a source file: relative to CATALOGUE_DATA_DIR when it lies there. */
function declaredPath(file: string, dataDir: string | undefined): { name: string; inside: boolean } {
  const rel = dataDir ? relative(dataDir, file) : '';
  const inside = Boolean(dataDir) && rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  return { name: inside ? rel.split(sep).join('/') : file.split(sep).pop()!, inside };
}

async function declarativePlugin(o: ScaffoldOptions & { from: string }, notes: string[]): Promise<Record<string, string>> {
  if (!existsSync(o.from)) throw new Error(`${o.from} does not exist`);
  const profile = await profileCsv(o.from, o.headerRows ?? 1);
  if (profile.rows === 0) throw new Error(`${o.from} has a header but no rows: nothing to propose a schema from`);
  const key = await findKey(o.from, profile);
  if (!key) throw new Error(`${o.from}: no column, and no pair of columns, is unique and filled on every row; the scaffold cannot propose a primary key`);
  const proposal = propose(profile, key, o.table);
  const { name, inside } = declaredPath(o.from, o.dataDir);
  if (!inside)
    notes.push(`${o.from} is not under CATALOGUE_DATA_DIR${o.dataDir ? ` (${o.dataDir})` : ' (not set)'}: put it there as ${name}, or import it with --source ${o.from}`);
  const d = { id: o.id, file: name, readFrom: o.from, profile, proposal };
  return {
    'dataset.yaml': manifestYaml(d),
    [`schemas/${proposal.table}.json`]: schemaJson(d),
    [fixturePath(name)]: fixtureCsv(d),
    'fixtures/README.md': fixtureReadme(d),
    'README.md': readme(d),
  };
}

export async function scaffoldDataset(o: ScaffoldOptions): Promise<Scaffolded> {
  if (!ID.test(o.id)) throw new Error(`"${o.id}" is not a valid id: 2 to 41 lower-case letters, digits and dashes, starting with a letter`);
  const base = dirname(resolve(o.catalogueFile));
  const dir = resolve(o.dir ?? join(base, 'datasets', o.id));
  if (existsSync(dir)) throw new Error(`${relative(base, dir) || dir} already exists`);
  const catalogue = readFileSync(o.catalogueFile, 'utf8');
  const conventional = dir === join(base, 'datasets', o.id);
  const updated = addCatalogueEntry(catalogue, { id: o.id, ...(conventional ? {} : { path: relative(base, dir) }) });
  const notes: string[] = [];
  const contract = relative(dir, join(import.meta.dirname, 'contract.ts')).split(sep).join('/');
  const files = o.from ? await declarativePlugin({ ...o, from: resolve(o.from) }, notes) : codePlugin(o.id, contract.startsWith('.') ? contract : `./${contract}`);
  const written: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    written.push(relative(base, full));
  }
  writeFileSync(o.catalogueFile, updated);
  for (const path of await syncPluginTypes([dir], false)) written.push(relative(base, path));
  return { dir, files: written, notes };
}
