// Nearest organisations to a postcode: the postcode resolved through the postcodes dataset (real
// ONSPD sample), the answer equal to nearest by that postcode's latitude/longitude.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { testPlatform, dataDir } from '../../../test/helpers/platform.ts';

const rows: Record<string, string>[] = parse(readFileSync(join(dataDir(), 'onspd/ONSPD_sample.csv')), { bom: true, columns: true });
// A live English postcode with real coordinates (the ONSPD writes 99.999999 when there are none).
const live = rows.find((r) => r.ctry === 'E92000001' && !r.doterm && r.lat && r.lat !== '99.999999')!;

t.test('nearest by postcode', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['postcodes', 'organisations'], imports: ['postcodes', 'organisations'] });
  const byPostcode = await app.inject(`/v1/organisations/nearest?postcode=${encodeURIComponent(live.pcds.toLowerCase().replace(' ', ''))}&limit=5&fields=ods_code`);
  t.equal(byPostcode.statusCode, 200);
  const body = byPostcode.json();
  t.equal(body.origin.postcode, live.pcds, 'the postcode is normalised');
  t.equal(body.origin.postcode_status, 'found');
  t.equal(body.origin.lat, Number(live.lat));
  const byPoint = (await app.inject(`/v1/organisations/nearest?lat=${live.lat}&long=${live.long}&limit=5&fields=ods_code`)).json();
  t.same(body.items, byPoint.items, 'same answer as by the postcode coordinates');
  t.equal(body.items.length, 5);
  const unknown = await app.inject('/v1/organisations/nearest?postcode=ZZ99%209ZZ');
  t.ok([404, 422].includes(unknown.statusCode), `a postcode not in the directory is a 4xx (${unknown.statusCode})`);
  t.match(unknown.headers['content-type'], /^application\/problem\+json/);
  const invalid = await app.inject('/v1/organisations/nearest?postcode=12345');
  t.equal(invalid.statusCode, 400);
});
