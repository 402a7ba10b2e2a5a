// Imports queued over HTTP run as graphile-worker jobs; admin routes need the token, and do not
// exist without one.
import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPlatform } from './helpers/platform.ts';
import { startWorker, crontab, queueFirstImports } from '../core/worker.ts';

t.test('POST /admin/imports/{id} queues a job the worker runs, with progress', async (t) => {
  const { app, platform } = await testPlatform(t, { datasets: ['greenspace'], env: { CATALOGUE_ADMIN_TOKEN: 'synthetic-test-token' } });
  t.equal((await app.inject({ method: 'POST', url: '/admin/imports/greenspace' })).statusCode, 401, 'no token');
  t.equal((await app.inject({ method: 'POST', url: '/admin/imports/greenspace', headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
  const auth = { authorization: 'Bearer synthetic-test-token' };
  t.equal((await app.inject({ method: 'POST', url: '/admin/imports/nope', headers: auth })).statusCode, 404);
  const queued = await app.inject({ method: 'POST', url: '/admin/imports/greenspace', headers: auth });
  t.equal(queued.statusCode, 202);
  const { run, progress } = queued.json();
  t.equal(queued.headers.location, progress);
  t.equal((await app.inject('/catalogue/greenspace')).json().status.state, 'queued');
  const worker = await startWorker(platform);
  t.teardown(() => worker.stop());
  let status = '';
  for (let i = 0; i < 200 && status !== 'succeeded' && status !== 'failed'; i++) {
    await sleep(100);
    status = (await app.inject(`/catalogue/greenspace/imports/${run}`)).json().status;
  }
  t.equal(status, 'succeeded', 'the worker ran the import');
  t.equal((await app.inject('/v1/greenspace/areas?limit=1')).json().total, 371);
  t.equal((await app.inject('/catalogue/greenspace')).json().status.state, 'ready');
});

t.test('without CATALOGUE_ADMIN_TOKEN the admin routes do not exist', async (t) => {
  const { app } = await testPlatform(t, { datasets: ['greenspace'] });
  t.equal((await app.inject({ method: 'POST', url: '/admin/imports/greenspace', headers: { authorization: 'Bearer x' } })).statusCode, 404);
});

t.test('refresh schedules come from the manifests; first imports are queued on start', async (t) => {
  const { platform } = await testPlatform(t, { datasets: ['greenspace'] });
  t.match(crontab(platform), /^30 3 \* \* 1 catalogue_import \?id=refresh_greenspace&max=1 \{"dataset":"greenspace","trigger":"schedule"\}$/);
  t.same(await queueFirstImports(platform, ['greenspace']), ['greenspace'], 'never imported and sources present: queued');
  t.same(await queueFirstImports(platform, ['greenspace']), [], 'already queued: not twice');
});
