// The requests of the reliability audit, each of which once answered 5xx or leaked something: now a
// 4xx problem+json each; Fastify's own errors (bad URL encoding, a parameter too long, a malformed
// request, headers too large) are problem+json too and echo nothing; catalogue links never come
// from a client's Host header; security headers on every answer; CORS offers no credentials and
// nothing for /admin; /health is never rate-limited; a Link header stays readable.
import t from 'tap';
import { connect } from 'node:net';
import { testPlatform } from './helpers/platform.ts';
import { buildApp } from '../core/app.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Sends raw bytes to the server and returns what it answers (status line, headers, body). */
async function raw(url: string, request: string): Promise<{ status: number; head: string; body: string }> {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  let text = '';
  socket.on('data', (d) => (text += d));
  await new Promise((done) => socket.on('connect', done));
  socket.write(request);
  await new Promise((done) => socket.on('close', done));
  const [head, body = ''] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), head, body };
}

t.test('the audit’s requests: 4xx problem+json, never 5xx', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace', 'postcodes', 'imd-uk-composite'], imports: ['greenspace', 'postcodes', 'imd-uk-composite'], env: { CATALOGUE_ADMIN_TOKEN: 'secret-token' } });
  const requests = [
    '/v1/greenspace/areas/%00',
    '/v1/greenspace/areas?lad_name__contains=%00',
    '/v1/greenspace/areas?edition=%00',
    '/v1/greenspace/areas?edition=2147483648',
    '/catalogue/postcodes/imports/99999999999999999999',
    '/catalogue/postcodes/imports/9999999999',
    '/catalogue/postcodes/imports/1.5',
    '/v1/imd-uk-composite/areas?uk_imd_e_pop_decile__lte=99999999999999999999',
    '/v1/greenspace/areas?limit=Infinity',
    '/v1/greenspace/areas?limit=-Infinity',
    '/v1/greenspace/areas?limit=1e309',
    '/v1/postcodes/nearest?lat=Infinity&long=0',
    '/v1/postcodes/nearest?lat=1e309&long=0',
    `/v1/greenspace/areas?sort=-total_address_count&cursor=${b64(['x', 'y'])}`,
    '/v1/postcodes/postcodes?sort=-lat&cursor=WyJBQjEwIDFBQSIsIkFCMTAgMUFBIl0',
    `/v1/postcodes/names?name__contains=${'a'.repeat(10_000)}`,
    `/v1/greenspace/areas?lad_code__in=${Array.from({ length: 5000 }, (_, i) => `E${i}`).join(',')}`,
    '/v1/postcodes/postcodes/%ZZ',
    `/v1/postcodes/postcodes/${'A'.repeat(600)}`,
  ];
  for (const url of requests) {
    const res = await app.inject(url);
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${url.slice(0, 80)}: ${res.statusCode}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/, 'problem+json');
    t.equal(res.json().status, res.statusCode, 'the problem names its status');
  }
  const badUrl = await app.inject('/v1/postcodes/postcodes/AB10%ZZ1AA');
  t.notMatch(badUrl.body, /AB10/, 'a bad URL is not echoed');
  t.equal(badUrl.json().title, 'Bad request');
  const tooLarge = await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ postcodes: ['x'.repeat(3 * 1024 * 1024)] }) });
  t.equal(tooLarge.statusCode, 413);
  t.equal(tooLarge.json().title, 'Payload too large', 'a 413 is titled for what it is');
  for (const path of ['/openapi.json', '/docs/json']) t.equal((await app.inject(path)).statusCode, 200, `${path} with CATALOGUE_ADMIN_TOKEN set`);
});

t.test('a Link header stays small enough for HTTP clients to read', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  const areas: { lad_code: string; lad_name: string }[] = (await app.inject('/v1/greenspace/areas?limit=100&fields=lad_code,lad_name')).json().items;
  // Real names, and as many long ones that match nothing: a query of some 20 KB that has pages.
  const names = [...areas.map((a) => a.lad_name), ...areas.slice(0, 80).map((_, i) => `${i} ${'n'.repeat(180)}`)];
  const res = await app.inject(`/v1/greenspace/areas?limit=2&lad_name__in=${encodeURIComponent(names.join(','))}&lad_code__in=${areas.map((a) => a.lad_code).join(',')}`);
  t.equal(res.statusCode, 200);
  t.ok(res.json().next, 'the body has its next link');
  t.ok(String(res.headers.link ?? '').length <= 8192, `Link header: ${String(res.headers.link ?? '').length} characters`);
});

t.test('Fastify’s own errors on the socket are problem+json and echo nothing', async (t) => {
  const { app: built, platform } = await testPlatform(t, { datasets: ['greenspace'] });
  await built.close();
  const app = await buildApp(platform, { rateLimit: 0, maxEventLoopDelay: 0 });
  t.teardown(() => app.close());
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const big = await raw(url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  t.equal(big.status, 431, 'headers over 16 KB: 431');
  t.match(big.head, /content-type: application\/problem\+json/i);
  t.equal(JSON.parse(big.body).status, 431);
  const garbage = await raw(url, 'NOT A REQUEST\r\n\r\n');
  t.equal(garbage.status, 400, 'a malformed request: 400');
  t.match(garbage.head, /content-type: application\/problem\+json/i);
  const badPath = await fetch(`${url}/v1/postcodes/postcodes/SW1A%ZZ1AA`);
  t.equal(badPath.status, 400);
  t.match(badPath.headers.get('content-type'), /^application\/problem\+json/);
  t.notMatch(await badPath.text(), /SW1A/, 'the path is not echoed');
});

t.test('catalogue links come from PUBLIC_BASE_URL, never from a Host header', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace'], env: { PUBLIC_BASE_URL: 'https://data.example.org/api/' } });
  for (const path of ['/catalogue', '/catalogue.jsonld', '/catalogue/greenspace', '/catalogue/greenspace/datapackage.json']) {
    const body = (await app.inject({ url: path, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } })).body;
    t.notMatch(body, /evil\.example/, `${path}: no link to the Host header's site`);
    t.match(body, /https:\/\/data\.example\.org\/api\/catalogue\/greenspace/, `${path}: links on the public base URL`);
  }
  const { app: unset } = await testPlatform(t, { datasets: ['greenspace'] });
  t.notMatch((await unset.inject({ url: '/catalogue', headers: { host: 'evil.example' } })).body, /evil\.example/, 'without PUBLIC_BASE_URL: the listening address, not the Host header');
});

t.test('security headers, CORS without credentials, no CORS for /admin', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'], env: { CATALOGUE_ADMIN_TOKEN: 'secret-token' } });
  for (const path of ['/v1/greenspace/areas?limit=1', '/v1/greenspace/areas/nope', '/catalogue', '/health']) {
    const h = (await app.inject(path)).headers;
    t.equal(h['x-content-type-options'], 'nosniff', `${path}: nosniff`);
    t.equal(h['referrer-policy'], 'no-referrer', `${path}: Referrer-Policy`);
    t.match(h['content-security-policy'], /default-src 'none'/, `${path}: a CSP for an API`);
    t.equal(h['x-frame-options'], 'DENY');
    t.equal(h['access-control-allow-origin'], '*', `${path}: readable from any origin`);
  }
  const docs = await app.inject('/docs/');
  t.match(docs.headers['content-security-policy'], /script-src 'self'/, '/docs has a CSP that lets its page run');
  const preflight = await app.inject({ method: 'OPTIONS', url: '/v1/greenspace/areas', headers: { origin: 'https://audit.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
  t.notMatch(String(preflight.headers['access-control-allow-headers']), /authorization/i, 'no Authorization offered to other origins');
  t.notOk(preflight.headers['access-control-allow-credentials'], 'no credentials');
  const admin = await app.inject({ method: 'OPTIONS', url: '/admin/imports/greenspace', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
  t.notOk(admin.headers['access-control-allow-origin'], 'no CORS for admin routes');
  t.notOk(admin.headers['access-control-allow-headers'], 'nor their headers');
});

t.test('/health is never rate-limited', async (t) => {
  const { platform } = await testPlatform(t, { datasets: ['greenspace'] });
  const app = await buildApp(platform, { rateLimit: 5, maxEventLoopDelay: 0 });
  t.teardown(() => app.close());
  const statuses = [];
  for (let i = 0; i < 8; i++) statuses.push((await app.inject('/catalogue')).statusCode);
  t.equal(statuses.at(-1), 429, 'the limit is reached');
  const limited = await app.inject('/catalogue');
  t.match(limited.headers['content-type'], /^application\/problem\+json/);
  t.equal(limited.json().title, 'Too many requests');
  for (const path of ['/health', '/health/ready']) t.equal((await app.inject(path)).statusCode, 200, `${path} still answers`);
});
