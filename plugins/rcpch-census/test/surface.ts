// Every route answers with and without its trailing slash, directly (one client uses httpx, which
// does not follow redirects), with any of the gateway's key headers, and is documented in
// /openapi.json under the plug-in's tag with the schema of its answer.
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { asSent, get, KEY_HEADERS, PREFIX } from './client.ts';
import { live } from './official.ts';

const TAG = 'RCPCH Census Platform (compatible)';

export async function surfaceChecks(t: Test, app: FastifyInstance): Promise<void> {
  const pc = asSent(live('S92000003')[0].pcds);
  const routes: [string, string][] = [
    ['/index_of_multiple_deprivation_quantile', `postcode=${pc}&quantile=5&year=2019`],
    ['/indices_of_multiple_deprivation', `postcode=${pc}`],
    ['/local_authority_districts', ''],
    ['/english_indices_of_multiple_deprivation', ''],
    ['/welsh_indices_of_multiple_deprivation', ''],
    ['/scottish_indices_of_multiple_deprivation', ''],
    ['/northern_ireland_indices_of_multiple_deprivation', ''],
    ['/green_space', ''],
  ];
  for (const [path, query] of routes)
    for (const slash of ['', '/'])
      for (const headers of [...KEY_HEADERS, Object.assign({}, ...KEY_HEADERS)]) {
        const res = await get(app, `${path}${slash}${query ? `?${query}` : ''}`, headers);
        t.equal(res.statusCode, 200, `${path}${slash} with ${Object.keys(headers).join(', ')}`);
      }

  // Answers bound to the editions they come from: an ETag, and 304 while the client's copy is current;
  // the quantile and record by postcode are kept in memory and replayed byte for byte.
  for (const [path, query] of routes) {
    const url = `${path}${query ? `?${query}` : ''}`;
    const first = await get(app, url);
    const etag = String(first.headers.etag ?? '');
    t.match(etag, /^W\/"e[\d.]+-/, `${path}: an ETag bound to the editions`);
    t.match(first.headers['cache-control'], /^public, max-age=\d+$/, `${path}: Cache-Control`);
    const again = await get(app, url);
    t.equal(again.body, first.body, `${path}: the same answer again`);
    t.equal(again.headers.etag, etag, `${path}: the same ETag again`);
    const revalidated = await app.inject({ url: `${PREFIX}${url}`, headers: { 'if-none-match': etag } });
    t.equal(revalidated.statusCode, 304, `${path}: 304 for a current copy`);
  }

  const spec = (await app.inject('/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } }> };
  for (const [path] of routes) {
    const op = spec.paths[`${PREFIX}${path}`]?.get;
    t.same(op?.tags, [TAG], `${path} documented under the plug-in's tag`);
    t.ok(op?.responses?.['200']?.content?.['application/json']?.schema, `${path}: the schema of its 200`);
  }
  t.same(
    Object.keys(spec.paths).filter((p) => p.startsWith(PREFIX)).sort(),
    routes.map(([p]) => `${PREFIX}${p}`).sort(),
    'no other route under the prefix',
  );
}
