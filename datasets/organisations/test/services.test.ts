// The organisations service (OrganisationServices), called directly as another plug-in would, on the
// real curated lists: records as the schemas say, structures and their organisations as the source
// files say (and as the routes answer), PDUs with their parent, primary and sibling organisations,
// code history, and problems for editions that do not exist.
import t from 'tap';
import type { OrganisationServices, OrganisationStructure } from '../../../core/contract.ts';
import { createAjv } from '../../../core/schema.ts';
import { testPlatform } from '../../../test/helpers/platform.ts';
import { organisationSchema } from '../shapes.ts';
import { everyMemberRequired } from './schema-checks.ts';
import { read, sorted } from './sources.ts';

const orgs = read('rcpch_organisations.json');
const trusts = read('trusts.json');
const boards = read('local_health_boards.json');
const pz = read('pz_codes.json');
const pzNet = read('pz_codes_networks.json');

// One structure of each kind, by the code its routes take, and the path of those routes.
const SAMPLES: [OrganisationStructure, string, string][] = [
  ['trust', 'trusts', 'RGT'],
  ['health_board', 'health_boards', '7A1'],
  ['icb', 'icbs', 'QUE'],
  ['region', 'regions', 'Y56'],
  ['country', 'countries', 'W92000004'],
  ['pdu', 'pdus', 'PZ041'],
  ['diabetes_network', 'diabetes_networks', 'PN07'],
  ['openuk_network', 'openuk_networks', 'EPEN'],
  ['london_borough', 'london_boroughs', 'E09000030'],
];

t.test('the organisations service', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['postcodes', 'organisations'], imports: ['organisations'] });
  const svc = platform.services.get('organisations') as unknown as OrganisationServices;
  const lists = await svc.edition();
  const ajv = createAjv();
  const get = async (url: string) => {
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    return res.json();
  };

  t.test('the current edition, its organisations flat and nested', async (t) => {
    t.equal(lists.edition.id, (await svc.currentEdition())!.id);
    t.same(
      lists.organisations.map((o) => o.ods_code),
      sorted(orgs.map((o) => o.OrganisationCode)),
      `all ${orgs.length} organisations, in code order`,
    );
    const flat: (x: unknown) => boolean = ajv.compile(platform.dataset('organisations')!.schemas.organisation_records);
    t.same(lists.organisations.filter((o) => !flat(o)).map((o) => o.ods_code), [], 'every flat record validates against schemas/organisation_records.json');
    const nested: (x: unknown) => boolean = ajv.compile(everyMemberRequired(organisationSchema));
    t.same(lists.organisations.filter((o) => !nested(lists.nested(o.ods_code))).map((o) => o.ods_code), [], 'every nested organisation has exactly the documented members');
    const served = (await get('/v1/organisations/organisations?limit=1000')).items;
    t.same(lists.organisations.map((o) => lists.nested(o.ods_code)), served, 'the nested form is what /organisations serves');
    t.equal(lists.organisation('rgt01')?.ods_code, 'RGT01', 'any case');
    t.equal(lists.organisation('NOPE9'), null);
    const rgt01 = lists.organisation('RGT01')!;
    t.throws(() => Object.assign(rgt01, { name: 'CHANGED' }), TypeError, 'records are frozen: no caller can change the shared edition');
    t.throws(() => (lists.organisations as unknown[]).push({}), TypeError);
    t.throws(() => Object.assign(lists.nested('RGT01')!.trust!, { name: 'CHANGED' }), TypeError);
    t.throws(() => (lists.pdu('PZ010')!.members as unknown[]).pop(), TypeError);
    t.equal(lists.organisation('RGT01')!.name, orgs.find((o) => o.OrganisationCode === 'RGT01')!.OrganisationName);
    t.equal(lists.nested('NOPE9'), null);
  });

  t.test('structures, and the organisations of each', async (t) => {
    t.equal(lists.structures('trust').length, trusts.length);
    t.equal(lists.structures('health_board').length, boards.length);
    t.equal(lists.structure('region', 'E40000003')?.code, 'Y56', 'a region by its GSS code');
    t.equal(lists.structure('trust', 'rgt')?.ods_code, 'RGT');
    t.equal(lists.structure('trust', 'NOPE'), null);
    t.same(lists.organisationsOf('trust', 'NOPE'), []);
    t.same(
      lists.organisationsOf('trust', 'RGT').map((o) => o.ods_code),
      sorted(orgs.filter((o) => o.ParentODSCode === 'RGT').map((o) => o.OrganisationCode)),
      "a trust's organisations are those the source gives it",
    );
    for (const [kind, path, code] of SAMPLES) {
      const records: (x: unknown) => boolean = ajv.compile(platform.dataset('organisations')!.schemas[path]);
      t.same(lists.structures(kind).filter((r) => !records(r)), [], `every ${kind} validates against schemas/${path}.json`);
      const of = lists.organisationsOf(kind, code).map((o) => o.ods_code);
      t.ok(of.length > 0, `${kind} ${code} has organisations`);
      const routed = (await get(`/v1/organisations/${path}/${code}/organisations?limit=1000&fields=ods_code`)).items.map((i: { ods_code: string }) => i.ods_code);
      t.same(of, routed, `${kind} ${code}: the organisations its route lists`);
    }
  });

  t.test('PDUs with their network, members, organisations, primary organisation and parent', async (t) => {
    const unit = lists.pdu('pz010')!;
    t.equal(unit.pdu.npda_code, 'PZ010');
    t.same(sorted(unit.members.map((m) => m.ods_code)), sorted(pz.filter((p) => p.npda_code === 'PZ010').map((p) => p.ods_code)), 'members as the PDU list gives them');
    t.equal(unit.network?.code, pzNet.find((p) => p.npda_code === 'PZ010')!.network_code);
    const site = unit.members.find((m) => m.member_type === 'organisation')!;
    t.equal(unit.primary_organisation?.ods_code, site.ods_code, 'the primary organisation is the listed site');
    const parent = orgs.find((o) => o.OrganisationCode === site.ods_code)!.ParentODSCode;
    t.same([unit.parent?.type, unit.parent?.record.ods_code], ['trust', parent], "its parent is the site's trust");
    t.equal(lists.pdu('PZ999X'), null);
    for (const code of sorted(pz.map((p) => p.npda_code))) {
      const v = lists.pdu(code)!;
      if (v.organisations.some((o) => o.pdu_code !== code)) t.fail(`${code}: organisations of another PDU`);
      if (v.primary_organisation && !v.organisations.includes(v.primary_organisation) && !v.members.some((m) => m.ods_code === v.primary_organisation!.ods_code))
        t.fail(`${code}: primary organisation neither a member nor one of its organisations`);
      if (v.parent && !lists.structure(v.parent.type, v.parent.record.ods_code)) t.fail(`${code}: parent not listed`);
    }
    const wales = lists.structures('pdu').map((p) => lists.pdu(p.npda_code)!).find((v) => v.parent?.type === 'health_board');
    t.ok(wales, 'a Welsh PDU has a health board as its parent');
    const own = pz.find((p) => p.ods_code === 'RGT01')!.npda_code;
    const siblings = lists.pduOf('RGT01')!;
    t.equal(siblings.pdu.npda_code, own, "an organisation's PDU");
    t.ok(siblings.organisations.some((o) => o.ods_code === 'RGT01'), 'its siblings include itself');
    const route = await get(`/v1/organisations/pdus/${own}`);
    t.equal(route.organisations_count, siblings.organisations.length, 'as many as its route counts');
    t.equal(route.related.primary_organisation?.ods_code ?? null, siblings.primary_organisation?.ods_code ?? null);
  });

  t.test('code history', async (t) => {
    const h = lists.history('organisation', 'rgt01')!;
    t.match(h, { entity: 'organisation', code: 'RGT01', status: 'active', valid_to: null, succeeded_by: null });
    t.same(lists.successors('organisation', 'RGT01'), [h], 'an active code is its own end of the chain');
    t.same(lists.predecessors('organisation', 'RGT01'), []);
    t.equal(lists.history('trust', 'NOPE'), null);
    t.same(lists.successors('trust', 'NOPE'), []);
  });

  t.test('editions asked for by id, label or date; problems for the others', async (t) => {
    t.equal((await svc.edition({ edition: lists.edition.id })).edition.id, lists.edition.id);
    t.equal((await svc.edition({ edition: lists.edition.label })).edition.id, lists.edition.id);
    t.equal(await svc.edition({ as_of: '2999-12-31' }), lists, 'the edition valid on a date is the same snapshot');
    for (const [which, status] of [
      [{ as_of: '2024-02-30' }, 400],
      [{ as_of: 'yesterday' }, 400],
      [{ as_of: '1990-01-01' }, 404],
      [{ as_of: '2999-01-01', edition: 1 }, 400],
      [{ edition: 99999 }, 404],
      [{ edition: 'no such label' }, 404],
    ] as const) {
      const err = await svc.edition(which).catch((e) => e);
      t.equal(err?.status, status, `${JSON.stringify(which)}: ${status}`);
    }
  });
});

t.test('the service before any import', async (t) => {
  const { platform } = await testPlatform(t, { datasets: ['postcodes', 'organisations'] });
  const svc = platform.services.get('organisations') as unknown as OrganisationServices;
  t.equal(await svc.currentEdition(), null);
  t.equal((await svc.edition().catch((e) => e)).status, 503, 'never imported: 503');
  t.equal((await svc.edition({ as_of: '2024-01-01' }).catch((e) => e)).status, 404, 'no edition valid then');
});
