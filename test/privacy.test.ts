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
  t.ok(lines.length >= 10, 'requests were logged');
  t.match(log, /"route":"\/v1\/greenspace\/areas\/:key"/, 'the route pattern is logged');
  t.notMatch(log, /ZZ99/i, 'no postcode in the logs');
  t.notMatch(log, /ZZ999ZZ/i);
});
