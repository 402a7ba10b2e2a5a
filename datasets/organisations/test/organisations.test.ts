// The organisations plug-in against the real curated lists: counts, relationships, filters,
// nesting, CSV, nearest, known problems as warnings, and problems for bad input.
import t from 'tap';
import { testPlatform } from '../../../test/helpers/platform.ts';
import { read, sorted, type Row } from './sources.ts';
import { crontab } from '../../../core/worker.ts';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

const orgs = read('rcpch_organisations.json');
const trusts = read('trusts.json');
const boards = read('local_health_boards.json');
const icbs = read('integrated_care_boards.json');
const mapping = read('integrated_care_boards_local_authorities.json');
const regions = read('nhs_england_regions.json');
const pz = read('pz_codes.json');
const pzNet = read('pz_codes_networks.json');
const dnets = read('paediatric_diabetes_networks.json');
const onets = read('open_uk_networks.json');
const ouTrusts = read('open_uk_networks_trusts.json');
const countries = read('country_codes.json');

const trustCodes = new Set(trusts.map((x) => x.ods_code));
const boardCodes = new Set(boards.map((x) => x.ods_code));
// What the source says, computed independently of the importer.
const icbsOfTrust = (code: string) => sorted(mapping.filter((m) => m['ODS Trust Code'] === code).map((m) => m['ODS ICB Code']));
const firstOpenuk = (code: string | null) => ouTrusts.find((r) => r['ods trust code'] === code)?.['OPEN UK Network Code'] ?? null;

t.test('organisations: the real RCPCH lists', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'organisations'], imports: ['organisations'] });
  const get = async (url: string) => {
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    return res.json();
  };

  t.test('counts per type match the source files', async (t) => {
    t.equal((await get('/v1/organisations/organisations?limit=1')).total, orgs.length);
    t.equal((await get('/v1/organisations/trusts?limit=1')).total, trusts.length);
    t.equal((await get('/v1/organisations/health_boards')).total, boards.length);
    t.equal((await get('/v1/organisations/icbs')).total, icbs.length);
    t.equal((await get('/v1/organisations/regions')).total, regions.length);
    t.equal((await get('/v1/organisations/diabetes_networks')).total, dnets.length);
    t.equal((await get('/v1/organisations/openuk_networks')).total, onets.length);
    t.equal((await get('/v1/organisations/countries')).total, countries.length);
    t.equal((await get('/v1/organisations/pdus')).total, sorted(pz.map((p) => p.npda_code)).length);
    t.equal((await get('/v1/organisations/pdu_members?limit=1000')).total, new Set(pz.map((p) => `${p.ods_code}|${p.npda_code}`)).size);
    t.equal((await get('/v1/organisations/icb_mappings?limit=1')).total, mapping.length);
    t.equal((await get('/v1/organisations/london_boroughs')).total, sorted(orgs.map((o) => o.LocalAuthority).filter((c) => c?.startsWith('E09'))).length);
  });

  t.test('every organisation, nested, with every relationship resolved as the source says', async (t) => {
    const all = (await get('/v1/organisations/organisations?limit=1000')).items as Record<string, any>[];
    t.equal(all.length, orgs.length);
    for (const src of orgs) {
      const o = all.find((x) => x.ods_code === src.OrganisationCode)!;
      const parent = src.ParentODSCode || null;
      if (o.name !== src.OrganisationName || o.latitude !== (src.Latitude ? Number(src.Latitude) : null)) t.fail(`${src.OrganisationCode} values`);
      if (!parent) {
        t.equal(o.parent, null, `${src.OrganisationCode} has no parent`);
        continue;
      }
      if (boardCodes.has(parent)) {
        if (o.health_board?.ods_code !== parent || o.trust !== null) t.fail(`${src.OrganisationCode} board`);
        if (o.country?.code !== 'W92000004') t.fail(`${src.OrganisationCode} is in Wales`);
      } else {
        t.ok(trustCodes.has(parent), `${parent} is a trust`);
        if (o.trust?.ods_code !== parent) t.fail(`${src.OrganisationCode} trust`);
        if (src.LocalAuthority?.startsWith('E')) {
          const cands = icbsOfTrust(parent);
          const expected = cands.length === 1 ? cands[0] : null;
          if ((o.icb?.ods_code ?? null) !== expected) t.fail(`${src.OrganisationCode} ICB ${o.icb?.ods_code} expected ${expected}`);
          if (cands.length > 1) t.same(o.icb_candidates.map((c: { ods_code: string }) => c.ods_code), cands, `${src.OrganisationCode} ICB candidates`);
        }
      }
      if ((o.openuk_network?.code ?? null) !== firstOpenuk(parent)) t.fail(`${src.OrganisationCode} OPEN UK network`);
      const ownPdu = pz.find((p) => p.ods_code === src.OrganisationCode)?.npda_code;
      if (ownPdu && o.pdu?.npda_code !== ownPdu) t.fail(`${src.OrganisationCode} PDU`);
      if (o.pdu) {
        const net = pzNet.find((p) => p.npda_code === o.pdu.npda_code)?.network_code ?? null;
        if ((o.pdu.network?.code ?? null) !== net) t.fail(`${src.OrganisationCode} PDU network`);
      }
      if (src.LocalAuthority?.startsWith('E09') && o.london_borough?.gss_code !== src.LocalAuthority) t.fail(`${src.OrganisationCode} London borough`);
    }
    const jersey = all.find((o) => o.postcode?.startsWith('JE'))!;
    t.equal(jersey.country.code, 'L93000001', 'Jersey is served with the ONSPD Channel Islands code');
  });

  t.test('each filter returns exactly the organisations the source says', async (t) => {
    const codesOf = async (qs: string) => sorted(((await get(`/v1/organisations/organisations?limit=1000&fields=ods_code&${qs}`)).items as { ods_code: string }[]).map((i) => i.ods_code));
    const trust = 'RGT';
    t.same(await codesOf(`trust=${trust}`), sorted(orgs.filter((o) => o.ParentODSCode === trust).map((o) => o.OrganisationCode)));
    t.same(await codesOf('health_board=7A1'), sorted(orgs.filter((o) => o.ParentODSCode === '7A1').map((o) => o.OrganisationCode)));
    t.same(await codesOf('parent=RGT,7A1'), sorted(orgs.filter((o) => ['RGT', '7A1'].includes(o.ParentODSCode!)).map((o) => o.OrganisationCode)));
    t.same(await codesOf('country=W92000004'), sorted(orgs.filter((o) => boardCodes.has(o.ParentODSCode!) || o.LocalAuthority?.startsWith('W')).map((o) => o.OrganisationCode)));
    t.same(await codesOf('local_authority=E08000025'), sorted(orgs.filter((o) => o.LocalAuthority === 'E08000025').map((o) => o.OrganisationCode)));
    const borough = orgs.find((o) => o.LocalAuthority?.startsWith('E09'))!.LocalAuthority!;
    t.same(await codesOf(`london_borough=${borough}`), sorted(orgs.filter((o) => o.LocalAuthority === borough).map((o) => o.OrganisationCode)));
    const ou = 'EPEN';
    t.same(await codesOf(`openuk_network=${ou}`), sorted(orgs.filter((o) => firstOpenuk(o.ParentODSCode) === ou).map((o) => o.OrganisationCode)));
    const pdu = 'PZ041';
    const pduCodes = pz.filter((p) => p.npda_code === pdu).map((p) => p.ods_code);
    t.same(await codesOf(`pdu=${pdu}`), sorted(orgs.filter((o) => pduCodes.includes(o.OrganisationCode) || (!pz.some((p) => p.ods_code === o.OrganisationCode) && pduCodes.includes(o.ParentODSCode))).map((o) => o.OrganisationCode)));
    // ICB: organisations whose trust the mapping places in the ICB (exactly or among several).
    const icb = 'QUE';
    t.same(await codesOf(`icb=${icb}`), sorted(orgs.filter((o) => o.LocalAuthority?.startsWith('E') && icbsOfTrust(o.ParentODSCode!).includes(icb)).map((o) => o.OrganisationCode)));
    // Region: organisations whose ICB(s) all lie in the region.
    const regionOf = (icbCode: string) => mapping.find((m) => m['ODS ICB Code'] === icbCode)!['NHS England Region Code'];
    const y = 'Y56';
    t.same(
      await codesOf(`region=${y}`),
      sorted(orgs.filter((o) => o.LocalAuthority?.startsWith('E') && icbsOfTrust(o.ParentODSCode!).length > 0 && icbsOfTrust(o.ParentODSCode!).every((c) => regionOf(c) === y)).map((o) => o.OrganisationCode)),
    );
    // Name search ignores case and punctuation.
    const key = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
    t.same(await codesOf('q=addenbrookes'), sorted(orgs.filter((o) => key(o.OrganisationName!).includes('addenbrookes')).map((o) => o.OrganisationCode)));
    t.same(await codesOf(`q=${encodeURIComponent("ST. MARY'S")}`), sorted(orgs.filter((o) => key(o.OrganisationName!).includes('stmarys')).map((o) => o.OrganisationCode)));
    t.same(await codesOf('ods_code=rgt01,7a1a1'), ['7A1A1', 'RGT01']);
  });

  t.test('structures: one by code, and its organisations', async (t) => {
    const icb = await get('/v1/organisations/icbs/QHM');
    t.equal(icb.item.name, icbs.find((i) => i.ods_code === 'QHM')!.name);
    t.equal(icb.related.region.code, mapping.find((m) => m['ODS ICB Code'] === 'QHM')!['NHS England Region Code']);
    t.same(icb.related.trusts.map((x: { ods_code: string }) => x.ods_code), sorted(mapping.filter((m) => m['ODS ICB Code'] === 'QHM').map((m) => m['ODS Trust Code'])));
    const surrey = await get('/v1/organisations/icbs/QXU');
    t.equal(surrey.item.gss_code, 'E54000063', 'served with the ICB list code');
    t.equal(surrey.item.mapping_gss_code, 'E54000052', 'the superseded mapping code is kept');
    const trustOrgs = await get('/v1/organisations/trusts/RGT/organisations?fields=ods_code');
    t.same(sorted(trustOrgs.items.map((i: { ods_code: string }) => i.ods_code)), sorted(orgs.filter((o) => o.ParentODSCode === 'RGT').map((o) => o.OrganisationCode)));
    const pdu = await get('/v1/organisations/pdus/PZ010');
    t.same(sorted(pdu.related.members.map((m: { ods_code: string }) => m.ods_code)), sorted(pz.filter((p) => p.npda_code === 'PZ010').map((p) => p.ods_code)));
    const net = await get('/v1/organisations/openuk_networks/SWEP');
    t.same(sorted(net.related.health_boards.map((b: { ods_code: string }) => b.ods_code)), sorted(ouTrusts.filter((r) => r['OPEN UK Network Code'] === 'SWEP' && boardCodes.has(r['ods trust code'])).map((r) => r['ods trust code'])));
    const region = await get('/v1/organisations/regions/E40000003');
    t.equal(region.item.code, 'Y56', 'a region by its GSS code');
    const networks = await get('/v1/organisations/organisations/RGT01/networks');
    t.equal(networks.pdu.npda_code, pz.find((p) => p.ods_code === 'RGT01')!.npda_code);
    t.equal(networks.openuk_network.code, firstOpenuk('RGT'));
    const dn = await get('/v1/organisations/diabetes_networks/PN07/organisations?fields=ods_code,pdu');
    t.ok(dn.items.length > 0 && dn.items.every((i: { pdu: { network: { code: string } } }) => i.pdu.network.code === 'PN07'));
  });

  t.test('every CSV list without limit= is the whole list (= total of its JSON list)', async (t) => {
    const rowsOf = async (url: string) => {
      const res = await app.inject(url);
      t.equal(res.statusCode, 200, url);
      t.match(res.headers['content-type'], /^text\/csv/, url);
      return parse(res.body, { bom: true, columns: true }) as Row[];
    };
    const all = await rowsOf('/v1/organisations/organisations.csv');
    t.equal(all.length, orgs.length, `organisations.csv: all ${orgs.length} organisations`);
    t.ok(orgs.length > 100, 'more organisations than the default page size');
    t.same(all.map((r) => r.ods_code), sorted(orgs.map((o) => o.OrganisationCode)), 'each once, in code order');
    t.equal((await rowsOf('/v1/organisations/organisations?format=csv')).length, orgs.length, 'format=csv too');
    t.equal((await get('/v1/organisations/organisations')).total, orgs.length, '= total of the JSON list');
    for (const table of ['trusts', 'health_boards', 'icbs', 'regions', 'countries', 'pdus', 'diabetes_networks', 'openuk_networks', 'london_boroughs']) {
      const { total } = await get(`/v1/organisations/${table}`);
      t.equal((await rowsOf(`/v1/organisations/${table}.csv`)).length, total, `${table}.csv: all ${total}`);
    }
    t.ok((await get('/v1/organisations/trusts')).total > 100 && (await get('/v1/organisations/pdus')).total > 100, 'trusts and PDUs are longer than a page');
    // A structure's organisations as CSV (England's: longer than a page).
    for (const path of ['countries/E92000001', 'trusts/RGT']) {
      const { total } = await get(`/v1/organisations/${path}/organisations`);
      t.ok(total > 0, `${path} has organisations`);
      t.equal((await rowsOf(`/v1/organisations/${path}/organisations?format=csv`)).length, total, `${path}/organisations as CSV: all ${total}`);
    }
    t.ok((await get('/v1/organisations/countries/E92000001/organisations')).total > 100, "England's organisations are longer than a page");
    // With limit= a CSV is one page, and its cursor pages on.
    const first = await app.inject('/v1/organisations/organisations.csv?limit=200');
    const firstRows = parse(first.body, { bom: true, columns: true }) as Row[];
    t.equal(firstRows.length, 200);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
    t.ok(next, 'a Link to the next CSV page');
    const rest = await rowsOf(next!);
    t.same([...firstRows, ...rest].map((r) => r.ods_code), all.map((r) => r.ods_code), 'two CSV pages = the whole list');
  });

  t.test('limited shape, fields=, pagination, CSV, ETag', async (t) => {
    const limited = await get('/v1/organisations/organisations/limited');
    t.equal(limited.total, orgs.length);
    t.same(Object.keys(limited.items[0]), ['ods_code', 'name']);
    const one = await get('/v1/organisations/organisations/RGT01?fields=ods_code,icb');
    t.same(Object.keys(one.item), ['ods_code', 'icb']);
    const seen: string[] = [];
    let url: string | null = '/v1/organisations/organisations?limit=100&fields=ods_code';
    while (url) {
      const res: { json(): { next: string | null; items: { ods_code: string }[] }; headers: Record<string, unknown> } = await app.inject(url);
      const body = res.json();
      if (body.next) t.equal(res.headers.link, `<${body.next}>; rel="next"`);
      seen.push(...body.items.map((i: { ods_code: string }) => i.ods_code));
      url = body.next;
    }
    t.same(seen, sorted(orgs.map((o) => o.OrganisationCode)), 'each organisation once, in code order');
    const csv = await app.inject('/v1/organisations/organisations.csv?country=W92000004');
    t.match(csv.headers['content-type'], /^text\/csv/);
    const lines = csv.body.trim().split('\n');
    t.match(lines[0], /^ods_code,name,/);
    t.equal(lines.length - 1, orgs.filter((o) => boardCodes.has(o.ParentODSCode!) || o.LocalAuthority?.startsWith('W')).length);
    const plain = await app.inject('/v1/organisations/organisations?limit=1000');
    const br = await app.inject({ url: '/v1/organisations/organisations?limit=1000', headers: { 'accept-encoding': 'gzip, br' } });
    t.equal(br.headers['content-encoding'], 'br');
    t.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body, 'brotli answer = identity answer');
    const gz = await app.inject({ url: '/v1/organisations/organisations?limit=1000', headers: { 'accept-encoding': 'gzip, br;q=0' } });
    t.equal(gz.headers['content-encoding'], 'gzip');
    t.equal(gunzipSync(gz.rawPayload).toString(), plain.body, 'gzip answer = identity answer');
    const none = await app.inject({ url: '/v1/organisations/organisations?limit=1000', headers: { 'accept-encoding': 'gzip;q=0' } });
    t.notOk(none.headers['content-encoding']);
    t.match(String(plain.headers.vary), /Accept-Encoding/);
    const first = await app.inject('/v1/organisations/organisations?limit=5');
    t.ok(first.headers.etag);
    const again = await app.inject({ url: '/v1/organisations/organisations?limit=5', headers: { 'if-none-match': String(first.headers.etag) } });
    t.equal(again.statusCode, 304);
  });

  t.test('nearest organisations by latitude/longitude', async (t) => {
    const src = orgs.find((o) => o.OrganisationCode === 'RGT01')!;
    const res = await get(`/v1/organisations/nearest?lat=${src.Latitude}&long=${src.Longitude}&limit=3`);
    t.equal(res.items[0].organisation.ods_code, 'RGT01');
    t.equal(res.items[0].distance_km, 0);
    const hav = (a: number, b: number, c: number, d: number) => {
      const r = Math.PI / 180;
      const h = Math.sin(((c - a) * r) / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin(((d - b) * r) / 2) ** 2;
      return 12742 * Math.asin(Math.sqrt(h));
    };
    const expected = orgs
      .filter((o) => o.Latitude && o.Longitude)
      .map((o) => ({ code: o.OrganisationCode, d: hav(Number(src.Latitude), Number(src.Longitude), Number(o.Latitude), Number(o.Longitude)) }))
      .sort((a, b) => a.d - b.d || a.code!.localeCompare(b.code!))
      .slice(0, 3);
    t.same(res.items.map((i: { organisation: { ods_code: string } }) => i.organisation.ods_code), expected.map((e) => e.code));
    t.ok(Math.abs(res.items[2].distance_km - expected[2].d) < 0.001);
    const inPdu = await get(`/v1/organisations/nearest?lat=51.5&long=-0.12&limit=2&pdu=PZ041&fields=ods_code,pdu`);
    t.ok(inPdu.items.every((i: { organisation: { pdu: { npda_code: string } } }) => i.organisation.pdu.npda_code === 'PZ041'));
    const near = await get('/v1/organisations/nearest?lat=51.5&long=-0.12&max_km=2&limit=100&fields=ods_code');
    t.ok(near.items.every((i: { distance_km: number }) => i.distance_km <= 2));
  });

  t.test('known problems of the lists are warnings in the catalogue', async (t) => {
    const cat = await get('/catalogue/organisations');
    const codes = cat.warnings.map((w: { code: string }) => w.code);
    for (const c of ['country-code-not-gss', 'icb-superseded-code', 'trusts-without-icb', 'pdu-code-shared', 'pdu-code-not-a-site', 'pdu-without-network', 'organisation-without-parent'])
      t.ok(codes.includes(c), `warning ${c}`);
    const superseded = cat.warnings.filter((w: { code: string }) => w.code === 'icb-superseded-code').map((w: { details: { mapping: string } }) => w.details.mapping);
    t.same(superseded.sort(), sorted(mapping.map((m) => m['ONS ICB Boundary Code']).filter((c) => !icbs.some((i) => i.gss_code === c))));
    const unmapped = cat.warnings.find((w: { code: string }) => w.code === 'trusts-without-icb').details;
    const mapped = new Set(mapping.map((m) => m['ODS Trust Code']));
    t.same(unmapped, sorted(trusts.filter((x) => !mapped.has(x.ods_code)).map((x) => x.ods_code)));
    const notSites = cat.warnings.find((w: { code: string }) => w.code === 'pdu-code-not-a-site').details;
    t.equal(notSites.length, pz.filter((p) => !orgs.some((o) => o.OrganisationCode === p.ods_code)).length);
    const noNet = cat.warnings.find((w: { code: string }) => w.code === 'pdu-without-network').details;
    t.same(noNet, sorted(pzNet.filter((p) => !p.network_code).map((p) => p.npda_code)));
  });

  t.test('the weekly refresh is a worker cron job, and history is kept', async (t) => {
    const line = crontab(platform)
      .split('\n')
      .find((l) => l.includes('"dataset":"organisations"'));
    t.match(line, /^0 5 \* \* 1 /, 'every Monday at 05:00');
    t.match(line, /"trigger":"schedule"/);
    t.ok(platform.dataset('organisations')!.manifest.keep_editions! >= 520, 'ten years of weekly editions are kept');
  });

  t.test('bad input is a 4xx problem', async (t) => {
    for (const [url, status] of [
      ['/v1/organisations/organisations?nosuch=1', 400],
      ['/v1/organisations/organisations?limit=0', 400],
      ['/v1/organisations/organisations?fields=nope', 400],
      ['/v1/organisations/organisations?cursor=%%%', 400],
      ['/v1/organisations/organisations?q=...', 400],
      ['/v1/organisations/organisations?as_of=2020-13-45', 400],
      ['/v1/organisations/organisations?as_of=yesterday', 400],
      ['/v1/organisations/organisations?as_of=1990-01-01', 404],
      ['/v1/organisations/organisations?as_of=2030-01-01&edition=1', 400],
      ['/v1/organisations/organisations/NOPE9', 404],
      ['/v1/organisations/trusts/NOPE', 404],
      ['/v1/organisations/trusts/NOPE/organisations', 404],
      ['/v1/organisations/nearest', 400],
      ['/v1/organisations/nearest?lat=51', 400],
      ['/v1/organisations/nearest?lat=91&long=0', 400],
      ['/v1/organisations/nearest?lat=51&long=0&postcode=SW1A1AA', 400],
      ['/v1/organisations/nearest?postcode=NOTAPOSTCODE', 400],
      ['/v1/organisations/nearest?lat=51&long=x', 400],
      ['/v1/organisations/successions/NOPE', 404],
      ['/v1/organisations/organisations?edition=99999', 404],
      ['/v1/organisations/organisations?cursor=WzFd', 400], // [1]: a number where a code goes
      ['/v1/organisations/organisations.csv?cursor=bm9wZQ', 400],
      [`/v1/organisations/trusts?cursor=${'A'.repeat(300)}`, 400],
      ['/v1/organisations/organisations?q=%00', 400],
      ['/v1/organisations/organisations?trust=R%00GT', 400],
      ['/v1/organisations/organisations?limit=1e309', 400],
      ['/v1/organisations/organisations.csv?limit=100000', 400],
      ['/v1/organisations/nearest?lat=Infinity&long=0', 400],
      ['/v1/organisations/nearest?lat=51&long=0&max_km=-1', 400],
      ['/v1/organisations/nearest?lat=51&long=0&limit=101', 400],
      ['/v1/organisations/organisations?as_of=2024-02-30', 400],
      ['/v1/organisations/trusts/RGT?as_of=2024-02-30', 400],
      ['/v1/organisations/changes/since?date=2024-02-30', 400],
      ['/v1/organisations/organisations?edition=99999999999999999999', 404],
      [`/v1/organisations/organisations/${'X'.repeat(21)}`, 400],
    ] as const) {
      const res = await app.inject(url);
      t.equal(res.statusCode, status, url);
      t.match(res.headers['content-type'], /^application\/problem\+json/, `${url} is problem+json`);
    }
  });
});
