// Request logs carry the route pattern, never the path, query string or body a client sent:
// audit software sends patients' postcodes.
import t from 'tap';
import { Writable } from 'node:stream';
import { testPlatform } from './helpers/platform.ts';

t.test('request logs never contain what the client sent', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const { app } = await testPlatform(t, { datasets: ['greenspace'], imports: ['greenspace'], env: { LOG_LEVEL: 'info' }, logDestination: sink });
  // A synthetic postcode-like value in a path, a query string, a body and a bad request.
  await app.inject('/v1/greenspace/areas/ZZ99%209ZZ');
  await app.inject('/v1/greenspace/areas?lad_name=ZZ99%209ZZ');
  await app.inject('/v1/greenspace/areas?postcode=ZZ99%209ZZ');
  await app.inject({ method: 'POST', url: '/v1/greenspace/areas', payload: { postcodes: ['ZZ99 9ZZ'] } });
  await app.inject('/no/such/ZZ999ZZ');
  const log = lines.join('');
  t.ok(lines.filter((l) => l.includes('"msg":"request completed"')).length >= 5, 'every request was logged (one line each)');
  t.match(log, /"route":"\/v1\/greenspace\/areas\/:key"/, 'the route pattern is logged');
  t.notMatch(log, /ZZ99/i, 'no postcode in the logs');
  t.notMatch(log, /ZZ999ZZ/i);
});

t.test('postcode lookups of every dataset leave no postcode in the logs', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const order = ['postcodes', 'imd-england-2019', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite', 'deprivation', 'organisations', 'boundaries'];
  const { app } = await testPlatform(t, { datasets: [...order, 'imd-england-2025'], imports: [...order, 'imd-england-2025'], env: { LOG_LEVEL: 'info' }, logDestination: sink });
  // Real postcodes of the ONSPD sample (England, Scotland), in several spellings, and an invalid one.
  const sent = ['M1 1AD', 'm11ad', 'AB10 1AA', 'ab101aa', 'SE1 2DL'];
  for (const p of sent) {
    const q = encodeURIComponent(p);
    t.equal((await app.inject(`/v1/postcodes/postcodes/${q}`)).statusCode, 200, `lookup ${p}`);
    await app.inject(`/v1/deprivation/postcodes/${q}`);
    await app.inject(`/v1/boundaries/locate?postcode=${q}`);
    await app.inject(`/v1/organisations/nearest?postcode=${q}`);
  }
  await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', payload: { postcodes: sent } });
  await app.inject({ method: 'POST', url: '/v1/postcodes/lookup', headers: { 'content-type': 'text/csv' }, payload: `postcode\n${sent.join('\n')}\n` });
  await app.inject({ method: 'POST', url: '/v1/deprivation/postcodes', payload: { postcodes: sent } });
  await app.inject('/v1/postcodes/postcodes/NOT%20A%20POSTCODE%20M1');
  // The web pages and the enrich route: forms, uploads (raw, multipart, bad files), answers as pages.
  const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
  const list = encodeURIComponent(sent.join('\n'));
  await app.inject({ method: 'POST', url: '/web/deprivation', headers: form, payload: `postcodes=${list}&action=show` });
  await app.inject({ method: 'POST', url: '/web/deprivation', headers: form, payload: `postcodes=${list}&action=csv` });
  await app.inject({ method: 'POST', url: '/web/organisations/nearest', headers: form, payload: 'postcode=M1+1AD' });
  await app.inject({ method: 'POST', url: '/web/map', headers: form, payload: 'postcode=SE1+2DL' });
  await app.inject({ method: 'POST', url: '/enrich', headers: { 'content-type': 'text/csv' }, payload: `postcode\n${sent.join('\n')}\n` });
  await app.inject({ method: 'POST', url: '/enrich?column=NOT%20A%20POSTCODE', headers: { 'content-type': 'text/csv' }, payload: `postcode\n${sent.join('\n')}\n` });
  await app.inject({ method: 'POST', url: '/enrich', headers: { 'content-type': 'text/csv' }, payload: `postcode,x\n"AB10 1AA,1\n` });
  const boundary = 'privacy-test';
  await app.inject({
    method: 'POST',
    url: '/enrich',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="M1 1AD.csv"\r\nContent-Type: text/csv\r\n\r\npostcode\r\n${sent.join('\r\n')}\r\n--${boundary}--\r\n`,
  });
  const log = lines.join('');
  t.ok(lines.length > 40, 'requests were logged');
  t.match(log, /"route":"\/enrich"/, 'the web routes are logged by their pattern');
  t.match(log, /"route":"\/web\/deprivation"/);
  for (const p of [...sent, 'NOT A POSTCODE']) {
    t.notOk(log.toLowerCase().includes(p.toLowerCase()), `${p} is not in the logs`);
    t.notOk(log.toLowerCase().includes(encodeURIComponent(p).toLowerCase()), `${p} (URL-encoded) is not in the logs`);
  }
  t.notMatch(log, /AB10|M1 ?1AD|SE1 ?2DL/i);
});
