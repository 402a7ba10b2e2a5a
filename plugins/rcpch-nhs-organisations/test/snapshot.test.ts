// /organisations/{ods_code}/snapshot/?date= over two kept editions: the real lists as they took
// effect on 2024-01-01, then a synthetic second edition (2024-07-01) built from edited copies of the
// real files in a temporary folder: a site re-coded (RR813 → RR8ZZ, renamed SYNTHETIC …) and one
// moved to another trust (RCF22 → RAE). A snapshot answers from the edition valid on its date, and a
// code that did not exist then answers with its predecessor.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../../core/imports/run.ts';
import { dataDir, testPlatform } from '../../../test/helpers/platform.ts';

type Row = Record<string, string | null>;
const PREFIX = '/nhs-organisations/v1';
const read = (file: string): Row[] => JSON.parse(readFileSync(join(dataDir(), 'organisations', file), 'utf8'));

/** --source overrides: the organisations list (edited) and an edition note, written to `dir`. */
function edition(dir: string, name: string, validFrom: string, edit: (orgs: Row[]) => void = () => {}): string[] {
  const orgs = read('rcpch_organisations.json');
  edit(orgs);
  const list = join(dir, `${name}-rcpch_organisations.json`);
  writeFileSync(list, JSON.stringify(orgs));
  const note = join(dir, `${name}-edition.json`);
  writeFileSync(note, JSON.stringify({ valid_from: validFrom }));
  return [`organisations=${list}`, `edition=${note}`];
}

t.test('snapshots of an organisation on a date', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nhsorgs-snapshot-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'organisations'], plugins: ['rcpch-nhs-organisations'] });
  await runImport(platform, { datasetId: 'organisations', trigger: 'test', sources: edition(dir, 'e1', '2024-01-01') });
  await runImport(platform, {
    datasetId: 'organisations',
    trigger: 'test',
    sources: edition(dir, 'e2', '2024-07-01', (orgs) => {
      const find = (code: string) => orgs.find((o) => o.OrganisationCode === code)!;
      Object.assign(find('RR813'), { OrganisationCode: 'RR8ZZ', OrganisationName: "SYNTHETIC ST JAMES'S CHILDREN'S HOSPITAL" });
      Object.assign(find('RCF22'), { ParentODSCode: 'RAE', ParentName: 'SYNTHETIC NEW PARENT' });
    }),
  });
  const original = read('rcpch_organisations.json').find((o) => o.OrganisationCode === 'RR813')!;
  const snapshot = async (code: string, date: string, status = 200) => {
    for (const url of [`${PREFIX}/organisations/${code}/snapshot/?date=${date}`, `${PREFIX}/organisations/${code}/snapshot?date=${date}`]) {
      const res = await app.inject({ url, headers: { 'ocp-apim-subscription-key': 'key' } });
      t.equal(res.statusCode, status, `${url}: ${status}`);
    }
    return (await app.inject(`${PREFIX}/organisations/${code}/snapshot/?date=${date}`)).json();
  };

  t.match(await snapshot('RR8ZZ', '2024-08-01'), { ods_code: 'RR8ZZ', snapshot_date: '2024-08-01', name: "SYNTHETIC ST JAMES'S CHILDREN'S HOSPITAL", predecessor_ods_code: null }, 'the new code, once it exists');
  t.match(
    await snapshot('RR8ZZ', '2024-03-01'),
    { ods_code: 'RR813', snapshot_date: '2024-03-01', name: original.OrganisationName, postcode: original.Postcode, predecessor_ods_code: 'RR813', trust: { ods_code: 'RR8' } },
    'before it existed: its predecessor, as it was then',
  );
  t.match(await snapshot('RR813', '2024-03-01'), { ods_code: 'RR813', predecessor_ods_code: null }, 'the former code, on a date it was listed');
  t.match((await snapshot('RR813', '2024-08-01', 404)).detail, /No state found for organisation RR813 on 2024-08-01/, 'the former code after it went: 404');
  t.match(await snapshot('RCF22', '2024-03-01'), { trust: { ods_code: 'RCF' } }, 'the trust it belonged to then');
  t.match(await snapshot('RCF22', '2024-07-01'), { trust: { ods_code: 'RAE' } }, 'and from the day the second edition took effect');
  t.match((await snapshot('RGT01', '2023-12-31', 404)).detail, /No state found/, 'before the first edition: 404');
  t.match(await snapshot('RGT01', '2024-01-01'), { ods_code: 'RGT01', trust: { ods_code: 'RGT' }, paediatric_diabetes_unit: { pz_code: 'PZ041' } });
  t.equal((await app.inject(`${PREFIX}/organisations/RR813/`)).statusCode, 404, 'the current lists no longer have the former code');
});
