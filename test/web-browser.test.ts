// End to end, in headless Chromium (Debian's package, driven by playwright-core; .ci/run installs
// it): every page loads and passes axe-core with no serious or critical violation, every form is
// used as a person would (keyboard included), a 10,000-row upload comes back row by row as the API
// answers, the map draws its features, and no postcode reaches the logs. Screenshots go to
// .artifacts/screenshots (git-ignored).
import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, dataDir, testPlatform } from './helpers/platform.ts';
import { patientsCsv, postcodeCell, samplePostcodes } from './helpers/postcode-files.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, '.artifacts', 'screenshots');
const ALL = ['postcodes', 'imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite', 'deprivation', 'organisations', 'boundaries', 'greenspace'];
const ADDED = ['imd_nation', 'imd_small_area', 'imd_index_edition', 'imd_rank', 'imd_areas', 'imd_decile', 'imd_quintile', 'imd_status'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Result = { status: string; nation: string | null; index_edition: string | null; deprivation: { area: { code: string }; rank: number; areas: number; decile: { value: number }; quintile: { value: number } } | null };

t.test('the web pages in a browser', async (t) => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium; .ci/run does)`);
  mkdirSync(SHOTS, { recursive: true });
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(chunk.toString()), done()) });
  const { app } = await testPlatform(t, { imports: ALL, env: { LOG_LEVEL: 'info' }, logDestination: sink });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const work = mkdtempSync(join(tmpdir(), 'web-browser-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.teardown(() => browser.close());
  const context = await browser.newContext({ baseURL: base, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const offsite: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) offsite.push(r.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // (the browser's own note of an HTTP error status is not a script error: the tests provoke those)
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  const api = async (url: string, init?: { method: string; body: unknown }) => (await app.inject({ url, method: (init?.method ?? 'GET') as 'GET', payload: init?.body as never })).json();

  const axe = async (p: Page, name: string) => {
    await p.evaluate(axeSource);
    const result = await p.evaluate(() => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    t.same(bad, [], `${name}: no serious or critical accessibility violation`);
    await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  t.test('home: every dataset, search, keyboard', async (t) => {
    await page.goto('/');
    const catalogue = await api('/catalogue');
    t.equal(await page.locator('table.datasets a[href^="/web/datasets/"]').count(), catalogue.count, 'every dataset listed');
    t.same(await page.locator('main h2').allTextContents(), ['Deprivation', 'Organisations', 'Geography', 'Environment'], 'grouped');
    await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content', 'the skip link comes first');
    await page.keyboard.press('Enter');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'and moves to the main content');
    await axe(page, 'home');
    await page.getByLabel('Search the datasets').fill('scottish');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=scottish/);
    t.match(await page.getByRole('status').textContent(), /1 of \d+ datasets match/);
    t.equal(await page.locator('table.datasets tbody tr').count(), 1);
  });

  t.test('a dataset page and its record browser: filters, sort, pages', async (t) => {
    await page.goto('/web/datasets/greenspace');
    t.equal(await page.locator('h1').textContent(), (await api('/catalogue/greenspace')).title);
    t.match(await page.locator('#attribution').inputValue(), /Open Government Licence/);
    await axe(page, 'dataset-greenspace');
    await page.getByRole('link', { name: 'Browse, sort and filter the records' }).click();
    await page.waitForURL(/\/tables\/areas/);
        await page.getByLabel('country_code equals').fill('W92000004');
    await page.getByLabel('Rows per page').selectOption('10');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/country_code=W92000004/);
    const first = await api('/v1/greenspace/areas?country_code=W92000004&limit=10');
    t.match(await page.locator('#result-count').textContent(), new RegExp(`^${first.total} records match`));
    await page.getByRole('link', { name: /^lad_name/ }).click();
    await page.waitForURL(/sort=lad_name/);
    t.equal(await page.locator('th[aria-sort="ascending"]').count(), 1, 'the sorted column says so');
    const sorted = await api('/v1/greenspace/areas?country_code=W92000004&limit=10&sort=lad_name');
    const column = async () => {
      const names = await page.locator('table.records thead th').allTextContents();
      const at = names.findIndex((n) => n.startsWith('lad_name'));
      return page.locator(`table.records tbody tr td:nth-child(${at + 1})`).allTextContents();
    };
    t.same(await column(), sorted.items.map((i: { lad_name: string }) => i.lad_name), 'page 1 as the API sorts it');
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/cursor=/);
    const second = await api(sorted.next);
    t.same(await column(), second.items.map((i: { lad_name: string }) => i.lad_name), 'page 2 as the API answers');
    await axe(page, 'records-greenspace');
    await page.goto('/web/datasets/organisations');
    await axe(page, 'dataset-organisations');
    await page.goto('/web/datasets/no-such-dataset');
    t.equal(await page.locator('h1').textContent(), 'Not found');
    await axe(page, 'not-found');
  });

  t.test('deprivation by postcode: one, a pasted list, the CSV', async (t) => {
    await page.goto('/web/deprivation');
    await axe(page, 'deprivation-form');
    await page.getByLabel(/^Postcodes/).fill('m11ad');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.waitForSelector('table.results');
    const one = (await api('/v1/deprivation/postcodes/M1%201AD')).result;
    const cells = await page.locator('table.results tbody tr td').allTextContents();
    t.equal(cells[0], 'M1 1AD');
    t.equal(cells[1], 'found');
    t.equal(cells[6], String(one.deprivation.decile.value));
    t.equal(cells[7], String(one.deprivation.quintile.value));
    const list = ['M1 1AD', 'AB10 1AA', 'CF10 1AA', 'BT1 5GS', 'not a postcode', 'ZZ99 9ZZ'];
    await page.getByLabel(/^Postcodes/).fill(list.join('\n'));
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('table.results tbody tr').length === n, list.length);
    const api6 = await api('/v1/deprivation/postcodes', { method: 'POST', body: { postcodes: list } });
    t.same(await page.locator('table.results tbody tr td:nth-child(2)').allTextContents(), api6.results.map((r: Result) => r.status), 'each status as the API says');
    await axe(page, 'deprivation-results');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the results as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    t.equal(csv, (await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes?format=csv', payload: { postcodes: list } })).body, 'the CSV is the API CSV');
  });

  t.test('enrich a 10,000-row file, with the progress bar', async (t) => {
    const real = samplePostcodes(dataDir());
    const n = 10_000;
    const file = join(work, 'patients.csv');
    writeFileSync(file, patientsCsv(real, n));
    await page.goto('/web/enrich');
    await axe(page, 'enrich-form');
    await page.getByLabel(/^File/).setInputFiles(file);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Enrich and download' }).click()]);
    t.equal(download.suggestedFilename(), 'patients-deprivation.csv');
    t.equal(await page.locator('#enrich-bar').getAttribute('value'), '100', 'the progress bar is full');
    t.match(await page.locator('#enrich-status').textContent(), /Done: 10,000 rows enriched/);
    await axe(page, 'enrich-done');
    const rows: string[][] = parse(readFileSync((await download.path())!), { relax_column_count: true });
    t.same(rows[0], ['patient_id', 'Postcode', 'seen_on', 'note', ...ADDED]);
    t.equal(rows.length, n + 1, 'one row per patient');
    const cellsOf = Array.from({ length: n }, (_, i) => postcodeCell(real, i));
    let mismatches = 0;
    for (let i = 0; i < n; i += 1000) {
      const chunk = cellsOf.slice(i, i + 1000);
      const asked = chunk.map((c) => c.trim()).filter(Boolean);
      const results: Result[] = (await api('/v1/deprivation/postcodes', { method: 'POST', body: { postcodes: asked } })).results;
      let k = 0;
      chunk.forEach((c, j) => {
        const r = c.trim() ? results[k++] : null;
        const want = r ? [r.nation ?? '', r.deprivation?.area.code ?? '', r.index_edition ?? '', r.deprivation?.rank ?? '', r.deprivation?.areas ?? '', r.deprivation?.decile.value ?? '', r.deprivation?.quintile.value ?? '', r.status].map(String) : ['', '', '', '', '', '', '', 'empty'];
        const row = rows[i + j + 1];
        if (row[0] !== String(i + j + 1) || JSON.stringify(row.slice(4)) !== JSON.stringify(want)) mismatches++;
      });
    }
    t.equal(mismatches, 0, 'every one of the 10,000 rows agrees with the JSON API');

    const bad = join(work, 'photo.csv');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await page.getByLabel(/^File/).setInputFiles(bad);
    await page.getByRole('button', { name: 'Enrich and download' }).click();
    await page.waitForFunction(() => /not a CSV or XLSX/.test(document.getElementById('enrich-status')?.textContent ?? ''));
    t.pass('an invalid file is refused, saying why');
    const empty = join(work, 'empty.csv');
    writeFileSync(empty, '');
    await page.getByLabel(/^File/).setInputFiles(empty);
    await page.getByRole('button', { name: 'Enrich and download' }).click();
    await page.waitForFunction(() => /empty/.test(document.getElementById('enrich-status')?.textContent ?? ''));
    t.pass('an empty file is refused, saying why');
    await page.screenshot({ path: join(SHOTS, 'enrich-refused.png'), fullPage: true });
  });

  t.test('without JavaScript: the forms still work', async (t) => {
    // (no axe here: it is a script, and scripts are off)
    const plain = await browser.newContext({ baseURL: base, acceptDownloads: true, javaScriptEnabled: false });
    plain.setDefaultTimeout(30_000);
    t.teardown(() => plain.close());
    const p = await plain.newPage();
    await p.goto('/web/enrich');
    const small = join(work, 'small.csv');
    writeFileSync(small, 'id,postcode\n1,M1 1AD\n2,\n');
    await p.getByLabel(/^File/).setInputFiles(small);
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Enrich and download' }).click()]);
    t.match(readFileSync((await download.path())!, 'utf8'), /^id,postcode,imd_nation,.*\n1,M1 1AD,England,E01033658,IoD2025,13707,33755,5,3,found\n2,,,,,,,,,empty\n$/s);
    const empty = join(work, 'empty2.csv');
    writeFileSync(empty, '');
    await p.getByLabel(/^File/).setInputFiles(empty);
    await p.getByRole('button', { name: 'Enrich and download' }).click();
    await p.waitForSelector('.problem');
    t.match(await p.locator('.problem').textContent(), /empty/, 'a page says what is wrong');
    await p.screenshot({ path: join(SHOTS, 'enrich-refused-nojs.png'), fullPage: true });
    await p.goto('/web/deprivation');
    const welsh = (await api('/v1/postcodes/postcodes?ctry=W92000004&doterm__isnull=true&limit=1&fields=pcds')).items[0].pcds;
    await p.getByLabel(/^Postcodes/).fill(welsh);
    await p.getByRole('button', { name: 'Look up' }).click();
    await p.waitForSelector('table.results');
    t.equal(await p.locator('table.results tbody tr td:nth-child(3)').textContent(), 'Wales');
  });

  t.test('organisations: filters, nearest, one organisation, a PDU, a network', async (t) => {
    await page.goto('/web/organisations');
    await axe(page, 'organisations');
    await page.getByLabel('NHS England region').selectOption('Y56');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/region=Y56/);
    const london = await api('/v1/organisations/organisations?region=Y56&limit=1');
    t.match(await page.locator('#list-heading ~ p[role="status"]').textContent(), new RegExp(`^${london.total} organisations match`));
    await page.getByRole('textbox', { name: 'Postcode', exact: true }).fill('SE1 2DL');
    await page.getByRole('button', { name: 'Find the nearest' }).click();
    await page.waitForSelector('#nearest-caption');
    const nearest = await api('/v1/organisations/nearest?postcode=SE1%202DL&limit=10');
    t.same(
      await page.locator('table:has(#nearest-caption) tbody tr td:nth-child(2) a').allTextContents(),
      nearest.items.map((i: { organisation: { name: string } }) => i.organisation.name),
      'the nearest, in the API order',
    );
    await page.locator('table:has(#nearest-caption) tbody tr td:nth-child(2) a').first().click();
    await page.waitForURL(/\/web\/organisations\/[A-Z0-9]+$/);
    t.equal(await page.locator('h1').textContent(), nearest.items[0].organisation.name);
    await axe(page, 'organisation');
    await page.goto('/web/organisations/pdus/PZ011');
    t.match(await page.locator('h1').textContent(), /PZ011/);
    await page.goto('/web/organisations/openuk_networks/EPIC');
    const members = await api('/v1/organisations/openuk_networks/EPIC/organisations?limit=1000');
    t.equal(await page.locator('#members ~ .table-scroll tbody tr').count(), members.total);
    await axe(page, 'network');
  });

  t.test('the map draws the hospitals, the boundaries, the findings and a postcode', async (t) => {
    await page.goto('/web/map');
    await page.waitForSelector('#map[data-drawn]', { timeout: 60_000 });
    const drawn = JSON.parse((await page.getAttribute('#map', 'data-drawn'))!);
    const hospitals = (await api('/v1/organisations/organisations?limit=1000&fields=ods_code,latitude')).items.filter((o: { latitude: number | null }) => o.latitude !== null);
    const findings = (await api('/v1/boundaries/hospital_checks?status__in=disagrees,not_located&limit=1000')).items.filter((c: { lat: number | null }) => c.lat !== null);
    t.equal(drawn.hospitals, hospitals.length, 'every located hospital');
    t.ok(drawn.areas >= 11, `areas drawn (${drawn.areas})`);
    t.equal(drawn.findings, findings.length, 'every cross-check finding');
    t.ok((await page.locator('.leaflet-overlay-pane path.leaflet-interactive').count()) >= hospitals.length, 'as SVG paths');
    t.equal(await page.locator('.finding-marker').count(), findings.length);
    t.ok((await page.locator('#map-legend li').count()) >= 5, 'a legend of the regions');
    await axe(page, 'map');
    await page.getByLabel('Colour the hospitals by').selectOption('icb');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/colour=icb/);
    await page.waitForSelector('#map[data-drawn]', { timeout: 60_000 });
    t.ok(JSON.parse((await page.getAttribute('#map', 'data-drawn'))!).areas >= 4 + 42, 'ICB boundaries drawn');
    await page.getByLabel('Show a postcode and the areas that contain it').fill('M1 1AD');
    await page.getByRole('button', { name: 'Locate' }).click();
    await page.waitForSelector('#located');
    await page.waitForSelector('#map[data-drawn]', { timeout: 60_000 });
    t.equal(JSON.parse((await page.getAttribute('#map', 'data-drawn'))!).point, 1, 'the point is drawn');
    t.match(await page.locator('#located ~ ul, #located + p + ul').first().textContent(), /NHS Greater Manchester Integrated Care Board/);
    await page.screenshot({ path: join(SHOTS, 'map-postcode.png'), fullPage: true });
  });

  t.test('on a phone', async (t) => {
    const phone = await browser.newContext({ baseURL: base, viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    t.teardown(() => phone.close());
    const p = await phone.newPage();
    for (const [name, url] of [['home', '/'], ['deprivation', '/web/deprivation'], ['enrich', '/web/enrich'], ['dataset', '/web/datasets/postcodes']]) {
      await p.goto(url);
      t.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name}: nothing wider than the screen`);
      await p.screenshot({ path: join(SHOTS, `phone-${name}.png`), fullPage: true });
    }
  });

  t.test('nothing fetched from elsewhere, no script error, no postcode in the logs', async (t) => {
    t.same(offsite, [], 'every request went to this server');
    t.same(errors, [], 'no script error');
    const log = logs.join('').toLowerCase();
    t.ok(logs.length > 50, 'requests were logged');
    for (const p of ['M1 1AD', 'm11ad', 'AB10 1AA', 'CF10 1AA', 'BT1 5GS', 'SE1 2DL', 'ZZ99 9ZZ', ...samplePostcodes(dataDir()).slice(0, 200)])
      if (log.includes(p.toLowerCase()) || log.includes(encodeURIComponent(p).toLowerCase())) t.fail(`${p} is in the logs`);
    t.match(log, /"route":"\/enrich"/, 'the enrich route is logged by its pattern');
  });
});
