// The cross-check reads the organisations dataset's current edition when there is one (here a
// synthetic stand-in plug-in with the columns the check reads), instead of the hospital lists.
import t from 'tap';
import { join, resolve } from 'node:path';
import * as shapefile from 'shapefile';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';
import { runImport } from '../../../core/imports/run.ts';

const fake = resolve(import.meta.dirname, 'fake-organisations');

t.test('hospital checks from an organisations edition', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'boundaries'], extraDatasets: [{ id: 'organisations', path: fake }] });
  await runImport(platform, { datasetId: 'boundaries', trigger: 'test' });
  const meta = async () => (await app.inject('/catalogue/boundaries')).json().metadata.hospital_check;
  t.equal((await meta()).input, 'hospital_lists', 'without an organisations edition: the lists');

  // Expected areas of an invented hospital, taken from the boundaries themselves at a point in
  // Camden (the borough found by name in the GLA file), and a second borough to disagree with.
  const boroughs: Record<string, unknown>[] = [];
  const src = await shapefile.openDbf(join(dataDir(), 'boundaries/London_Boroughs/London_Borough_Excluding_MHW.dbf'));
  for (let r = await src.read(); !r.done; r = await src.read()) boroughs.push(r.value as Record<string, unknown>);
  const camden = String(boroughs.find((b) => b.NAME === 'Camden')!.GSS_CODE);
  const other = String(boroughs.find((b) => b.NAME === 'Westminster')!.GSS_CODE);
  const [lat, lon] = [51.5226, -0.1207];
  const here = (await app.inject(`/v1/boundaries/locate?lat=${lat}&lon=${lon}`)).json().by_level;
  t.equal(here.london_borough.code, camden);

  const base = { parent_code: 'ZZA', local_authority_code: camden, health_board_code: null, icb_candidates: null };
  process.env.FAKE_ORGANISATIONS = JSON.stringify({
    records: [
      { ...base, ods_code: 'ZZA01', name: 'SYNTHETIC AGREEING HOSPITAL', latitude: lat, longitude: lon, country_code: here.country.code, london_borough_code: camden, icb_code: 'QZZ1', region_code: 'Y99' },
      { ...base, ods_code: 'ZZA02', name: 'SYNTHETIC MISPLACED HOSPITAL', latitude: lat, longitude: lon, country_code: here.country.code, london_borough_code: other, icb_code: 'QZZ1', region_code: 'Y99' },
      { ...base, ods_code: 'ZZA03', name: 'SYNTHETIC HOSPITAL WITHOUT COORDINATES', latitude: null, longitude: null, country_code: null, london_borough_code: null, icb_code: null, region_code: null },
    ],
    icbs: [{ ods_code: 'QZZ1', gss_code: here.icb.code }],
    regions: [{ code: 'Y99', gss_code: here.nhs_region.code }],
    health_boards: [],
  });
  t.teardown(() => delete process.env.FAKE_ORGANISATIONS);
  await runImport(platform, { datasetId: 'organisations', trigger: 'test' });
  await runImport(platform, { datasetId: 'boundaries', trigger: 'test' });

  const m = await meta();
  t.equal(m.input, 'organisations_edition', 'with an organisations edition: its tables');
  t.same([m.checked, m.agree, m.disagree, m.no_coordinates], [3, 1, 1, 1]);
  const checks = (await app.inject('/v1/boundaries/hospital_checks')).json().items as Record<string, string | null>[];
  t.same(
    checks.map((c) => [c.ods_code, c.status]),
    [
      ['ZZA01', 'agrees'],
      ['ZZA02', 'disagrees'],
      ['ZZA03', 'no_coordinates'],
    ],
  );
  t.equal(checks[1].disagreements, `london_borough: found ${camden}, listed ${other}`);
  t.equal(checks[0].icb_expected, here.icb.code, 'ICB ODS code mapped to its GSS code through the organisations icbs table');
  const warnings = (await app.inject('/catalogue/boundaries')).json().warnings as { code: string; details?: { ods_code?: string } }[];
  t.same(
    warnings.filter((w) => w.code.startsWith('boundaries.hospital_')).map((w) => w.details?.ods_code).sort(),
    ['ZZA02', 'ZZA03'],
    'findings are warnings of the edition',
  );
});

t.test('the real organisations dataset and its source lists give the same findings', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'organisations', 'boundaries'], imports: ['postcodes'] });
  const findings = async () =>
    ((await app.inject('/v1/boundaries/hospital_checks?status__in=disagrees,not_located,no_coordinates&limit=1000')).json().items as Record<string, string>[])
      .map((c) => `${c.ods_code} ${c.status}`)
      .sort();
  const input = async () => (await app.inject('/catalogue/boundaries')).json().metadata.hospital_check.input;
  await runImport(platform, { datasetId: 'boundaries', trigger: 'test' });
  t.equal(await input(), 'hospital_lists');
  const fromLists = await findings();
  await runImport(platform, { datasetId: 'organisations', trigger: 'test' });
  await runImport(platform, { datasetId: 'boundaries', trigger: 'test' });
  t.equal(await input(), 'organisations_edition');
  const fromEdition = await findings();
  t.ok(fromLists.length > 0, `${fromLists.length} findings`);
  // The same hospitals and statuses; the expectations may differ in detail (e.g. the dataset gives
  // Jersey General Hospital the Channel Islands, the lists only its English trust's ICB).
  t.same(fromEdition, fromLists);
});
