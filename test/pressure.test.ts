// Load shedding: when the event loop stalls beyond the limit, requests get a 503 problem with
// Retry-After instead of queueing; once the loop runs freely again, they are answered.
import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../core/app.ts';
import { testPlatform } from './helpers/platform.ts';

/** Status codes of /catalogue until it answers 200 (at most `seconds`). */
async function untilAnswered(app: FastifyInstance, seconds: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let status = 0;
  while (Date.now() < end && (status = (await app.inject('/catalogue')).statusCode) !== 200) await sleep(250);
  return status;
}

t.test('a stalled event loop sheds requests with 503, then recovers', async (t) => {
  const { platform } = await testPlatform(t, { datasets: ['greenspace'] });
  // under-pressure compares the mean delay of a one-second sample with the limit: one stall among
  // a hundred punctual ticks of 10 ms weighs a hundredth.
  const app = await buildApp(platform, { rateLimit: 0, maxEventLoopDelay: 30 });
  t.teardown(() => app.close());
  t.equal(await untilAnswered(app, 10), 200, 'answers while the loop runs freely');
  const until = Date.now() + 6000;
  while (Date.now() < until); // a synchronous stall of 6 s
  await sleep(50); // the overdue sample is taken
  const shed = await app.inject('/catalogue');
  t.equal(shed.statusCode, 503, 'shed while the last sample shows the stall');
  t.match(shed.headers['content-type'], /application\/problem\+json/);
  t.ok(shed.headers['retry-after'], 'says when to retry');
  t.match(shed.json(), { status: 503, title: 'Service unavailable' });
  t.equal(await untilAnswered(app, 10), 200, 'answers again once the loop runs freely');
});
