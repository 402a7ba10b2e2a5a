// The human pages without a browser: content negotiation (JSON clients keep JSON), pages built from
// the catalogue for any dataset, the record browser agreeing with the API, and pages that say
// clearly what is missing when the datasets they present are not registered.
import t from 'tap';
import { testPlatform } from './helpers/platform.ts';
import { prefersHtml } from '../plugins/web/negotiate.ts';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

t.test('negotiation: HTML only to clients that prefer it', async (t) => {
  t.ok(prefersHtml(BROWSER));
  t.ok(prefersHtml('text/html'));
  t.ok(prefersHtml('text/*'));
  for (const a of [undefined, '', '*/*', 'application/json', 'application/json, text/plain, */*', 'text/html;q=0.5, application/json', 'text/html, application/json', 'text/csv', 'text/html;q=0'])
    t.notOk(prefersHtml(a), `not for ${a}`);
});

t.test('pages of the catalogue, from the catalogue', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });
  const html = (url: string) => app.inject({ url, headers: { accept: BROWSER } });

  // JSON clients: exactly as before.
  for (const accept of [undefined, '*/*', 'application/json']) {
    const root = await app.inject({ url: '/', headers: accept ? { accept } : {} });
    t.equal(root.statusCode, 302, `/ redirects (${accept})`);
    t.equal(root.headers.location, '/catalogue');
    const cat = await app.inject({ url: '/catalogue', headers: accept ? { accept } : {} });
    t.equal(cat.statusCode, 200);
    t.match(cat.headers['content-type'], /^application\/json/);
    t.equal(cat.json().datasets[0].id, 'greenspace');
    t.match(cat.headers.vary, /Accept/i, 'caches keep the two apart');
    const one = await app.inject({ url: '/catalogue/greenspace', headers: accept ? { accept } : {} });
    t.match(one.headers['content-type'], /^application\/json/);
  }
  // Browsers: the pages.
  const home = await html('/');
  t.equal(home.statusCode, 200);
  t.match(home.headers['content-type'], /^text\/html/);
  t.match(home.body, /<main id="main"/);
  t.match(home.body, /<title>Test catalogue<\/title>/, "the deployment's name (catalogue.yaml)");
  t.match(home.body, /href="#main"/, 'a skip link');
  t.match(home.body, /href="\/docs"/);
  t.match(home.body, /href="\/web\/guides\/migrating-from-rcpch-apis"/);
  t.match(home.body, /<h2 id="group-environment">Environment<\/h2>/, 'grouped by the manifest group');
  t.match(home.body, /href="\/web\/datasets\/greenspace"/);
  t.match(home.body, />371</, 'row count');
  t.equal((await html('/catalogue')).headers.location, '/');
  t.equal((await html('/catalogue/greenspace')).headers.location, '/web/datasets/greenspace');
  t.match((await html('/?q=gardens')).body, /1 of 1 datasets match/);
  t.match((await html('/?q=no+such+word')).body, /No dataset matches/);
  t.notMatch(home.body, /<script>|style="/, 'no inline script or style');

  const page = await html('/web/datasets/greenspace');
  t.equal(page.statusCode, 200);
  t.match(page.body, /<title>Access to gardens and public green space in Great Britain · Test catalogue<\/title>/);
  for (const part of ['Northern Ireland is not covered', 'LAD April 2020', 'Open Government Licence v3.0', 'datapackage.json', 'total_address_count', '60122123e64124a7b8d729a80c82dc4fbc3245a525f36fcea3b0c21f3e883b8e', 'GET /v1/greenspace/areas?limit=2', '&quot;total&quot;: 371', 'Import history', 'succeeded'])
    t.ok(page.body.includes(part), `dataset page shows ${part}`);
  t.equal((await html('/web/datasets/nope')).statusCode, 404);
  t.match((await html('/web/datasets/nope')).headers['content-type'], /^text\/html/);

  // The record browser shows what the API answers, with its filters, sort and cursor.
  const api = (await app.inject('/v1/greenspace/areas?country_code=W92000004&sort=-lad_name&limit=10')).json();
  const browse = await html('/web/datasets/greenspace/tables/areas?country_code=W92000004&sort=-lad_name&limit=10');
  t.equal(browse.statusCode, 200);
  t.match(browse.body, new RegExp(`${api.total} records match`));
  const names = [...browse.body.matchAll(/<tr><td>([^<]*)<\/td>/g)].length;
  t.equal(names, 10, 'one row per record of the page');
  for (const item of api.items) t.ok(browse.body.includes(`>${item.lad_name}<`), `shows ${item.lad_code}`);
  t.match(browse.body, /aria-sort="descending"/);
  const next = /href="([^"]+)" rel="next"/.exec(browse.body)![1].replace(/&amp;/g, '&');
  const page2 = await html(next);
  const api2 = (await app.inject(api.next)).json();
  for (const item of api2.items) t.ok(page2.body.includes(`>${item.lad_name}<`), `page 2 shows ${item.lad_code}`);
  const bad = await html('/web/datasets/greenspace/tables/areas?lad_name__nope=1');
  t.equal(bad.statusCode, 400);
  t.match(bad.body, /lad_name__nope/, "the API's words for a bad filter");
  t.equal((await html('/web/datasets/greenspace/tables/nope')).statusCode, 404);
  t.equal((await html('/web/datasets/greenspace/tables/areas?limit=abc')).statusCode, 400);
  t.equal((await html('/web/datasets/greenspace/tables/areas?limit=1e309')).statusCode, 400);

  // Datasets this catalogue does not register: the pages say so.
  t.match((await html('/web/deprivation')).body, /not registered in this catalogue/);
  const post = await app.inject({ method: 'POST', url: '/web/deprivation', headers: { accept: BROWSER, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'postcodes=SW1A+1AA' });
  t.equal(post.statusCode, 503);
  t.match(post.body, /not registered/);
  const enrich = await app.inject({ method: 'POST', url: '/enrich', headers: { 'content-type': 'text/csv' }, payload: 'postcode\nSW1A 1AA\n' });
  t.equal(enrich.statusCode, 503);
  t.match(enrich.json().detail, /deprivation dataset is not registered/);
  const orgs = await html('/web/organisations');
  t.equal(orgs.statusCode, 503);
  t.match(orgs.body, /organisations dataset is not registered/);
  const map = await html('/web/map');
  t.equal(map.statusCode, 200);
  t.match(map.body, /boundaries dataset is not registered/);
  t.equal((await html('/web/guides/nope')).statusCode, 404);
  t.equal((await app.inject('/web/static/site.css')).statusCode, 200);
  t.equal((await app.inject('/web/static/leaflet/leaflet.js')).statusCode, 200);
});
