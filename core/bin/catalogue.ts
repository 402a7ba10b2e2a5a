// npm run catalogue -- <command>: a thin shell over the library.
//   import <id> [--source [name=]path]...   import one dataset (progress bar)
//   import --all                            every registered dataset, in dependency order
//   validate [<id>]                         check catalogue.yaml and every plug-in (or one)
//   new <id> --from file.csv [--dir folder] a declarative plug-in proposed from a CSV (no TypeScript)
//   new <id> [--dir folder]                 a plug-in with its own importer.ts
//   list                                    datasets, their status and current edition
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { dependencyOrder } from '../manifest.ts';
import { openPlatform, createLogger } from '../platform.ts';
import { runImport, ImportFailed } from '../imports/run.ts';
import { validateProject } from '../validate.ts';
import { scaffoldDataset } from '../scaffold.ts';
import { progressReporter } from '../cli/progress-bar.ts';
import { summary } from '../catalogue/describe.ts';
import { staleAfterMs } from '../catalogue/status.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    from: { type: 'string' },
    dir: { type: 'string' },
    table: { type: 'string' },
    'header-rows': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, arg] = positionals;
const config = loadConfig();
const fail = (message: string): never => {
  console.error(`error: ${message}`);
  process.exit(1);
};

async function importCommand() {
  const platform = await openPlatform(config, { log: createLogger(process.env.LOG_LEVEL ?? 'warn') });
  try {
    const ids = values.all ? dependencyOrder(platform.datasets).map((d) => d.id) : arg ? [arg] : fail('say which dataset: import <id> (or --all)');
    for (const id of ids) {
      if (!platform.dataset(id)) fail(`no dataset "${id}" (registered: ${platform.datasets.map((d) => d.id).join(', ')})`);
      const bar = progressReporter(id);
      try {
        const r = await runImport(platform, { datasetId: id, trigger: 'cli', sources: values.source, onProgress: bar.update });
        bar.stop();
        const counts = Object.entries(r.rowCounts).map(([t, n]) => `${t}: ${n}`).join(', ');
        console.log(`${id}: edition ${r.editionId} imported in ${r.seconds.toFixed(1)} s (${counts})${r.warnings.length ? `, ${r.warnings.length} warning(s)` : ''}`);
        for (const w of r.warnings) console.log(`  warning ${w.code}: ${w.message}`);
      } catch (err) {
        bar.stop();
        if (err instanceof ImportFailed) fail(err.message);
        throw err;
      }
    }
  } finally {
    await platform.close();
  }
}

async function main() {
  switch (command) {
    case 'import':
      return importCommand();
    case 'validate': {
      const { problems, notes } = await validateProject(config.catalogueFile, { only: arg, dataDir: config.dataDir });
      for (const p of notes) console.log(`note: ${p.file}: ${p.field}: ${p.reason}`);
      for (const p of problems) console.error(`${p.file}: ${p.field}: ${p.reason}`);
      if (problems.length) fail(`${problems.length} problem(s)`);
      console.log(arg ? `${arg} is valid` : 'catalogue.yaml and every plug-in are valid');
      return;
    }
    case 'new': {
      if (!arg) fail('say the new dataset id: new <id> [--from file.csv]');
      // Paths typed by the user are relative to where they typed them (npm runs scripts from the project root).
      const here = (p?: string) => (p === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), p));
      const headerRows = values['header-rows'] === undefined ? undefined : Number(values['header-rows']);
      if (headerRows !== undefined && !(Number.isInteger(headerRows) && headerRows >= 1 && headerRows <= 5)) fail('--header-rows takes 1 to 5');
      const made = await scaffoldDataset({ id: arg, catalogueFile: config.catalogueFile, dir: here(values.dir), from: here(values.from), dataDir: config.dataDir, table: values.table, headerRows });
      const shown = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
      console.log(`created ${shown(made.dir)}/ (${made.files.length} files) and registered ${arg} in ${shown(config.catalogueFile)}`);
      for (const n of made.notes) console.log(`note: ${n}`);
      console.log(
        values.from
          ? `next: npm run catalogue -- validate ${arg}, then npm start (or npm run catalogue -- import ${arg}) and npm test -- --dataset ${arg};\n      edit dataset.yaml for the title, description, publisher, licence, url and caveats (see CONTRIBUTING.md)`
          : `next: edit dataset.yaml, schemas/ and importer.ts, then npm run catalogue -- validate ${arg} and npm test -- --dataset ${arg}`,
      );
      return;
    }
    case 'list': {
      const platform = await openPlatform(config, { log: createLogger('warn') });
      for (const d of platform.datasets) {
        const s = await summary(platform.knex, { dataset: d, current: await platform.editions.get(d.id), endpoints: [], baseUrl: '', staleAfterMs: staleAfterMs(config) });
        console.log(`${d.id.padEnd(28)} ${String(s.status.state).padEnd(14)} ${s.current_edition ? `edition ${s.current_edition.id} (${s.current_edition.label})` : ''}`);
      }
      return platform.close();
    }
    default:
      console.log('usage: npm run catalogue -- import <id> [--source [name=]path] | import --all | validate [<id>] | new <id> [--from file.csv] [--dir folder] [--table name] [--header-rows n] | list');
      if (command && !values.help) process.exit(1);
  }
}

await main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
