// History over editions: the real lists as a first edition, then a synthetic second edition (a merger,
// a rename, a re-code, a re-parenting, a closure) built from a copy of the real files in a temporary
// folder; as_of, successions, the changes endpoint, and failures that leave the served edition alone.
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../../core/imports/run.ts';
import type { OrganisationServices } from '../../../core/contract.ts';
import { testPlatform } from '../../../test/helpers/platform.ts';
import { documentedAnswers } from './schema-checks.ts';
import { read, type Row } from './sources.ts';

const FILES: Record<string, string> = {
  organisations: 'rcpch_organisations.json',
  trusts: 'trusts.json',
  icb_mappings: 'integrated_care_boards_local_authorities.json',
  openuk_trusts: 'open_uk_networks_trusts.json',
};

/** Writes (possibly edited) copies of some sources and an edition note; returns --source overrides. */
function edition(dir: string, name: string, validFrom: string, edit: (lists: Record<string, Row[]>) => void = () => {}): string[] {
  const lists = Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, read(f)]));
  edit(lists);
  const out = Object.entries(lists).map(([k, rows]) => {
    const path = join(dir, `${name}-${FILES[k]}`);
    writeFileSync(path, JSON.stringify(rows));
    return `${k}=${path}`;
  });
  const note = join(dir, `${name}-edition.json`);
  writeFileSync(note, JSON.stringify({ valid_from: validFrom }));
  return [...out, `edition=${note}`];
}

t.test('organisations over time', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'organisations-history-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'organisations'] });
  const first = await runImport(platform, { datasetId: 'organisations', trigger: 'test', sources: edition(dir, 'e1', '2024-01-01') });
  const orgs = read('rcpch_organisations.json');
  const second = await runImport(platform, {
    datasetId: 'organisations',
    trigger: 'test',
    sources: edition(dir, 'e2', '2024-07-01', (l) => {
      // Merger: trust RCF (Airedale) into RAE (Bradford); its site and mapping rows follow.
      l.trusts = l.trusts.filter((x) => x.ods_code !== 'RCF');
      l.openuk_trusts = l.openuk_trusts.filter((x) => x['ods trust code'] !== 'RCF');
      for (const m of l.icb_mappings) if (m['ODS Trust Code'] === 'RCF') m['ODS Trust Code'] = 'RAE';
      const find = (code: string) => l.organisations.find((o) => o.OrganisationCode === code)!;
      Object.assign(find('RCF22'), { ParentODSCode: 'RAE', ParentName: 'SYNTHETIC MERGED TRUST NAME' });
      // Rename in place.
      find('RWA01').OrganisationName = 'SYNTHETIC HULL ROYAL INFIRMARY (RENAMED)';
      // Re-code with a new name, same site.
      Object.assign(find('RR813'), { OrganisationCode: 'RR8ZZ', OrganisationName: "SYNTHETIC ST JAMES'S CHILDREN'S HOSPITAL" });
      // Re-parenting.
      Object.assign(find('RJL32'), { ParentODSCode: 'RR8' });
      // Closure.
      l.organisations = l.organisations.filter((o) => o.OrganisationCode !== 'RFFAA');
    }),
  });
  const get = async (url: string, status = 200) => {
    const res = await app.inject(url);
    t.equal(res.statusCode, status, url);
    return res.json();
  };

  t.test('the changes endpoint says what changed', async (t) => {
    const changes = (await get(`/v1/organisations/changes?edition=${second.editionId}&limit=1000`)).items as Row[];
    const has = (c: Partial<Row>) => changes.some((x) => Object.entries(c).every(([k, v]) => x[k] === v));
    t.ok(has({ entity: 'trust', code: 'RCF', change: 'removed' }));
    t.ok(has({ entity: 'trust', code: 'RCF', change: 'succeeded', new_value: 'merger', successor: 'RAE' }));
    t.ok(has({ entity: 'organisation', code: 'RCF22', change: 're-parented', old_value: 'RCF', new_value: 'RAE' }));
    t.ok(has({ entity: 'organisation', code: 'RWA01', change: 'renamed', new_value: 'SYNTHETIC HULL ROYAL INFIRMARY (RENAMED)' }));
    t.ok(has({ entity: 'organisation', code: 'RR813', change: 'succeeded', new_value: 'rename', successor: 'RR8ZZ' }));
    t.ok(has({ entity: 'organisation', code: 'RR8ZZ', change: 'added' }));
    t.ok(has({ entity: 'organisation', code: 'RJL32', change: 're-parented', old_value: 'RJL', new_value: 'RR8' }));
    t.ok(has({ entity: 'organisation', code: 'RFFAA', change: 'succeeded', new_value: 'closure', successor: null }));
    t.notOk(has({ entity: 'organisation', code: 'RGT01' }), 'an unchanged organisation is not listed');
    const firstChanges = (await get(`/v1/organisations/changes?edition=${first.editionId}&change=added&limit=1`)).total;
    t.ok(firstChanges >= orgs.length, 'the first edition lists everything as added');
    const since = await get('/v1/organisations/changes/since?date=2024-01-01');
    t.same(since.editions.map((e: { edition_id: number }) => e.edition_id), [second.editionId], 'only editions after the date');
    t.equal(since.items.length, changes.length, 'every change of the second edition');
    t.ok(since.items.every((c: { valid_from: string }) => c.valid_from === '2024-07-01'));
    const merged = await get('/v1/organisations/changes/since?date=2023-06-01&entity=trust&change=succeeded');
    t.same(merged.items.map((c: Row) => [c.code, c.successor]), [['RCF', 'RAE']], 'the first edition (everything added) is not a change');
    t.same((await get('/v1/organisations/changes/since?date=2024-07-01')).items, []);
    await get('/v1/organisations/changes/since', 400);
    await get('/v1/organisations/changes/since?date=2024-02-30x', 400);
    const editions = (await get('/v1/organisations/editions')).items;
    t.same(
      editions.map((e: { valid_from: string; previous_edition_id: number | null }) => [e.valid_from, e.previous_edition_id]),
      [
        ['2024-01-01', null],
        ['2024-07-01', first.editionId],
      ],
    );
  });

  t.test('as_of answers as of a date', async (t) => {
    t.equal((await get('/v1/organisations/organisations/RCF22')).item.trust.ods_code, 'RAE');
    t.equal((await get('/v1/organisations/organisations/RCF22?as_of=2024-03-01')).item.trust.ods_code, 'RCF');
    t.equal((await get('/v1/organisations/organisations/RCF22?as_of=2024-07-01')).item.trust.ods_code, 'RAE', 'valid from its first day');
    t.equal((await get('/v1/organisations/organisations?as_of=2024-03-01&limit=1')).total, orgs.length);
    t.equal((await get('/v1/organisations/organisations?limit=1')).total, orgs.length - 1, 'one closure; the re-code keeps the count');
    t.equal((await get('/v1/organisations/trusts/RCF?as_of=2024-06-30')).item.ods_code, 'RCF');
    const rjl = await get('/v1/organisations/trusts/RJL/organisations?as_of=2024-02-01&fields=ods_code');
    t.ok(rjl.items.some((i: { ods_code: string }) => i.ods_code === 'RJL32'));
    await get('/v1/organisations/organisations?as_of=2023-12-31', 404);
  });

  t.test('a former code says what succeeded it', async (t) => {
    const merged = await get('/v1/organisations/trusts/RCF', 404);
    t.equal(merged.succeeded_by, 'RAE');
    t.equal(merged.succession_type, 'merger');
    t.equal(merged.valid_to, '2024-07-01');
    const recoded = await get('/v1/organisations/organisations/RR813', 404);
    t.equal(recoded.succeeded_by, 'RR8ZZ');
    t.equal(recoded.current_successor, 'RR8ZZ');
    const closed = await get('/v1/organisations/organisations/RFFAA', 404);
    t.equal(closed.status, 404, 'problem status is the HTTP status');
    t.equal(closed.code_status, 'closed');
    t.equal(closed.succeeded_by, null);
    const chain = await get('/v1/organisations/successions/RCF');
    t.same(chain.matches.map((m: { entity: string; current: string }) => [m.entity, m.current]), [['trust', 'RAE']]);
    const history = await get('/v1/organisations/code_history?code=RR813');
    t.equal(history.items[0].status, 'renamed');
    t.equal(history.items[0].valid_from, '2024-01-01');
  });

  t.test('answers with changes and successions have their documented shape', async (t) => {
    const documented = await documentedAnswers(app);
    for (const [url, path] of [
      ['/v1/organisations/changes/since?date=2024-01-01', '/v1/organisations/changes/since'],
      ['/v1/organisations/successions/RCF', '/v1/organisations/successions/{code}'],
      ['/v1/organisations/successions/RR8ZZ', '/v1/organisations/successions/{code}'],
      ['/v1/organisations/organisations/RR813/history', '/v1/organisations/organisations/{code}/history'],
      ['/v1/organisations/editions', '/v1/organisations/editions'],
    ]) {
      const body = await get(url);
      const { ok, errors } = documented.get(path)!(body);
      t.ok(ok, `${url} answers its documented schema`, { errors });
    }
    t.same((await get('/v1/organisations/successions/RR8ZZ')).matches[0].predecessors.map((h: Row) => h.code), ['RR813'], 'a successor names its predecessor');
  });

  t.test('the service: an organisation as it was on a date, with its predecessor code', async (t) => {
    const svc = platform.services.get('organisations') as unknown as OrganisationServices;
    const before = await svc.edition({ as_of: '2024-03-01' });
    const now = await svc.edition();
    t.same([before.edition.id, before.valid_from], [first.editionId, '2024-01-01'], 'the edition valid on the date');
    t.same([now.edition.id, now.valid_from], [second.editionId, '2024-07-01']);
    t.equal((await svc.edition({ as_of: '2024-07-01' })).edition.id, second.editionId, 'valid from its first day');
    t.equal((await svc.edition({ edition: first.editionId })).edition.id, first.editionId);
    t.equal(before.nested('RCF22')!.trust!.ods_code, 'RCF', 'as it was: under the trust that merged');
    t.equal(now.nested('RCF22')!.trust!.ods_code, 'RAE');
    t.ok(before.organisation('RR813') && !now.organisation('RR813'), 'a re-coded organisation under its old code, then');
    t.same(
      now.predecessors('organisation', 'RR8ZZ').map((h) => [h.code, h.succession_type]),
      [['RR813', 'rename']],
      'its predecessor code',
    );
    t.same(now.successors('trust', 'RCF').map((h) => [h.code, h.status]), [['RCF', 'merged'], ['RAE', 'active']], 'the chain to the code in use');
    t.same(now.predecessors('trust', 'RAE').map((h) => h.code), ['RCF']);
    t.same(before.predecessors('organisation', 'RR8ZZ'), [], 'nothing had succeeded anything yet');
    t.equal(now.organisationsOf('trust', 'RAE').some((o) => o.ods_code === 'RCF22'), true);
    t.equal(before.organisationsOf('trust', 'RCF').some((o) => o.ods_code === 'RCF22'), true);
    t.equal((await svc.edition({ as_of: '2023-12-31' }).catch((e) => e)).status, 404, 'before the first edition');
  });

  t.test('an organisation over time: versions with valid from / to', async (t) => {
    const h = await get('/v1/organisations/organisations/RJL32/history');
    t.same(
      h.versions.map((v: { valid_from: string; valid_to: string | null; record: { parent_code: string } }) => [v.valid_from, v.valid_to, v.record.parent_code]),
      [
        ['2024-01-01', '2024-07-01', 'RJL'],
        ['2024-07-01', null, 'RR8'],
      ],
    );
    const closed = await get('/v1/organisations/organisations/RFFAA/history');
    t.same(closed.versions.map((v: { valid_to: string | null }) => v.valid_to), ['2024-07-01']);
    t.equal(closed.code_history.status, 'closed');
    const same = await get('/v1/organisations/organisations/RGT01/history');
    t.equal(same.versions.length, 1, 'unchanged across editions: one version');
    t.same(same.versions[0].edition_ids, [first.editionId, second.editionId]);
  });

  t.test('a broken relationship fails the import naming the codes; the served edition stays', async (t) => {
    const before = await get('/v1/organisations/organisations?limit=1');
    const err = await runImport(platform, {
      datasetId: 'organisations',
      trigger: 'test',
      sources: edition(dir, 'broken', '2024-09-01', (l) => {
        l.organisations.find((o) => o.OrganisationCode === 'RGT01')!.ParentODSCode = 'R9X';
        l.organisations.find((o) => o.OrganisationCode === 'RAE01')!.ParentODSCode = 'R9Y';
      }),
    }).catch((e) => e);
    t.match(err.message, /organisations whose parent is neither a trust nor a health board: RAE01 → R9Y, RGT01 → R9X/);
    t.equal(err.detail.field, 'ParentODSCode');
    const icbErr = await runImport(platform, {
      datasetId: 'organisations',
      trigger: 'test',
      sources: edition(dir, 'broken-icb', '2024-09-01', (l) => {
        l.icb_mappings[0]['ODS ICB Code'] = 'QZZ';
      }),
    }).catch((e) => e);
    t.match(icbErr.message, /ICB codes in the mapping that are not in the ICB list: QZZ/);
    const backwards = await runImport(platform, { datasetId: 'organisations', trigger: 'test', sources: edition(dir, 'old', '2023-01-01') }).catch((e) => e);
    t.match(backwards.message, /editions must move forward/);
    const after = await get('/v1/organisations/organisations?limit=1');
    t.equal(after.edition.id, before.edition.id, 'the same edition is served');
    t.equal(after.total, before.total);
  });
});
