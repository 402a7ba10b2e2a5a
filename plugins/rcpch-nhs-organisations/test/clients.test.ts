// The RCPCH NHS Organisations API drop-in, replayed as its clients call it (Epilepsy12's and NPDA's
// requests: path with and without the trailing slash, spaces as %20, their API-key headers)
// against the real server with the real curated lists, boundaries and postcode sample imported;
// the keys and values the clients read checked against the source files, read here independently.
import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openDbf } from 'shapefile';
import { haversineKm } from '../../../core/contract.ts';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { documentedAnswer } from '../../../test/helpers/openapi.ts';
import { dataDir, testPlatform } from '../../../test/helpers/platform.ts';

type Row = Record<string, string | null>;
type Json = Record<string, unknown>;

const PREFIX = '/nhs-organisations/v1';
const PLUGIN = 'rcpch-nhs-organisations';
const TAG = 'RCPCH NHS Organisations API (compatible)';
const read = (file: string): Row[] => JSON.parse(readFileSync(join(dataDir(), 'organisations', file), 'utf8'));
const orgs = read('rcpch_organisations.json');
const trusts = read('trusts.json');
const boards = read('local_health_boards.json');
const icbs = read('integrated_care_boards.json');
const regions = read('nhs_england_regions.json');
const openuk = read('open_uk_networks.json');
const countries = read('country_codes.json');
const pz = read('pz_codes.json');
const orgCodes = new Set(orgs.map((o) => o.OrganisationCode!));
const boardCodes = new Set(boards.map((b) => b.ods_code!));
const trustCodes = new Set(trusts.map((x) => x.ods_code!));
const pdus = [...new Set(pz.map((p) => p.npda_code!))].sort();
const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

/** Units whose every listed code is neither an organisation, a trust nor a board (the curated list's unlisted sites). */
const unitsWithoutOrganisations = pdus.filter((code) => pz.filter((p) => p.npda_code === code).every((p) => !orgCodes.has(p.ods_code!) && !trustCodes.has(p.ods_code!) && !boardCodes.has(p.ods_code!)));

// What the clients send with every call; the service accepts and ignores it.
const HEADERS = { 'Ocp-Apim-Subscription-Key': 'an-epilepsy12-key', 'Subscription-Key': 'an-npda-key', Authorization: 'Token abc' };

/** The call with and without the trailing slash of its path. */
function bothForms(call: string): string[] {
  const [path, query] = call.split('?');
  const bare = path.replace(/\/$/, '');
  return [`${bare}/`, bare].map((p) => `${PREFIX}${p}${query === undefined ? '' : `?${query}`}`);
}

/** One point of the ONSPD sample (Aberdeen) and the districts with live postcodes within 10 km, computed from the source files. */
function districtsAround(lat: number, long: number, metres: number) {
  const csv = (f: string): Row[] => parse(readFileSync(join(dataDir(), 'onspd', f)), { bom: true, columns: true, skip_empty_lines: true });
  const names = JSON.parse(readFileSync(join(dataDir(), 'geography-names', 'districts.json'), 'utf8')) as Record<string, string>;
  const rows = [...csv('ONSPD_sample.csv'), ...csv('ONSPD_supplement_from_postcodes_io_examples.csv')];
  const near = rows.filter((r) => !r.doterm && r.oslaua && Number(r.lat) < 90 && haversineKm(lat, long, Number(r.lat), Number(r.long)) * 1000 <= metres);
  return distinct(near.map((r) => r.oslaua)).map((code) => ({ lad24cd: code, lad24nm: names[code] ?? null }));
}

async function dbfRecords(path: string): Promise<Json[]> {
  const source = await openDbf(join(dataDir(), 'boundaries', path), { encoding: 'utf-8' });
  const out: Json[] = [];
  for (let r = await source.read(); !r.done; r = await source.read()) out.push(r.value as Json);
  return out;
}

t.test('the NHS Organisations API as its clients call it', async (t) => {
  const database = await createTestDatabase(t, 'nhsorgs');
  const { app } = await testPlatform(t, { database, datasets: ['postcodes', 'organisations', 'boundaries'], plugins: [PLUGIN], imports: ['postcodes', 'organisations', 'boundaries'] });

  /** Every form of a call answers 200 directly with the same JSON, valid against its documented schema. */
  const spec = (await app.inject('/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[] } }> };
  // the operation of a URL: the one with the fewest parameters among those matching (static segments win, as in the router)
  const operationOf = (url: string) =>
    Object.keys(spec.paths)
      .filter((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}/?$`).test(decodeURIComponent(url.split('?')[0])))
      .sort((a, b) => a.split('{').length - b.split('{').length)[0];
  async function call(t: Test, url: string): Promise<any> {
    let first: unknown;
    for (const form of bothForms(url)) {
      const res = await app.inject({ url: form, headers: HEADERS });
      t.equal(res.statusCode, 200, `${form} answers 200 directly`);
      const body = res.json();
      if (first === undefined) first = body;
      else t.same(body, first, `${form}: the same answer without the slash`);
      const operation = operationOf(form);
      t.ok(operation, `${form} is documented`);
      if (operation) t.same((await documentedAnswer(app, 'GET', operation))(body), [], `${form} answers as documented`);
      // bound to the editions it comes from: revalidated with a 304 until one of them changes
      const etag = String(res.headers.etag ?? '');
      t.match(etag, /^W\/"e[\d.]+-/, `${form}: an ETag bound to the editions`);
      const again = await app.inject({ url: form, headers: { ...HEADERS, 'if-none-match': etag } });
      t.equal(again.statusCode, 304, `${form}: 304 for a current copy`);
    }
    return first;
  }
  const problem = async (t: Test, url: string, status: number) => {
    const res = await app.inject({ url: `${PREFIX}${url}`, headers: HEADERS });
    t.equal(res.statusCode, status, `${url}: ${status}`);
    t.match(res.json(), { detail: String }, 'with a detail, as the original');
    return res.json().detail as string;
  };

  t.test('organisations (Epilepsy12 sync, NPDA look-ups)', async (t) => {
    const all = (await call(t, '/organisations/')) as Json[];
    t.equal(all.length, orgs.length, `every organisation of rcpch_organisations.json (${orgs.length})`);
    t.same(distinct(all.map((o) => o.ods_code as string)), distinct([...orgCodes]), 'each once');
    const names = all.map((o) => o.name as string);
    t.ok(names.every((n, i) => i === 0 || names[i - 1] <= n), 'ordered by name');

    const rgt01 = (await call(t, '/organisations/RGT01/')) as any;
    t.equal(rgt01.trust.ods_code, 'RGT', "RGT01's trust");
    t.equal(rgt01.paediatric_diabetes_unit.pz_code, 'PZ041', "RGT01's diabetes unit");
    t.equal(rgt01.paediatric_diabetes_unit.paediatric_diabetes_network.pn_code, 'PN06');
    t.equal(rgt01.integrated_care_board.ods_code, 'QUE');
    t.equal(rgt01.integrated_care_board.boundary_identifier, 'E54000056');
    t.equal(rgt01.nhs_england_region.region_code, 'Y61');
    t.equal(rgt01.openuk_network.boundary_identifier, 'EPEN');
    t.equal(rgt01.country.boundary_identifier, 'E92000001');
    t.equal(rgt01.local_health_board, null, 'no board: null');
    t.equal(rgt01.london_borough, null);
    const source = orgs.find((o) => o.OrganisationCode === 'RGT01')!;
    t.same(rgt01.geocode_coordinates, { type: 'Point', coordinates: [Number(source.Longitude), Number(source.Latitude)] }, 'GeoJSON [longitude, latitude]');
    t.same(
      [rgt01.name, rgt01.address1, rgt01.city, rgt01.postcode, rgt01.telephone, rgt01.website, rgt01.active],
      [source.OrganisationName, source.Address1, source.City, source.Postcode, source.Phone, source.Website, true],
    );
    t.same(await call(t, '/organisations/?ods_code=RGT01'), [rgt01], 'filtered by ods_code (as both clients ask)');
    t.same(await call(t, "/organisations/?name=ADDENBROOKE'S%20HOSPITAL"), [rgt01], 'by name, spaces as %20');
    t.same(
      ((await call(t, '/organisations/?postcode=CB2%200QQ')) as Json[]).map((o) => o.ods_code),
      all.filter((o) => orgs.some((s) => s.OrganisationCode === o.ods_code && s.Postcode === 'CB2 0QQ')).map((o) => o.ods_code),
      'by postcode, spaces as %20',
    );
    t.equal(((await call(t, '/organisations/?active=true')) as Json[]).length, orgs.length, 'active=true: all listed');
    t.same(await call(t, '/organisations/?active=false'), []);
    t.same(await call(t, '/organisations/?ods_code=NOPE1'), [], 'an unknown code filters to an empty array');

    for (const o of orgs) {
      const served = all.find((x) => x.ods_code === o.OrganisationCode) as any;
      const parent = o.ParentODSCode;
      const ok =
        served.name === o.OrganisationName &&
        served.postcode === (o.Postcode || null) &&
        (!parent || (boardCodes.has(parent) ? served.local_health_board?.ods_code === parent : served.trust?.ods_code === parent));
      if (!ok) t.fail(`${o.OrganisationCode} as the source says`, { served, listed: o });
    }
    t.pass('every organisation has the name, postcode and trust or board of the source');

    const welsh = (await call(t, '/organisations/7A3C7/')) as any;
    t.same(welsh.local_health_board, { ods_code: '7A3', boundary_identifier: 'W11000031', name: boards.find((b) => b.ods_code === '7A3')!.health_board!.toUpperCase() });
    t.equal(welsh.trust, null);

    const limited = (await call(t, '/organisations/limited')) as Json[];
    t.same(limited, all.map((o) => ({ ods_code: o.ods_code, name: o.name })), 'limited: code and name, in the same order');
    const withUnit = (await call(t, '/organisations/paediatric-diabetes-units')) as Json[];
    t.same(withUnit, all.filter((o) => o.paediatric_diabetes_unit !== null), 'those with a diabetes unit, as /organisations/ has them');
    t.ok(withUnit.length > 100);
  });

  t.test('structures', async (t) => {
    const codes = async (url: string, key: string) => distinct(((await call(t, url)) as Json[]).map((x) => x[key] as string));
    t.same(await codes('/trusts/', 'ods_code'), distinct(trusts.map((x) => x.ods_code)), `every trust of trusts.json (${trusts.length})`);
    t.same(await codes('/local_health_boards/', 'ods_code'), distinct(boards.map((x) => x.ods_code)), `every board (${boards.length})`);
    t.same(await codes('/integrated_care_boards/', 'ods_code'), distinct(icbs.map((x) => x.ods_code)), `every ICB (${icbs.length})`);
    t.same(await codes('/nhs_england_regions/', 'region_code'), distinct(regions.map((x) => x.NHS_ENGLAND_REGION_CODE)), `every region (${regions.length})`);
    t.same(await codes('/openuk_networks/', 'boundary_identifier'), distinct(openuk.map((x) => x.OPEN_UK_Network_Code)), `every OPEN UK network (${openuk.length})`);
    t.same(
      await codes('/countries/', 'boundary_identifier'),
      distinct(countries.map((x) => (x.country_ons_code === 'E92000003' ? 'L93000001' : x.country_ons_code))),
      `every country (${countries.length}); Jersey's E92000003 (not a GSS code) as L93000001`,
    );
    t.same(await codes('/london_boroughs/', 'gss_code'), distinct(orgs.map((o) => o.LocalAuthority).filter((c) => c?.startsWith('E09'))), 'the London boroughs of the listed organisations');

    const rgt = (await call(t, '/trusts/RGT/')) as any;
    t.match(rgt, { ods_code: 'RGT', name: trusts.find((x) => x.ods_code === 'RGT')!.trust_name, town: 'CAMBRIDGE', country: 'ENGLAND', active: true, published_at: null });
    t.same(distinct(rgt.organisations.map((o: Json) => o.ods_code as string)), distinct(orgs.filter((o) => o.ParentODSCode === 'RGT').map((o) => o.OrganisationCode)), "the trust's organisations");
    const lhbs = (await call(t, '/local_health_boards/')) as Json[];
    const lhbNames = lhbs.map((b) => b.name as string);
    t.ok(lhbNames.every((n, i) => i === 0 || lhbNames[i - 1] >= n), 'boards by name descending, as the original');

    // Epilepsy12 reads these members of each (bng_e/bng_n as integers); they come from the boundary files.
    const dbf = {
      lhb: await dbfRecords('Local_Health_Boards_April_2022_WA_BUC_2022/LHB_APR_2022_WA_BUC.dbf'),
      icb: await dbfRecords('Integrated_Care_Boards_April_2023_EN_BSC/ICB_APR_2023_EN_BSC.dbf'),
      region: await dbfRecords('NHS_England_Regions_July_2022_EN_BUC_2022/NHSER_JUL_2022_EN_BUC.dbf'),
      country: await dbfRecords('Countries_December_2022_UK_BUC/CTRY_DEC_2022_UK_BUC.dbf'),
    };
    const point = (r: Json) => ({ bng_e: Math.round(Number(r.BNG_E)), bng_n: Math.round(Number(r.BNG_N)), long: Number(r.LONG), lat: Number(r.LAT), globalid: r.GlobalID });
    for (const b of lhbs) {
      const d = dbf.lhb.find((r) => r.LHB22CD === b.boundary_identifier)!;
      t.same(b, { ...b, ...point(d), welsh_name: d.LHB22NMW }, `board ${b.ods_code}: label point and Welsh name of the boundary file`);
      t.match(b, { publication_date: /^\d{4}-\d{2}-\d{2}$/ });
    }
    for (const i of (await call(t, '/integrated_care_boards/')) as Json[]) {
      const d = dbf.icb.find((r) => r.ICB23CD === i.boundary_identifier);
      t.ok(d, `ICB ${i.ods_code} has a boundary`);
      if (d) t.same(i, { ...i, ...point(d) }, `ICB ${i.ods_code}: label point of the boundary file`);
    }
    for (const r of (await call(t, '/nhs_england_regions/')) as Json[]) t.same(r, { ...r, ...point(dbf.region.find((x) => x.NHSER22CD === r.boundary_identifier)!) }, `region ${r.region_code}`);

    const fields = 'boundary_identifier,name,welsh_name,bng_e,bng_n,long,lat,globalid';
    const listed = (await call(t, `/countries/?fields=${fields}`)) as Json[];
    t.ok(listed.every((c) => Object.keys(c).join(',') === fields), 'fields= selects the members Epilepsy12 asks for');
    const england = (await call(t, `/countries/E92000001/?fields=${fields}`)) as Json;
    t.same(england, { boundary_identifier: 'E92000001', name: 'England', welsh_name: 'Lloegr', ...point(dbf.country.find((r) => r.CTRY22CD === 'E92000001')!) });
    t.same(((await call(t, '/countries/?fields=name,nonsense')) as Json[])[0], { name: 'Wales' }, 'unknown field names ignored');
    t.match(await call(t, '/openuk_networks/EPEN/'), { boundary_identifier: 'EPEN', name: 'Eastern Paediatric Epilepsy Network', country: 'England' });
    t.match(await call(t, '/nhs_england_regions/Y61/'), { region_code: 'Y61', boundary_identifier: 'E40000007', name: 'East of England' });

    for (const [path, code] of [
      ['/local_health_boards', '7A3'],
      ['/integrated_care_boards', 'QUE'],
      ['/nhs_england_regions', 'Y61'],
      ['/london_boroughs', 'E09000030'],
    ]) {
      const withOrgs = (await call(t, `${path}/organisations/`)) as Json[];
      t.ok(withOrgs.every((x) => Array.isArray(x.organisations) && (x.organisations as Json[]).every((o) => Object.keys(o).sort().join() === 'name,ods_code')), `${path}/organisations/: organisations as {ods_code, name}`);
      const one = (await call(t, `${path}/${code}/organisations/`)) as Json;
      t.same(await call(t, `${path}/organisations/${code}/`), one, `${path}/organisations/${code}/ as ${path}/${code}/organisations/`);
      t.ok((one.organisations as Json[]).length > 0, `${code} has organisations`);
      t.same(await call(t, `${path}/extended/${code}/`), await call(t, `${path}/${code}/`), `${path}/extended/${code}/`);
    }
    const que = distinct(((await call(t, '/integrated_care_boards/QUE/organisations/')) as any).organisations.map((o: Json) => o.ods_code as string));
    const everyone = (await call(t, '/organisations/')) as any[];
    const nestedWithQue = everyone.filter((o) => o.integrated_care_board?.ods_code === 'QUE').map((o) => o.ods_code);
    t.ok(nestedWithQue.length > 0 && nestedWithQue.every((c) => que.includes(c)), "an ICB's organisations include those nested with it");
    t.same(
      que.filter((c) => !nestedWithQue.includes(c)).map((c) => everyone.find((o) => o.ods_code === c).integrated_care_board),
      que.filter((c) => !nestedWithQue.includes(c)).map(() => null),
      'and those of trusts serving several ICBs (nested with integrated_care_board null)',
    );
  });

  t.test('paediatric diabetes units (NPDA)', async (t) => {
    const units = (await call(t, '/paediatric_diabetes_units/extended')) as Json[];
    t.same(units.map((u) => u.pz_code), pdus, `every unit of pz_codes.json (${pdus.length}), by code`);
    t.same(await call(t, '/paediatric_diabetes_units/'), units);

    const grouped = (await call(t, '/paediatric_diabetes_units/organisations/')) as any[];
    t.same(grouped.map((u) => u.pz_code), pdus);
    t.ok(grouped.every((u) => u.organisations.every((o: Json) => Object.keys(o).sort().join() === 'name,ods_code')), 'each organisation has exactly ods_code and name (NPDA builds objects with **org)');
    for (const p of pz.filter((x) => orgCodes.has(x.ods_code!)))
      if (!grouped.find((u) => u.pz_code === p.npda_code).organisations.some((o: Json) => o.ods_code === p.ods_code)) t.fail(`${p.ods_code} in ${p.npda_code}`);
    t.pass('every site the PDU list names is among its unit organisations');
    t.same(await call(t, '/paediatric_diabetes_units/organisations/?pz_code=PZ041'), [grouped.find((u) => u.pz_code === 'PZ041')], 'one unit by pz_code (NPDA)');
    t.same(await call(t, '/paediatric_diabetes_units/organisations/?pz_code=PZ000'), [], 'an unknown code: an empty array');

    const parents = (await call(t, '/paediatric_diabetes_units/parent/')) as any[];
    t.same(parents.map((u) => u.pz_code), pdus, 'parent: every unit');
    t.ok(unitsWithoutOrganisations.length > 0, `the curated list has units without organisations (${unitsWithoutOrganisations.join(', ')})`);
    for (const code of unitsWithoutOrganisations) {
      const u = parents.find((x) => x.pz_code === code);
      t.match(u, { parent: null, primary_organisation: null, name: null }, `${code}: no organisation, listed with nulls`);
      t.same(grouped.find((x) => x.pz_code === code).organisations, []);
    }
    for (const u of parents.filter((x) => !unitsWithoutOrganisations.includes(x.pz_code))) {
      const sites = pz.filter((p) => p.npda_code === u.pz_code && orgCodes.has(p.ods_code!)).map((p) => p.ods_code);
      if (sites.length > 0 && !sites.includes(u.primary_organisation?.ods_code)) t.fail(`${u.pz_code}: the primary organisation is a site the PDU list names`, { u, sites });
      const primary = orgs.find((o) => o.OrganisationCode === u.primary_organisation?.ods_code);
      if (!primary || primary.OrganisationName !== u.primary_organisation.name || u.name !== primary.OrganisationName) t.fail(`${u.pz_code}: primary organisation as the source names it`, u);
      if ((u.parent?.ods_code ?? null) !== (primary?.ParentODSCode || null)) t.fail(`${u.pz_code}: the parent of its primary organisation`, u);
    }
    t.pass('every unit with organisations has a listed primary organisation and its parent');
    const pz002 = (await call(t, '/paediatric_diabetes_units/parent/?pz_code=PZ002')) as any[];
    t.match(pz002, [{ pz_code: 'PZ002', paediatric_diabetes_network: { pn_code: 'PN06' }, parent: { ods_code: 'RM1', country: 'ENGLAND' }, primary_organisation: { ods_code: 'RM102' } }]);
    t.same(await call(t, '/paediatric_diabetes_units/PZ002/parent/'), pz002[0]);
    const welsh = parents.find((u) => u.pz_code === 'PZ001');
    t.same(Object.keys(welsh.parent).sort(), ['boundary_identifier', 'name', 'ods_code'], 'a Welsh unit: its board, briefly');

    const siblings = (await call(t, '/paediatric_diabetes_units/sibling-organisations/RGT01')) as any[];
    t.match(siblings, [{ pz_code: 'PZ041', organisations: [{ ods_code: 'RGT01', parent: { ods_code: 'RGT' } }] }]);
    t.same(await call(t, '/paediatric_diabetes_units/sibling-organisations/NOPE1/'), [], 'an unknown code: an empty array');
    // A unit the PDU list gives a trust: the trust's sites the list does not name themselves are its organisations, siblings of one another.
    const listedSites = new Set(pz.map((p) => p.ods_code));
    const byTrust = pz.find((p) => trustCodes.has(p.ods_code!) && pz.filter((q) => q.ods_code === p.ods_code).length === 1 && orgs.filter((o) => o.ParentODSCode === p.ods_code && !listedSites.has(o.OrganisationCode)).length > 1)!;
    const trustSites = distinct(orgs.filter((o) => o.ParentODSCode === byTrust.ods_code && !listedSites.has(o.OrganisationCode)).map((o) => o.OrganisationCode));
    const group = (await call(t, `/paediatric_diabetes_units/sibling-organisations/${trustSites[0]}`)) as any[];
    t.equal(group[0].pz_code, byTrust.npda_code, `${trustSites[0]} is in ${byTrust.npda_code}, which the PDU list gives its trust ${byTrust.ods_code}`);
    t.same(distinct(group[0].organisations.map((o: Json) => o.ods_code as string)), trustSites, "its siblings: the trust's sites");
    t.ok(group[0].organisations.every((o: any) => o.parent.ods_code === byTrust.ods_code), 'each with the trust as parent');
  });

  t.test('snapshot (Epilepsy12 publication flow)', async (t) => {
    const today = new Date().toISOString().slice(0, 10);
    const now = (await call(t, '/organisations/RGT01/snapshot/')) as any;
    t.match(now, { ods_code: 'RGT01', snapshot_date: today, name: "ADDENBROOKE'S HOSPITAL", address1: 'HILLS ROAD', trust: { ods_code: 'RGT' }, integrated_care_board: { ods_code: 'QUE' }, nhs_england_region: { region_code: 'Y61' }, openuk_network: { boundary_identifier: 'EPEN' }, paediatric_diabetes_unit: { pz_code: 'PZ041' }, local_health_board: null, predecessor_ods_code: null });
    t.same(await call(t, `/organisations/RGT01/snapshot/?date=${today}`), now);
    t.match(await problem(t, '/organisations/RGT01/snapshot/?date=2000-01-01', 404), /No state found for organisation RGT01 on 2000-01-01/, 'before any record: 404');
    for (const bad of ['2024-13-01', '2024-02-30', '01/02/2024', 'yesterday', '%00'].map(encodeURIComponent)) await problem(t, `/organisations/RGT01/snapshot/?date=${bad}`, 400);
    t.equal(await problem(t, '/organisations/NOPE1/snapshot/', 404), 'No Organisation matches the given query.');
  });

  t.test('local authority districts within a radius (NPDA)', async (t) => {
    const [lat, long] = [57.1437, -2.0981]; // Aberdeen, where the ONSPD sample's postcodes are
    for (const radius of [10000, 1500, 25000]) {
      const served = (await call(t, `/local_authority_districts/within_radius/?long=${long}&lat=${lat}&radius=${radius}`)) as Json[];
      const expected = districtsAround(lat, long, radius);
      t.same(distinct(served.map((d) => d.lad24cd as string)), expected.map((d) => d.lad24cd), `${radius} m: the districts with postcodes within it`);
      t.same(served, [...expected].sort((a, b) => (a.lad24nm! < b.lad24nm! ? 1 : -1)), 'named, by name descending');
      t.ok(served.length > 0);
    }
    t.same(await call(t, '/local_authority_districts/within_radius/?long=-2.0981&lat=57.1437&radius=10000.5'), await call(t, '/local_authority_districts/within_radius/?long=-2.0981&lat=57.1437&radius=10000.5'), 'a radius in fractional metres');
    t.same(await call(t, '/local_authority_districts/within_radius/?long=0&lat=0&radius=1000'), [], 'no postcode there: an empty array');
    for (const q of ['long=-2&lat=57', 'long=-2&lat=abc&radius=10', 'long=-2&lat=91&radius=10', 'long=-2&lat=57&radius=Infinity', 'long=-2&lat=57&radius=1e309', 'long=-2&lat=57&radius=-5', 'long=NaN&lat=57&radius=5', 'long=-2&lat=57&radius=100000000'])
      await problem(t, `/local_authority_districts/within_radius/?${q}`, 400);
  });

  t.test('errors as the original answers them, never a 5xx', async (t) => {
    t.equal(await problem(t, '/organisations/NOPE1/', 404), 'No Organisation matches the given query.');
    t.equal(await problem(t, '/trusts/NOPE/', 404), 'No Trust matches the given query.');
    await problem(t, '/local_health_boards/7Z9/', 404);
    await problem(t, '/countries/X99999999/', 404);
    await problem(t, '/paediatric_diabetes_units/PZ000/', 404);
    await problem(t, '/paediatric_diabetes_units/PZ000/parent/', 404);
    await problem(t, '/organisations/?active=maybe', 400);
    await problem(t, '/organisations/?latitude=north', 400);
    for (const url of ['/organisations/%00/', '/trusts/?name=%00', '/countries/?fields=%00', `/organisations/${'X'.repeat(300)}/`, '/paediatric_diabetes_units/parent/?pz_code=%00'])
      await problem(t, url, 400);
    for (const url of ['/organisations/?latitude=1e309', '/organisations/?ods_code=Infinity', '/trusts/?ods_code=99999999999999999999999', '/organisations/limited/?name=%F0%9F%98%80', '/paediatric_diabetes_units/sibling-organisations/%20/']) {
      const res = await app.inject(`${PREFIX}${url}`);
      t.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
    }
  });

  t.test('documented under its own tag', async (t) => {
    const mine = Object.entries(spec.paths).filter(([p]) => p.startsWith(`${PREFIX}/`));
    t.ok(mine.length >= 60, `${mine.length} routes documented`);
    t.same(mine.filter(([, ops]) => ops.get?.tags?.[0] !== TAG).map(([p]) => p), [], `every one tagged "${TAG}"`);
    for (const p of ['/organisations/{ods_code}/snapshot', '/paediatric_diabetes_units/sibling-organisations/{ods_code}', '/local_authority_districts/within_radius', '/countries'])
      t.ok(spec.paths[`${PREFIX}${p}`], `${p} documented`);
  });

  t.test('without the boundaries dataset: the same lists, reference points null', async (t) => {
    const { app: bare } = await testPlatform(t, { database, datasets: ['postcodes', 'organisations'], plugins: [PLUGIN] });
    const res = await bare.inject(`${PREFIX}/local_health_boards/7A3/`);
    t.equal(res.statusCode, 200);
    t.match(res.json(), { ods_code: '7A3', boundary_identifier: 'W11000031', welsh_name: null, bng_e: null, bng_n: null, long: null, lat: null, globalid: null });
    t.equal(((await bare.inject(`${PREFIX}/trusts/`)).json() as Json[]).length, trusts.length);
    t.equal((await bare.inject(`${PREFIX}/organisations/RGT01/`)).json().trust.ods_code, 'RGT');
  });

  t.test('removed from the catalogue: its routes are gone, nothing else changes', async (t) => {
    const { app: without, platform } = await testPlatform(t, { database, datasets: ['postcodes', 'organisations', 'boundaries'] });
    t.equal(platform.plugins.length, 0);
    t.equal((await without.inject(`${PREFIX}/trusts/`)).statusCode, 404);
    t.equal((await without.inject('/v1/organisations/trusts/RGT')).statusCode, 200);
  });
});
