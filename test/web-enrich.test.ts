// Enrich a file (POST /enrich) and the pages that present deprivation, organisations and the map,
// against the real datasets: every row of an enriched file agrees with the JSON API for its postcode.
import t from 'tap';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { dataDir, testPlatform } from './helpers/platform.ts';
import { patientsCsv, postcodeCell, samplePostcodes } from './helpers/postcode-files.ts';

// Uploads are spooled under os.tmpdir(): a folder of this test's own, to check that none is left.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'web-enrich-test-'));
const BROWSER = 'text/html,application/xhtml+xml,*/*;q=0.8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ALL = ['postcodes', 'imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite', 'deprivation', 'organisations', 'boundaries', 'greenspace'];
const ADDED = ['imd_nation', 'imd_small_area', 'imd_index_edition', 'imd_rank', 'imd_areas', 'imd_decile', 'imd_quintile', 'imd_status'];

type Result = { status: string; nation: string | null; index_edition: string | null; deprivation: { area: { code: string }; rank: number; areas: number; decile: { value: number }; quintile: { value: number } } | null };
const expected = (r: Result | null) =>
  r === null
    ? ['', '', '', '', '', '', '', 'empty']
    : [r.nation ?? '', r.deprivation?.area.code ?? '', r.index_edition ?? '', r.deprivation?.rank ?? '', r.deprivation?.areas ?? '', r.deprivation?.decile.value ?? '', r.deprivation?.quintile.value ?? '', r.status].map(String);

t.test('enrich, deprivation, organisations and map against the real datasets', async (t) => {
  const { app } = await testPlatform(t, { imports: ALL });
  const real = samplePostcodes(dataDir());
  const apiAnswers = async (cells: string[]) => {
    const out: (Result | null)[] = [];
    for (let i = 0; i < cells.length; i += 1000) {
      const chunk = cells.slice(i, i + 1000);
      const asked = chunk.map((c) => c.trim()).filter(Boolean);
      const res = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: { postcodes: asked } });
      t.equal(res.statusCode, 200);
      const results: Result[] = res.json().results;
      let k = 0;
      for (const c of chunk) out.push(c.trim() ? results[k++] : null);
    }
    return out;
  };

  t.test('a CSV of 3,000 rows, row by row as the API answers', async (t) => {
    const n = 3000;
    const res = await app.inject({ method: 'POST', url: '/enrich', headers: { 'content-type': 'text/csv' }, payload: patientsCsv(real, n) });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /^text\/csv/);
    t.match(res.headers['content-disposition'], /attachment; filename=".*-deprivation\.csv"/);
    t.equal(res.headers['cache-control'], 'no-store');
    const rows: string[][] = parse(res.body, { relax_column_count: true });
    t.same(rows[0], ['patient_id', 'Postcode', 'seen_on', 'note', ...ADDED]);
    t.equal(rows.length, n + 1);
    const cells = Array.from({ length: n }, (_, i) => postcodeCell(real, i));
    const want = await apiAnswers(cells);
    let mismatches = 0;
    const statuses = new Set<string>();
    rows.slice(1).forEach((r, i) => {
      if (r[0] !== String(i + 1) || r[1] !== cells[i].trim() && r[1] !== cells[i] || r[3] !== `note ${i}, with "quotes"` || JSON.stringify(r.slice(4)) !== JSON.stringify(expected(want[i]))) mismatches++;
      statuses.add(r[11]);
    });
    t.equal(mismatches, 0, 'every row: its own cells unchanged, then what the API says of its postcode');
    for (const s of ['found', 'invalid', 'not_found', 'empty']) t.ok(statuses.has(s), `rows with status ${s}`);
  });

  t.test('the CSV comes back in its own dialect: semicolons, CRLF, Windows-1252', async (t) => {
    const text = 'Nom;Code postal;Ville\r\nRenée;M1 1AD;Manchester\r\nZoë;AB10 1AA;Aberdeen\r\n';
    const res = await app.inject({ method: 'POST', url: '/enrich?column=code%20postal', headers: { 'content-type': 'text/csv' }, payload: iconv.encode(text, 'win1252') });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /windows-1252/);
    const back = iconv.decode(res.rawPayload, 'win1252');
    t.match(back, /^Nom;Code postal;Ville;imd_nation;/);
    t.match(back, /\r\nRenée;M1 1AD;Manchester;England;E01033658;IoD2025;/);
    t.match(back, /\r\nZoë;AB10 1AA;Aberdeen;Scotland;/);
    const bom = await app.inject({ method: 'POST', url: '/enrich?column=2', headers: { 'content-type': 'text/csv' }, payload: '\uFEFFa,b\nx,M1 1AD\n' });
    t.ok(bom.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a BOM stays');
    t.match(bom.body, /x,M1 1AD,England/, 'column by number');
  });

  t.test('XLSX in, XLSX out (values kept, other sheets copied); multipart form', async (t) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Patients');
    ws.addRow(['id', 'Post Code', 'seen', 'weight']);
    const cells = Array.from({ length: 1500 }, (_, i) => postcodeCell(real, i));
    cells.forEach((p, i) => ws.addRow([i + 1, p, new Date(Date.UTC(2024, 0, 1 + (i % 28))), 10 + i / 10]));
    wb.addWorksheet('Notes').addRow(['kept as it is']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----web-test';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="audit 2024.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="column"\r\n\r\npost code\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({ method: 'POST', url: '/enrich', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    t.equal(res.statusCode, 200, res.statusCode === 200 ? 'enriched' : res.body);
    t.equal(res.headers['content-type'], XLSX);
    t.match(res.headers['content-disposition'], /filename="audit_2024-deprivation\.xlsx"/);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(res.rawPayload as never);
    const sheet = out.getWorksheet('Patients')!;
    t.same(sheet.getRow(1).values, [undefined, 'id', 'Post Code', 'seen', 'weight', ...ADDED]);
    const want = await apiAnswers(cells);
    let mismatches = 0;
    for (let i = 0; i < cells.length; i++) {
      const v = sheet.getRow(i + 2).values as unknown[];
      const got = Array.from(v.slice(5, 13), (x) => (x === undefined || x === null ? '' : String(x)));
      if (v[1] !== i + 1 || (v[3] as Date).getTime() !== Date.UTC(2024, 0, 1 + (i % 28)) || v[4] !== 10 + i / 10 || JSON.stringify(got) !== JSON.stringify(expected(want[i]))) {
        if (!mismatches) t.comment(JSON.stringify({ i, v, want: expected(want[i]) }));
        mismatches++;
      }
    }
    t.equal(mismatches, 0, 'every row as the API answers, its numbers and dates kept');
    t.equal(out.getWorksheet('Notes')?.getRow(1).getCell(1).value, 'kept as it is');
    const csv = await app.inject({ method: 'POST', url: '/enrich?format=csv&column=Post%20Code', headers: { 'content-type': XLSX }, payload: file });
    t.match(csv.headers['content-type'], /^text\/csv/);
    t.equal(parse(csv.body, { bom: true }).length, cells.length + 1, 'XLSX in, CSV out');
  });

  t.test('bad files are refused before anything is sent, with what to fix', async (t) => {
    const post = (payload: string | Buffer, url = '/enrich', type = 'text/csv') => app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
    const cases: [string, Awaited<ReturnType<typeof post>>, RegExp][] = [
      ['empty', await post(''), /empty/],
      ['blank lines only', await post('\n\n,,\n'), /empty/],
      ['binary', await post(Buffer.from([1, 2, 0, 3, 4, 5])), /not a CSV or XLSX/],
      ['xls', await post(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), /\.xls/],
      ['a zip that is no workbook', await post(Buffer.from('PK\u0003\u0004 not really a zip at all'), '/enrich', XLSX), /XLSX/],
      ['no postcode column', await post('a,b\n1,2\n'), /no column of the file is headed like a postcode/],
      ['unknown column', await post('postcode\nM1 1AD\n', '/enrich?column=nope'), /no column "nope"/],
      ['unknown edition', await post('postcode\nM1 1AD\n', '/enrich?edition=IoD1066'), /unknown index edition/],
      ['unclosed quote', await post('postcode,x\n"M1 1AD,1\n'), /could not be read.*quoted cell is never closed/],
      ['JSON', await post('{"postcodes":[]}', '/enrich', 'application/json'), /.*/],
    ];
    for (const [what, res, detail] of cases) {
      t.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: ${res.statusCode}`);
      t.match(res.headers['content-type'], /problem\+json/, what);
      t.match(res.json().detail, detail, what);
    }
    const page = await app.inject({ method: 'POST', url: '/enrich', headers: { 'content-type': 'text/csv', accept: BROWSER }, payload: '' });
    t.equal(page.statusCode, 400);
    t.match(page.headers['content-type'], /^text\/html/, 'the plain form gets a page');
    t.match(page.body, /the file is empty/);
  });

  t.test('more than 100,000 rows: the answer stops with a clear error', async (t) => {
    const body = 'postcode\n' + 'M1 1AD\n'.repeat(100_001);
    const res = await app.inject({ method: 'POST', url: '/enrich?progress=true', headers: { 'content-type': 'text/csv' }, payload: body });
    t.equal(res.statusCode, 200);
    const frames = res.body.trim().split('\n').map((l) => JSON.parse(l));
    const last = frames[frames.length - 1];
    t.equal(last.type, 'error');
    t.match(last.detail, /more than 100,000 rows/);
    t.ok(frames.some((f) => f.type === 'progress' && f.rows > 0), 'progress frames before');
  });

  t.test('progress frames carry the whole file', async (t) => {
    const csv = patientsCsv(real, 2500);
    const plain = await app.inject({ method: 'POST', url: '/enrich', headers: { 'content-type': 'text/csv' }, payload: csv });
    const res = await app.inject({ method: 'POST', url: '/enrich?progress=true', headers: { 'content-type': 'text/csv' }, payload: csv });
    t.match(res.headers['content-type'], /^application\/x-ndjson/);
    const frames = res.body.trim().split('\n').map((l) => JSON.parse(l));
    const data = Buffer.concat(frames.filter((f) => f.type === 'data').map((f) => Buffer.from(f.base64, 'base64')));
    t.equal(data.toString(), plain.body, 'the frames hold the same file');
    t.same(frames.filter((f) => f.type === 'progress').map((f) => f.rows), [1000, 2000, 2500]);
    t.match(frames[frames.length - 1], { type: 'done', rows: 2500, contentType: /text\/csv/ });
    t.equal(frames.filter((f) => f.type === 'progress').pop().fraction, 1);
  });

  t.test('deprivation page: a pasted list, and its CSV', async (t) => {
    const list = ['M1 1AD', 'ab10 1aa', 'nonsense', 'ZZ99 9ZZ', 'CF10 1EP', 'BT1 5GS'];
    const form = (action: string) => `postcodes=${encodeURIComponent(list.join('\r\n'))}&action=${action}`;
    const headers = { accept: BROWSER, 'content-type': 'application/x-www-form-urlencoded' };
    const res = await app.inject({ method: 'POST', url: '/web/deprivation', headers, payload: form('show') });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['cache-control'], 'no-store');
    const api = (await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: { postcodes: list } })).json();
    t.equal((res.body.match(/<tr>\s*<td>/g) ?? []).length, list.length, 'one row per postcode');
    for (const r of api.results.filter((x: Result) => x.deprivation)) t.ok(res.body.includes(`${r.deprivation.decile.value}</td>`) && res.body.includes(r.deprivation.area.code), `${r.postcode} shown as the API answers`);
    t.match(res.body, /within England only/);
    const csv = await app.inject({ method: 'POST', url: '/web/deprivation', headers, payload: form('csv') });
    t.match(csv.headers['content-disposition'], /attachment; filename="deprivation.csv"/);
    const apiCsv = await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes?format=csv', payload: { postcodes: list } });
    t.equal(csv.body, apiCsv.body, 'the download is the API CSV');
    const many = await app.inject({ method: 'POST', url: '/web/deprivation', headers, payload: `postcodes=${encodeURIComponent(Array(1001).fill('M1 1AD').join('\n'))}` });
    t.equal(many.statusCode, 400);
    t.match(many.body, /At most 1000 postcodes/);
    t.equal((await app.inject({ method: 'POST', url: '/web/deprivation', headers, payload: 'postcodes=' })).statusCode, 400);
  });

  t.test('organisations pages and the map', async (t) => {
    const html = (url: string) => app.inject({ url, headers: { accept: BROWSER } });
    const api = (await app.inject('/v1/organisations/organisations?region=Y56&limit=1')).json();
    const list = await html('/web/organisations?region=Y56');
    t.equal(list.statusCode, 200);
    t.match(list.body, new RegExp(`${api.total} organisations match`));
    const org = await html('/web/organisations/7A1A1');
    t.match(org.body, /YSBYTY GLAN CLWYD/);
    t.match(org.body, /href="\/web\/organisations\/pdus\/PZ011"/);
    t.match(org.body, /href="\/web\/organisations\/openuk_networks\/EPIC"/);
    t.match(org.body, /History/);
    const pdu = await html('/web/organisations/pdus/PZ011');
    t.equal(pdu.statusCode, 200);
    t.match(pdu.body, /7A1A1/);
    const network = await html('/web/organisations/openuk_networks/EPIC');
    const members = (await app.inject('/v1/organisations/openuk_networks/EPIC/organisations?limit=1000')).json();
    t.match(network.body, new RegExp(`Members \\(${members.total}\\)`));
    for (const o of members.items) t.ok(network.body.includes(`/web/organisations/${o.ods_code}"`), `member ${o.ods_code}`);
    t.equal((await html('/web/organisations/ZZZZZ')).statusCode, 404);
    t.equal((await html('/web/organisations/pdus/NOPE')).statusCode, 404);
    t.equal((await html('/web/organisations/nothing/NOPE')).statusCode, 400);
    const near = await app.inject({ method: 'POST', url: '/web/organisations/nearest', headers: { accept: BROWSER, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'postcode=M1+1AD' });
    const nearest = (await app.inject('/v1/organisations/nearest?postcode=M1%201AD&limit=10')).json();
    t.match(near.body, new RegExp(nearest.items[0].organisation.name));
    t.match(near.body, /The 10 nearest to M1 1AD/);
    const badNear = await app.inject({ method: 'POST', url: '/web/organisations/nearest', headers: { accept: BROWSER, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'postcode=nonsense' });
    t.equal(badNear.statusCode, 400);

    const map = await html('/web/map?colour=icb');
    t.equal(map.statusCode, 200);
    t.match(map.body, /data-boundaries="[^"]*collections\/icbs\/items\.geojson/);
    const checks = (await app.inject('/v1/boundaries/hospital_checks?status__in=disagrees,not_located&limit=1000')).json();
    for (const c of checks.items) t.ok(map.body.includes(c.ods_code), `finding ${c.ods_code} listed`);
    const located = await app.inject({ method: 'POST', url: '/web/map', headers: { accept: BROWSER, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'postcode=M1+1AD' });
    t.match(located.body, /NHS Greater Manchester Integrated Care Board/);
    t.match(located.body, /data-point="53\.48/);
  });

  t.test('every dataset has its page, and every served table its browser', async (t) => {
    const catalogue = (await app.inject('/catalogue')).json();
    for (const d of catalogue.datasets) {
      const res = await app.inject({ url: `/web/datasets/${d.id}`, headers: { accept: BROWSER } });
      t.equal(res.statusCode, 200, d.id);
      for (const m of res.body.matchAll(/href="(\/web\/datasets\/[^"/]+\/tables\/[^"]+)"/g)) {
        const table = await app.inject({ url: m[1], headers: { accept: BROWSER } });
        // A registered dataset this test does not import has its page, saying it is not there yet.
        if (d.current_edition) t.equal(table.statusCode, 200, m[1]);
        else t.match([table.statusCode, table.body], [503, /not imported yet|no edition yet/i], `${m[1]}: not imported`);
      }
    }
  });

  t.test('no upload is left on disk', async (t) => {
    await new Promise((r) => setTimeout(r, 200));
    t.same(readdirSync(process.env.TMPDIR!).filter((n) => n.startsWith('catalogue-enrich-')), []);
  });
});
