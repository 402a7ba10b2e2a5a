// Other inputs than the shipped shapefiles: a GeoJSON FeatureCollection given with --source (the
// synthetic fixture: wrong winding and a hole), positions in British National Grid metres, and a
// bad file that fails the import naming file, record and field while the served edition stays.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testPlatform } from '../../../test/helpers/platform.ts';
import { runImport, ImportFailed } from '../../../core/imports/run.ts';
import { checkFeatureCollection } from './geojson-check.ts';

const here = resolve(import.meta.dirname, '..');
const fixture = join(here, 'fixtures/boundaries.synthetic.geojson');
const hospitals = join(here, 'fixtures/hospitals.synthetic.json');
const SETS = ['countries', 'nhs_regions', 'icbs', 'health_boards', 'london_boroughs'];

t.test('GeoJSON sources, rewinding, holes, BNG metres and a failing import', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'boundaries'] });
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-src-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));

  const first = await runImport(platform, { datasetId: 'boundaries', trigger: 'test', sources: [...SETS.map((s) => `${s}=${fixture}`), `hospitals=${hospitals}`] });
  t.same(first.rowCounts, { sets: 5, areas: 10, hospital_checks: 2 });

  const fc = (await app.inject('/v1/boundaries/collections/icbs/items')).json();
  t.same(checkFeatureCollection(fc), [], 'the clockwise exterior of Synthetic Area B is served counter-clockwise, its hole clockwise');
  t.same(fc.features.map((f: { properties: { name: string } }) => f.properties.name), ['Synthetic Area A', 'Synthetic Area B']);
  const inHole = (await app.inject('/v1/boundaries/locate?lat=52.5&lon=-0.5')).json();
  t.equal(inHole.found, false, 'a point in the hole of Area B is in no area');
  const inB = (await app.inject('/v1/boundaries/locate?lat=52.1&lon=-0.9')).json();
  t.same(
    inB.areas.map((a: { code: string }) => a.code),
    SETS.map(() => 'E99999902'),
    'a point in the ring of Area B is in Area B of every set',
  );
  const checks = (await app.inject('/v1/boundaries/hospital_checks')).json();
  t.same(
    checks.items.map((i: { ods_code: string; status: string }) => [i.ods_code, i.status]),
    [
      ['ZZZ01', 'disagrees'], // in Area A of every set, which is not the England its E06 code implies
      ['ZZZ02', 'not_located'],
    ],
  );

  const before = (await app.inject('/v1/boundaries/locate?lat=52.65&lon=-1.5')).json();
  t.equal(before.by_level.icb?.code, 'E99999901', 'the index of the first edition');

  // The same squares in British National Grid metres (as some ONS GeoJSON downloads are).
  const bng = JSON.parse(readFileSync(fixture, 'utf8'));
  bng.features = [
    {
      type: 'Feature',
      properties: { ICB23CD: 'E99999903', ICB23NM: 'Synthetic BNG Square' },
      geometry: { type: 'Polygon', coordinates: [[[400000, 300000], [410000, 300000], [410000, 310000], [400000, 310000], [400000, 300000]]] },
    },
  ];
  const bngFile = join(dir, 'bng.geojson');
  writeFileSync(bngFile, JSON.stringify(bng));
  await runImport(platform, { datasetId: 'boundaries', trigger: 'test', sources: [...SETS.map((s) => `${s}=${s === 'icbs' ? bngFile : fixture}`), `hospitals=${hospitals}`] });
  const sq = (await app.inject('/v1/boundaries/collections/icbs/items/E99999903')).json();
  t.same(checkFeatureCollection({ type: 'FeatureCollection', features: [sq] }), []);
  // 400000 E, 300000 N is on the central meridian (2° W) at about 52.6° N.
  t.ok(Math.abs(sq.bbox[0] - -2) < 0.01 && Math.abs(sq.bbox[1] - 52.6) < 0.05, `transformed to WGS84: ${sq.bbox}`);

  const after = (await app.inject('/v1/boundaries/locate?lat=52.65&lon=-1.5')).json();
  t.equal(after.by_level.icb, null, 'after the switch the index is rebuilt from the new edition (its icbs set is only the BNG square)');
  t.equal((await app.inject('/v1/boundaries/locate?lat=52.65&lon=-1.95')).json().by_level.icb?.code, 'E99999903');
  t.equal((await app.inject(`/v1/boundaries/locate?lat=52.65&lon=-1.5&edition=${first.editionId}`)).json().by_level.icb?.code, 'E99999901', 'edition= still answers from the older edition');

  // A bad code fails the import naming the file, record and field; the edition stays served.
  const bad = JSON.parse(readFileSync(fixture, 'utf8'));
  bad.features[1].properties.ICB23CD = 'not-a-code';
  const badFile = join(dir, 'bad.geojson');
  writeFileSync(badFile, JSON.stringify(bad));
  const served = (await app.inject('/v1/boundaries/collections')).json().edition.id;
  const err = await runImport(platform, { datasetId: 'boundaries', trigger: 'test', sources: [`icbs=${badFile}`] }).catch((e: unknown) => e);
  t.ok(err instanceof ImportFailed, 'the import fails');
  const detail = (err as ImportFailed).detail;
  t.equal(detail.line, 2, 'names the record');
  t.equal(detail.field, 'code', 'names the field');
  t.match(detail.file ?? '', /bad\.geojson$/, 'names the file');
  t.equal((await app.inject('/v1/boundaries/collections')).json().edition.id, served, 'the previous edition is still served');

  const notJson = join(dir, 'broken.geojson');
  writeFileSync(notJson, '{"type": "FeatureCollection", "features": [');
  const err2 = await runImport(platform, { datasetId: 'boundaries', trigger: 'test', sources: [`icbs=${notJson}`] }).catch((e: unknown) => e);
  t.match((err2 as ImportFailed).message, /not valid JSON/);
});
