// Where sources come from: CATALOGUE_DATA_DIR by declared name, an explicit path, or a download
// from the publisher's URL (served here by a local HTTP server), with checksums checked.
import t from 'tap';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import pino from 'pino';
import { resolveSources } from '../core/imports/sources.ts';
import { readCatalogue } from '../core/manifest.ts';
import { dataDir, ROOT } from './helpers/platform.ts';
import type { DatasetManifest } from '../core/types.ts';

const greenspace = readCatalogue(join(ROOT, 'catalogue.yaml')).datasets.find((d) => d.id === 'greenspace')!;
const body = readFileSync(join(dataDir(), 'greenspace/access_to_green_space.csv'));
const sha = createHash('sha256').update(body).digest('hex');
const log = pino({ level: 'silent' });

t.test('sources', async (t) => {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    if (req.url === '/missing.csv') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.teardown(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const manifest = (url: string, sha256?: string): DatasetManifest => ({
    ...greenspace.manifest,
    sources: [{ ...greenspace.manifest.sources[0], url, ...(sha256 ? { sha256 } : {}) }] as DatasetManifest['sources'],
  });
  const opts = (downloadsDir: string) => ({ dataDir: mkdtempSync(join(tmpdir(), 'empty-')), downloadsDir, allowDownloads: true, datasetDir: greenspace.dir, log });

  const local = await resolveSources(greenspace.manifest, { ...opts(mkdtempSync(join(tmpdir(), 'dl-'))), dataDir: dataDir() });
  t.match(local, [{ origin: 'data-dir', bytes: body.length }]);
  t.equal(await local[0].sha256, sha, 'the hash of the file (computed while the import runs)');

  const downloads = mkdtempSync(join(tmpdir(), 'dl-'));
  const fetched = await resolveSources(manifest(`${base}/file.csv`, sha), opts(downloads));
  t.match(fetched, [{ origin: 'download' }]);
  t.equal(await fetched[0].sha256, sha);
  t.ok(existsSync(fetched[0].path), 'kept in the downloads folder');
  await resolveSources(manifest(`${base}/file.csv`, sha), opts(downloads));
  t.equal(hits, 1, 'a downloaded source is not fetched twice');

  await t.rejects(resolveSources(manifest(`${base}/file.csv`, 'a'.repeat(64)), opts(mkdtempSync(join(tmpdir(), 'dl-')))), /checksum mismatch/);
  await t.rejects(resolveSources(manifest(`${base}/missing.csv`), opts(mkdtempSync(join(tmpdir(), 'dl-')))), /HTTP 404/);
  await t.rejects(resolveSources(greenspace.manifest, { ...opts(mkdtempSync(join(tmpdir(), 'dl-'))), allowDownloads: false }), /source "green_space" not found: expected greenspace\/access_to_green_space\.csv/);
  await t.rejects(resolveSources(greenspace.manifest, { ...opts(downloads), overrides: ['/no/such/file.csv'] }), /source file not found/);
  await t.rejects(resolveSources(greenspace.manifest, { ...opts(downloads), overrides: ['nope=/x.csv'] }), /say which source/);
  const fixture = await resolveSources(greenspace.manifest, { ...opts(downloads), allowDownloads: false, allowFixtures: true });
  t.match(fixture, [{ origin: 'fixture' }], 'synthetic fixtures only when asked (conformance suite)');
});

t.test('big files are hashed on a worker thread, small ones at once; both give the SHA-256', async (t) => {
  const { sha256File } = await import('../core/imports/hash.ts');
  const dir = mkdtempSync(join(tmpdir(), 'hash-'));
  const big = join(dir, 'big.bin');
  const bytes = Buffer.alloc(17 << 20, 'synthetic ');
  writeFileSync(big, bytes);
  t.equal(await sha256File(big), createHash('sha256').update(bytes).digest('hex'));
  await t.rejects(sha256File(join(dir, 'missing.bin')), /ENOENT/);
});
