// The statuses no sample postcode in the data folder reaches, on invented (synthetic) codes and
// synthetic index descriptors: an area missing from its index, an index never imported, an index
// absent from the catalogue, one with summaries only, the Isle of Man, no country.
import t from 'tap';
import type { DeprivationIndexServices, IndexDescriptor, IndexSnapshot, PostcodeLookup, PostcodeRecord } from '../../../core/contract.ts';
import { compose, type Composer } from '../lib/compose.ts';
import { chooseEditions, createRegistry } from '../lib/registry.ts';

const edition = { id: 1, label: 'synthetic', imported_at: new Date(0).toISOString() };
const record = (over: Partial<PostcodeRecord>): PostcodeRecord =>
  ({ pcds: 'ZZ9 9ZZ', pcd7: 'ZZ9 9ZZ', dointr: null, doterm: null, ctry: null, lsoa11: null, lsoa21: null, ...over }) as PostcodeRecord;
const found = (over: Partial<PostcodeRecord>): PostcodeLookup => ({ input: 'zz9 9zz', postcode: 'ZZ9 9ZZ', status: over.doterm ? 'terminated' : 'found', record: record(over) });

const descriptor = (over: Partial<IndexDescriptor> & Pick<IndexDescriptor, 'label' | 'nation'>): IndexDescriptor => ({
  dataset: `synthetic-${over.label.toLowerCase()}`,
  title: `Synthetic ${over.label}`,
  publisher: 'nobody',
  rule: 'rank-ceil',
  join: 'lsoa11',
  area_type: 'LSOA 2011',
  table: 'areas',
  code: 'code',
  name: 'name',
  overall: { key: 'imd', title: 'IMD', rank: 'rank', published: {} },
  domains: [],
  ...over,
});
const index = (d: IndexDescriptor): DeprivationIndexServices => ({ descriptor: d, snapshot: async () => null });
const wales = descriptor({ label: 'W1', nation: 'Wales', rule: 'wimd-band', la_name: 'la' });
const england = descriptor({ label: 'E1', nation: 'England' });
const england2 = descriptor({ label: 'E2', nation: 'England', join: 'lsoa21', table: null });
const ni = descriptor({ label: 'N1', nation: 'Northern Ireland', table: null });
const registry = createRegistry([wales, england, england2, ni].map(index), [{ dataset: 'synthetic-scotland', reason: 'not registered' }]);

t.test('statuses on synthetic records', async (t) => {
  const { choice } = chooseEditions(registry, undefined);
  const snap: IndexSnapshot = { edition, areas: 30, byCode: new Map([['W01999901', { code: 'W01999901', name: 'Synthetic Town 1', la: 'Synthetic County', rank: 2 }]]) };
  const c: Composer = { registry, choice, snapshots: new Map([[wales, snap], [england, null]]), composite: null };
  const results = compose(
    [
      found({ ctry: 'W92000004', lsoa11: 'W01999901' }),
      found({ ctry: 'W92000004', lsoa11: 'W01999902' }),
      found({ ctry: 'W92000004', lsoa11: null }),
      found({ ctry: 'E92000001', lsoa11: 'E01999901' }),
      found({ ctry: 'M83000003' }),
      found({ ctry: null }),
      found({ ctry: 'W92000004', lsoa11: 'W01999901', doterm: '202001' }),
      found({ ctry: 'S92000003', lsoa11: 'S01999901' }),
      found({ ctry: 'N92000002', lsoa11: 'N01999901' }),
    ],
    c,
  );
  t.same(
    results.map((r) => r.status),
    ['found', 'area_not_in_index', 'no_small_area', 'index_not_loaded', 'outside_indices', 'outside_indices', 'terminated', 'index_absent', 'index_absent'],
  );
  const w = results[0].deprivation!;
  t.same([w.rank, w.areas, w.decile.value, w.decile.method, w.quartile.value], [2, 30, 1, 'computed', 1], 'WIMD bands over 30 areas: decile 1 = ranks 1-3');
  t.same([w.area.name, w.area.local_authority_name, w.area.local_authority_code], ['Synthetic Town 1', 'Synthetic County', null]);
  t.equal(results[0].uk_composite, null, 'no composite where it does not cover the area');
  t.match(results[1].message, /W01999902/);
  t.match(results[4].message, /M83000003/);
  t.equal(results[6].doterm, '202001');
  t.same([results[7].nation, results[7].index_edition, results[7].deprivation], ['Scotland', null, null]);
  t.match(results[7].message, /no index of Scotland .*declared but absent: synthetic-scotland \(not registered\)/);
  t.match(results[8].message, /no index of Northern Ireland .*N1 has only local-authority summaries/, 'a summaries-only edition is never a default');
});

t.test('edition choice', async (t) => {
  t.equal(chooseEditions(registry, 'e2').choice.get('England'), england2);
  t.equal(chooseEditions(registry, '').choice.get('England'), england, 'default: the first with small areas');
  t.equal(chooseEditions(registry, '').choice.has('Scotland'), false, 'no default for a nation with no index');
  t.same(chooseEditions(registry, 'E1, W1').unknown, []);
  t.same(chooseEditions(registry, 'E9').unknown, ['E9']);
  t.same(chooseEditions(registry, 'E1,E2').clash, ['E2']);
  const summaries = compose([found({ ctry: 'E92000001', lsoa11: 'E01999901', lsoa21: 'E01999921' })], {
    registry,
    ...chooseEditions(registry, 'E2'),
    snapshots: new Map(),
    composite: null,
  });
  t.same([summaries[0].status, summaries[0].index_edition], ['index_edition_unavailable', 'E2'], 'asked for by name, a summaries-only edition says so');
  t.throws(() => createRegistry([index(england), index(descriptor({ label: 'e1', nation: 'Wales' }))]), /two index datasets use the edition label/);
});

t.test('two editions of a nation on different geographies: each joins through its own', async (t) => {
  const e25 = descriptor({ label: 'E25', nation: 'England', join: 'lsoa21', area_type: 'LSOA 2021' });
  const e19 = descriptor({ label: 'E19', nation: 'England', join: 'lsoa11', area_type: 'LSOA 2011' });
  const composite = descriptor({ label: 'UKC', nation: 'United Kingdom', composite: true, publisher: 'someone', basis: ['E19'] });
  const reg = createRegistry([e25, e19, composite].map(index));
  const row = (code: string, rank: number) => ({ code, name: `Area ${code}`, rank });
  const snaps = new Map([
    [e25, { edition, areas: 40, byCode: new Map([['E01999921', row('E01999921', 3)]]) }],
    [e19, { edition, areas: 30, byCode: new Map([['E01999911', row('E01999911', 7)]]) }],
  ]);
  const postcode = (lsoa21: string | null) => found({ ctry: 'E92000001', lsoa11: 'E01999911', lsoa21 });
  const run = (edition: string | undefined, lookups: PostcodeLookup[]) => compose(lookups, { registry: reg, ...chooseEditions(reg, edition), snapshots: snaps, composite: null });
  const [now, none, unknown] = run(undefined, [postcode('E01999921'), postcode(null), postcode('E01999929')]);
  t.same([now.status, now.index_edition, now.deprivation!.area.code, now.deprivation!.area.postcode_field, now.deprivation!.rank, now.deprivation!.areas], ['found', 'E25', 'E01999921', 'lsoa21', 3, 40], 'the first listed is the default');
  t.match(now.deprivation!.caveat, /E25 \(LSOA 2021, joined through lsoa21\) and E19 \(LSOA 2011, joined through lsoa11\) are different editions .* not comparable/);
  t.match(now.deprivation!.caveat, /uk_composite stays on the inputs of someone's release \(E19\), joined through lsoa11: it does not reflect E25/);
  t.same([none.status, none.deprivation, unknown.status, unknown.deprivation], ['no_small_area', null, 'area_not_in_index', null], 'never the other edition in its place');
  t.match(none.message, /no LSOA 2021 \(lsoa21\), the geography E25 uses; edition=E19 joins it through lsoa11 \(LSOA 2011\), not comparable with E25/);
  t.match(unknown.message, /E01999929 \(lsoa21\) has no value in E25; edition=E19/);
  const [old] = run('e19', [postcode(null)]);
  t.same([old.status, old.index_edition, old.deprivation!.area.code, old.deprivation!.rank, old.deprivation!.areas], ['found', 'E19', 'E01999911', 7, 30], 'asked for, the older edition through lsoa11');
  t.notMatch(old.deprivation!.caveat, /does not reflect/, 'the composite is built on it');
});
