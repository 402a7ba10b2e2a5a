// The greenspace plug-in against the real ONS file: what a researcher pulling the table relies on.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const rows: string[][] = parse(readFileSync(join(dataDir(), 'greenspace/access_to_green_space.csv')), { bom: true, relax_column_count: true }).slice(2);
const byCountry = (code: string) => rows.filter((r) => r[0] === code).length;

t.test('greenspace serves the ONS table with the REST conventions', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'] });

  t.test('every district, paginated by cursor, with total and Link header', async (t) => {
    const seen: string[] = [];
    let url: string | null = '/v1/greenspace/areas?limit=100';
    let pages = 0;
    while (url) {
      const res = await app.inject(url);
      t.equal(res.statusCode, 200);
      const body: { total: number; next: string | null; items: { lad_code: string }[] } = res.json();
      t.equal(body.total, rows.length, 'total counts every district');
      seen.push(...body.items.map((i) => i.lad_code));
      if (body.next) t.equal(res.headers.link, `<${body.next}>; rel="next"`);
      url = body.next;
      pages++;
    }
    t.equal(pages, Math.ceil(rows.length / 100));
    t.same(seen, rows.map((r) => r[4]).sort(), 'each district once, in key order');
  });

  t.test('values equal the source row', async (t) => {
    const york = rows.find((r) => r[5] === 'York')!;
    const res = await app.inject(`/v1/greenspace/areas/${york[4]}`);
    const { item } = res.json();
    t.equal(item.lad_name, 'York');
    t.equal(item.houses_address_count, Number(york[6]));
    t.equal(item.houses_median_outdoor_space_m2, Number(york[11]));
    t.equal(item.flats_average_sharing_garden, Number(york[18]));
    t.equal(item.total_average_outdoor_space_m2, Number(york[23]));
    t.equal(res.json().dataset, 'greenspace');
    t.equal(res.json().geography_vintage, 'LAD April 2020');
  });

  t.test('filters, operators, sort and fields', async (t) => {
    const wales = (await app.inject('/v1/greenspace/areas?country_code=W92000004&limit=1000')).json();
    t.equal(wales.total, byCountry('W92000004'));
    const lt = (await app.inject('/v1/greenspace/areas?total_percentage_with_outdoor_space__lt=0.7&limit=1000')).json();
    t.equal(lt.total, rows.filter((r) => Number(r[22]) < 0.7).length);
    const inList = (await app.inject('/v1/greenspace/areas?country_code__in=S92000003,W92000004')).json();
    t.equal(inList.total, byCountry('S92000003') + byCountry('W92000004'));
    const contains = (await app.inject('/v1/greenspace/areas?lad_name__contains=SHIRE&limit=1000')).json();
    t.equal(contains.total, rows.filter((r) => /shire/i.test(r[5])).length);
    const sorted = (await app.inject('/v1/greenspace/areas?sort=-total_address_count&limit=3&fields=lad_name,total_address_count')).json();
    const top = [...rows].sort((a, b) => Number(b[19]) - Number(a[19])).slice(0, 3);
    t.same(sorted.items, top.map((r) => ({ lad_name: r[5], total_address_count: Number(r[19]) })));
    const page2 = (await app.inject(sorted.next)).json();
    t.equal(page2.items[0].lad_name, [...rows].sort((a, b) => Number(b[19]) - Number(a[19]))[3][5], 'cursor continues a descending sort');
  });

  t.test('CSV by suffix, parameter and Accept header', async (t) => {
    for (const req of [
      { url: '/v1/greenspace/areas.csv?country_code=S92000003&fields=lad_code,lad_name' },
      { url: '/v1/greenspace/areas?format=csv&country_code=S92000003&fields=lad_code,lad_name' },
      { url: '/v1/greenspace/areas?country_code=S92000003&fields=lad_code,lad_name', headers: { accept: 'text/csv' } },
    ]) {
      const res = await app.inject(req);
      t.match(res.headers['content-type'], /^text\/csv/);
      const lines = res.body.trim().split('\n');
      t.equal(lines[0], 'lad_code,lad_name');
      t.equal(lines.length - 1, byCountry('S92000003'), 'every Scottish district, no page limit');
    }
  });

  t.test('ETag and 304', async (t) => {
    const first = await app.inject('/v1/greenspace/areas?limit=5');
    t.ok(first.headers.etag);
    t.match(first.headers['cache-control'], /max-age=\d+/);
    const again = await app.inject({ url: '/v1/greenspace/areas?limit=5', headers: { 'if-none-match': String(first.headers.etag) } });
    t.equal(again.statusCode, 304);
  });

  t.test('bad input is a 4xx problem', async (t) => {
    for (const [url, status] of [
      ['/v1/greenspace/areas?limit=100000', 400],
      ['/v1/greenspace/areas?limit=abc', 400],
      ['/v1/greenspace/areas?nosuchfield=1', 400],
      ['/v1/greenspace/areas?lad_code__regex=x', 400],
      ['/v1/greenspace/areas?sort=nosuchfield', 400],
      ['/v1/greenspace/areas?fields=lad_code,nope', 400],
      ['/v1/greenspace/areas?cursor=not-a-cursor', 400],
      ['/v1/greenspace/areas?total_address_count__gt=many', 400],
      ['/v1/greenspace/areas?edition=999999', 404],
      ['/v1/greenspace/areas/E99999999', 404],
      ['/v1/greenspace/nothing', 404],
    ] as const) {
      const res = await app.inject(url);
      t.equal(res.statusCode, status, url);
      t.match(res.headers['content-type'], /^application\/problem\+json/, `${url} is problem+json`);
      t.equal(res.json().status, status);
    }
    const bad = (await app.inject('/v1/greenspace/areas?nosuchfield=1')).json();
    t.same(bad.invalid_params.map((p: { name: string }) => p.name), ['nosuchfield']);
  });
});
