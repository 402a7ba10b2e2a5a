// Platform plug-ins (API adapters under plugins/<id>/, registered in catalogue.yaml): mounted at
// the prefix they claim, both with and without a trailing slash, documented under their own tag,
// using datasets only through declared services; overlapping prefixes are refused.
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestError, readCatalogue } from '../core/manifest.ts';
import { overlaps } from '../core/plugin-manifest.ts';
import { buildApp } from '../core/app.ts';
import { createLogger, openPlatform } from '../core/platform.ts';
import { loadConfig } from '../core/config.ts';
import { createTestDatabase } from './helpers/database.ts';
import { ROOT, dataDir } from './helpers/platform.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'plugins');

function catalogue(t: { teardown(fn: () => void): void }, plugins: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'plugins-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'catalogue.yaml');
  writeFileSync(
    file,
    `datasets:\n  - id: postcodes\n    path: ${join(ROOT, 'datasets', 'postcodes')}\nplugins:\n${plugins.map((p) => `  - id: ${p}\n    path: ${join(FIXTURES, p)}\n`).join('')}`,
  );
  return file;
}

t.test('prefixes overlap only along path segments', async (t) => {
  t.ok(overlaps('/a/b', '/a/b'));
  t.ok(overlaps('/a', '/a/b'));
  t.ok(overlaps('/a/b/c', '/a'));
  t.notOk(overlaps('/a', '/ab'));
  t.notOk(overlaps('/deprivation/v1', '/nhs-organisations/v1'));
});

t.test('two plug-ins claiming overlapping prefixes are refused, naming both', async (t) => {
  const err = (() => {
    try {
      readCatalogue(catalogue(t, ['echo-adapter', 'greedy-adapter']));
    } catch (e) {
      return e as ManifestError;
    }
  })();
  t.ok(err instanceof ManifestError, 'the catalogue does not load');
  t.match(err!.problems, [{ field: '/prefix', reason: /\/echo\/v1\/more overlaps \/echo\/v1, claimed by the plug-in echo-adapter/ }]);
});

t.test('a plug-in mounted at its prefix, using a dataset through its declared service', async (t) => {
  const url = await createTestDatabase(t, 'plugins');
  const config = loadConfig({ DATABASE_URL: url, CATALOGUE_FILE: catalogue(t, ['echo-adapter', 'sneaky-adapter']), CATALOGUE_DATA_DIR: dataDir(), LOG_LEVEL: 'silent' }, ROOT);
  const platform = await openPlatform(config, { log: createLogger('silent') });
  t.teardown(() => platform.close());
  const app = await buildApp(platform, { rateLimit: 0, maxEventLoopDelay: 0 });
  t.teardown(() => app.close());

  for (const path of ['/echo/v1/normalise?postcode=sw1a1aa', '/echo/v1/normalise/?postcode=sw1a1aa']) {
    const res = await app.inject({ url: path, headers: { 'ocp-apim-subscription-key': 'anything', authorization: 'Bearer whatever' } });
    t.equal(res.statusCode, 200, `${path} answers directly (no redirect)`);
    t.same(res.json(), { plugin: 'echo-adapter', postcode: 'SW1A 1AA', absent: true });
  }
  const bad = await app.inject('/echo/v1/normalise');
  t.equal(bad.statusCode, 400, 'its route schemas validate like any other');
  t.match(bad.headers['content-type'], /application\/problem\+json/);

  const spec = (await app.inject('/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[] } }>; tags: { name: string }[] };
  t.same(spec.paths['/echo/v1/normalise']?.get?.tags, ['Echo adapter (synthetic)'], 'documented under its own tag');
  t.ok(spec.tags.some((tag) => tag.name === 'Echo adapter (synthetic)'), 'the tag is declared with its description');

  const sneaky = platform.plugins.find((p) => p.id === 'sneaky-adapter')!;
  t.match(sneaky.loadError, /sneaky-adapter uses postcodes without declaring it in depends_on/, 'an undeclared service is refused');
  t.equal((await app.inject('/sneaky/never')).statusCode, 404, 'and its routes are not served');

  const listed = (await app.inject('/catalogue')).json() as { plugins: { id: string; status: { state: string } }[] };
  t.same(
    listed.plugins.map((p) => [p.id, p.status.state]),
    [
      ['echo-adapter', 'ready'],
      ['sneaky-adapter', 'failed'],
    ],
    '/catalogue lists the plug-ins and their state',
  );
});
