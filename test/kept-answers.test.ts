// Answers kept in memory until the next edition switch (core/rest/kept-answers.ts), on the route
// that opts in first: GET /v1/postcodes/postcodes/{postcode}. Against the real sample directory.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runImport } from '../core/imports/run.ts';
import { dataDir, testPlatform } from './helpers/platform.ts';

const rows: Record<string, string>[] = parse(readFileSync(join(dataDir(), 'onspd/ONSPD_sample.csv')), { bom: true, columns: true, skip_empty_lines: true });
const [a, b] = rows.filter((r) => !r.doterm).map((r) => r.pcds);

t.test('a route with keepAnswers: the same answer from memory until an edition switch', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'] });
  const stats = async () => (await app.inject('/health')).json().answers as { entries: number; hits: number; misses: number; bytes: number; max_bytes: number };
  const url = `/v1/postcodes/postcodes/${encodeURIComponent(a)}`;

  const first = await app.inject(url);
  t.equal(first.statusCode, 200);
  const before = await stats();
  t.equal(before.entries, 1, 'the answer is kept');
  t.equal(before.max_bytes, 64 * 2 ** 20, 'within the default budget (ANSWER_CACHE_MB=64)');
  t.ok(before.bytes >= first.rawPayload.length, 'its bytes are counted');

  const again = await app.inject(url);
  t.equal(again.statusCode, 200);
  t.equal(again.payload, first.payload, 'the same bytes');
  for (const h of ['content-type', 'etag', 'cache-control', 'vary', 'x-content-type-options', 'access-control-allow-origin'])
    t.equal(again.headers[h], first.headers[h], `the same ${h}`);
  t.equal((await stats()).hits, before.hits + 1, 'answered from memory');

  const notModified = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
  t.equal(notModified.statusCode, 304, 'a current ETag: 304 from memory');
  t.equal(notModified.headers.etag, first.headers.etag);
  t.equal(notModified.payload, '');

  const other = `/v1/postcodes/postcodes/${encodeURIComponent(b.toLowerCase())}`;
  t.equal((await app.inject({ method: 'HEAD', url: other })).statusCode, 200);
  const afterHead = await app.inject(other);
  t.equal(afterHead.json().postcode, b, 'a HEAD request keeps nothing that a GET would replay');

  t.equal((await app.inject('/v1/postcodes/postcodes/ZZ99%209ZZ')).statusCode, 404);
  const missing = await app.inject('/v1/postcodes/postcodes/ZZ99%209ZZ');
  t.equal(missing.statusCode, 404, 'errors are not kept');
  t.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');

  const accept = await app.inject({ url, headers: { accept: 'application/json' } });
  t.not(accept.headers.etag, first.headers.etag, 'another Accept header: another answer (its own ETag)');

  const edition = first.json().edition.id;
  await runImport(platform, { datasetId: 'postcodes', trigger: 'test' });
  const switched = await app.inject(url);
  t.not(switched.json().edition.id, edition, 'after a switch: the new edition, not the kept answer');
  t.equal((await stats()).entries, 1, 'what was kept for the old editions is gone');
});

t.test('ANSWER_CACHE_MB=0 keeps nothing', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['postcodes'], imports: ['postcodes'], env: { ANSWER_CACHE_MB: '0' } });
  const url = `/v1/postcodes/postcodes/${encodeURIComponent(a)}`;
  const first = await app.inject(url);
  t.equal((await app.inject(url)).payload, first.payload);
  const answers = (await app.inject('/health')).json().answers;
  t.same([answers.entries, answers.hits, answers.max_bytes], [0, 0, 0]);
});
