// The statuses no sample postcode in the data folder reaches, on invented (synthetic) codes:
// an area missing from its index, an index never imported, the Isle of Man, no country.
import t from 'tap';
import type { PostcodeLookup, PostcodeRecord } from '../../../core/contract.ts';
import { compose, type Composer } from '../lib/compose.ts';
import { chooseEditions, COMPOSITE } from '../lib/registry.ts';
import type { IndexSnapshot } from '../lib/index.ts';

const edition = { id: 1, label: 'synthetic', imported_at: new Date(0).toISOString() };
const record = (over: Partial<PostcodeRecord>): PostcodeRecord =>
  ({ pcds: 'ZZ9 9ZZ', pcd7: 'ZZ9 9ZZ', dointr: null, doterm: null, ctry: null, lsoa11: null, lsoa21: null, ...over }) as PostcodeRecord;
const found = (over: Partial<PostcodeRecord>): PostcodeLookup => ({ input: 'zz9 9zz', postcode: 'ZZ9 9ZZ', status: over.doterm ? 'terminated' : 'found', record: record(over) });

t.test('statuses on synthetic records', async (t) => {
  const { choice } = chooseEditions(undefined);
  const wales = choice.get('Wales')!;
  const england = choice.get('England')!;
  const snap: IndexSnapshot = {
    edition,
    areas: 30,
    byCode: new Map([['W01999901', { lsoa_code: 'W01999901', lsoa_name: 'Synthetic Town 1', la_name: 'Synthetic County', wimd_rank: 2, wimd_score: 1 }]]),
  };
  const c: Composer = { choice, snapshots: new Map([[wales, snap], [england, null]]), composite: null, compositeDescriptor: COMPOSITE };
  const results = compose(
    [
      found({ ctry: 'W92000004', lsoa11: 'W01999901' }),
      found({ ctry: 'W92000004', lsoa11: 'W01999902' }),
      found({ ctry: 'W92000004', lsoa11: null }),
      found({ ctry: 'E92000001', lsoa11: 'E01999901' }),
      found({ ctry: 'M83000003' }),
      found({ ctry: null }),
      found({ ctry: 'W92000004', lsoa11: 'W01999901', doterm: '202001' }),
    ],
    c,
  );
  t.same(
    results.map((r) => r.status),
    ['found', 'area_not_in_index', 'no_small_area', 'index_not_loaded', 'outside_indices', 'outside_indices', 'terminated'],
  );
  const w = results[0].deprivation!;
  t.same([w.rank, w.areas, w.decile.value, w.decile.method, w.quartile.value], [2, 30, 1, 'computed', 1], 'WIMD bands over 30 areas: decile 1 = ranks 1-3');
  t.equal(results[0].uk_composite, null, 'no composite where it does not cover the area');
  t.match(results[1].message, /W01999902/);
  t.match(results[4].message, /M83000003/);
  t.equal(results[6].doterm, '202001');
});

t.test('edition choice', async (t) => {
  t.equal(chooseEditions('iod2025').choice.get('England')!.label, 'IoD2025');
  t.equal(chooseEditions('').choice.get('England')!.label, 'IoD2019', 'default');
  t.same(chooseEditions('IoD2019, SIMD2020v2').unknown, []);
  t.same(chooseEditions('IoD2099').unknown, ['IoD2099']);
  t.same(chooseEditions('IoD2019,IoD2025').clash, ['IoD2025']);
});
