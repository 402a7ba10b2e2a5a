// The RCPCH Census Platform drop-in (/deprivation/v1) against the real server with the real files
// imported: what Epilepsy12 and the NPDA send, and what they read back.
import t from 'tap';
import { Writable } from 'node:stream';
import { testPlatform } from '../../../test/helpers/platform.ts';
import { quantileChecks } from './quantile.ts';
import { recordChecks } from './records.ts';
import { errorChecks } from './errors.ts';
import { listChecks } from './lists.ts';
import { surfaceChecks } from './surface.ts';
import { bandEdgeChecks } from './band-edges.ts';

const IMPORTS = ['postcodes', 'imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'deprivation', 'greenspace'];

t.test('the Census Platform at /deprivation/v1', async (t) => {
  const log: string[] = [];
  const logDestination = new Writable({ write: (chunk, _enc, done) => (log.push(String(chunk)), done()) });
  const service = await testPlatform(t, { imports: IMPORTS, env: { LOG_LEVEL: 'info' }, logDestination });
  await t.test('index_of_multiple_deprivation_quantile', (t) => quantileChecks(t, service.app));
  await t.test('indices_of_multiple_deprivation', (t) => recordChecks(t, service.app));
  await t.test('errors and hostile inputs', (t) => errorChecks(t, service.app));
  await t.test('the census lists', (t) => listChecks(t, service.app));
  await t.test('every route: trailing slash, key headers, OpenAPI', (t) => surfaceChecks(t, service.app));
  // last: it imports another postcode-directory edition
  await t.test('band edges: the publisher’s group, not the old formula’s', (t) => bandEdgeChecks(t, service));
  // postcodes are personal data: the requests above carried many, in every spelling
  t.ok(log.length > 0, 'requests were logged');
  t.notMatch(log.join(''), /M1 ?1AD|M1%201AD|SW1A|JE2|SE1 ?9ZZ|ZZ1\d/i, 'no postcode in the log');
});
