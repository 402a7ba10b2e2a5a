// `catalogue validate`: everything a contributor's plug-in lacks, as "file: field: why" lines.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import pino from 'pino';
import { syncTypes } from './codegen.ts';
import { loadPlatformPlugins, loadPlugins } from './loader.ts';
import { inspectCatalogue, type Problem } from './manifest.ts';

export async function validateProject(catalogueFile: string, root: string): Promise<Problem[]> {
  const { definition, problems } = inspectCatalogue(catalogueFile);
  if (!definition) return problems;
  const loaded = await loadPlugins(definition, pino({ level: 'silent' }));
  for (const d of loaded) {
    const dir = relative(root, d.dir);
    if (d.loadError) problems.push({ file: dir, field: 'modules', reason: d.loadError });
    if (!d.importer && !d.loadError) problems.push({ file: join(dir, 'importer.ts'), field: '/', reason: 'missing: a dataset needs an importer (default export)' });
    if (!existsSync(join(d.dir, 'README.md'))) problems.push({ file: join(dir, 'README.md'), field: '/', reason: 'missing: say what the dataset is and how to refresh it' });
    const migrations = join(d.dir, 'migrations');
    if (!existsSync(migrations) || readdirSync(migrations).length === 0)
      problems.push({ file: join(dir, 'migrations'), field: '/', reason: 'missing: a migration creating the tables of dataset.yaml' });
    d.manifest.sources.forEach((s, i) => {
      if (!s.url) problems.push({ file: join(dir, 'dataset.yaml'), field: `/sources/${i}/url`, reason: "missing: name the publisher's download address" });
      if (s.fixture && !existsSync(join(d.dir, s.fixture))) problems.push({ file: join(dir, 'dataset.yaml'), field: `/sources/${i}/fixture`, reason: `${s.fixture} does not exist` });
    });
  }
  for (const p of await loadPlatformPlugins(definition, pino({ level: 'silent' })))
    if (p.loadError) problems.push({ file: join(relative(root, p.dir), 'routes.ts'), field: '/', reason: p.loadError });
  for (const path of await syncTypes(root, true, loaded.map((d) => d.dir.split('/').pop()!))) problems.push({ file: relative(root, path), field: '/', reason: 'stale: run `npm run types`' });
  return problems;
}
