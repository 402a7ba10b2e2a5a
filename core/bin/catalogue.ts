// npm run catalogue -- <command>: a thin shell over the library.
//   import <id> [--source [name=]path]...   import one dataset (progress bar)
//   import --all                            every registered dataset, in dependency order
//   validate                                check catalogue.yaml and every plug-in
//   new <id>                                scaffold a dataset plug-in
//   list                                    datasets, their status and current edition
import { parseArgs } from 'node:util';
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
  options: { source: { type: 'string', multiple: true }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
      const problems = await validateProject(config.catalogueFile, config.root);
      for (const p of problems) console.error(`${p.file}: ${p.field}: ${p.reason}`);
      if (problems.length) fail(`${problems.length} problem(s)`);
      console.log('catalogue.yaml and every plug-in are valid');
      return;
    }
    case 'new': {
      if (!arg) fail('say the new dataset id: new <id>');
      const created = await scaffoldDataset(config.root, arg, config.catalogueFile);
      console.log(`created ${created.join(', ')}\nnext: put your source in CATALOGUE_DATA_DIR, edit dataset.yaml, schemas/ and importer.ts, then npm run catalogue -- validate`);
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
      console.log('usage: npm run catalogue -- import <id> [--source [name=]path] | import --all | validate | new <id> | list');
      if (command && !values.help) process.exit(1);
  }
}

await main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
