// Every way of not answering is a status clients read as "no value", with a problem+json `detail`:
// never a 200 without a quantile, never a 5xx; hostile inputs the same.
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { asSent, get, type Problem } from './client.ts';
import { onspd } from './official.ts';

const pcds = (ctry: string, terminated: boolean) => onspd.find((r) => r.ctry === ctry && Boolean(r.doterm) === terminated && r.lsoa11)!.pcds;

export async function errorChecks(t: Test, app: FastifyInstance): Promise<void> {
  const english = pcds('E92000001', false);
  const welsh = pcds('W92000004', false);
  const jersey = onspd.find((r) => r.ctry === 'L93000001')!.pcds;
  const terminated = onspd.find((r) => r.ctry === 'E92000001' && r.doterm)!.pcds;
  const cases: [string, number, RegExp][] = [
    ['quantile=5', 400, /postcode is required/],
    ['postcode=&quantile=5', 400, /not a valid UK postcode/],
    ['postcode=NOT%20A%20POSTCODE&quantile=5', 400, /not a valid UK postcode/],
    [`postcode=${asSent(english)}`, 400, /quantile is required/],
    [`postcode=${asSent(english)}&quantile=1`, 400, /quantile/],
    [`postcode=${asSent(english)}&quantile=21`, 400, /quantile/],
    [`postcode=${asSent(english)}&quantile=five`, 400, /quantile/],
    [`postcode=${asSent(english)}&quantile=5.5`, 400, /quantile/],
    [`postcode=${asSent(english)}&quantile=5&year=2018`, 400, /unknown year 2018: the index editions here are IoD2019 \(year=2019\), IoD2025 \(year=2025\), WIMD2019/],
    [`postcode=${asSent(english)}&quantile=5&year=twenty`, 400, /year/],
    [`postcode=${asSent(english)}&quantile=5&year=2020`, 400, /year 2020: no England index edition of that year is loaded here; England has IoD2019 \(year=2019\), IoD2025 \(year=2025\)/],
    [`postcode=${asSent(welsh)}&quantile=5&year=2025`, 400, /year 2025: no Wales index edition of that year is loaded here; Wales has WIMD2019 \(year=2019\)/],
    ['postcode=SW1A%201AA&quantile=5', 404, /not in the postcode directory/],
    [`postcode=${asSent(terminated)}&quantile=5`, 410, /terminated \(1998-12\)/],
    [`postcode=${asSent(jersey)}&quantile=5`, 400, /outside England, Wales, Scotland and Northern Ireland \(country L93000001\)/],
  ];
  for (const path of ['/index_of_multiple_deprivation_quantile', '/indices_of_multiple_deprivation'])
    for (const [query, status, detail] of cases) {
      if (path === '/indices_of_multiple_deprivation' && /quantile/.test(detail.source)) continue;
      const q = path === '/indices_of_multiple_deprivation' ? query.replace(/&?quantile=5/, '') : query;
      const res = await get(app, `${path}?${q}`);
      t.equal(res.statusCode, status, `${path}?${q}: ${status}`);
      t.match(res.headers['content-type'], /^application\/problem\+json/);
      const body = res.json() as Problem;
      t.match(body, { status, detail });
    }

  await t.test('hostile inputs: a 4xx problem, never a 5xx', async (t) => {
    const paths = [
      `/index_of_multiple_deprivation_quantile?postcode=${asSent(english)}&quantile=`,
      `/indices_of_multiple_deprivation?postcode=${asSent(english)}&year=`,
      '/english_indices_of_multiple_deprivation/?page=',
      '/english_indices_of_multiple_deprivation/?page_size=',
      '/local_authority_districts/?year=',
      '/green_space/?page=',
    ];
    const values = ['%00', '5%00', 'Infinity', '-Infinity', 'NaN', '1e309', '99999999999999999999999', '%FF%FE', '[object Object]', 'a'.repeat(5000)];
    for (const base of paths)
      for (const v of values) {
        const res = await get(app, `${base}${v}`);
        t.ok(res.statusCode >= 400 && res.statusCode < 500, `${base}${v.slice(0, 30)}: ${res.statusCode}`);
        t.match(res.headers['content-type'], /^application\/problem\+json/);
        t.type(res.json().detail, 'string');
      }
    const nul = await get(app, '/index_of_multiple_deprivation_quantile?postcode=M1%001AD&quantile=5');
    t.equal(nul.statusCode, 400, 'a NUL inside the postcode');
  });
}
