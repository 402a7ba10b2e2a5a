// Smoke test of the zero-config path: no DATABASE_URL, an embedded PostgreSQL in a local folder
// (as root on CI), first start imports what CATALOGUE_DATA_DIR holds, a second start reuses it.
import t from 'tap';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../core/config.ts';
import { startService } from '../core/service.ts';
import { dataDir, ROOT } from './helpers/platform.ts';

const state = mkdtempSync(join(tmpdir(), 'embedded-test-'));
chmodSync(state, 0o755); // the postgres user must be able to enter it
t.teardown(() => rmSync(state, { recursive: true, force: true }));
const catalogueFile = join(state, 'catalogue.yaml');
writeFileSync(catalogueFile, `datasets:\n  - id: greenspace\n    path: ${join(ROOT, 'datasets/greenspace')}\n`);
const env = {
  CATALOGUE_STATE_DIR: state,
  CATALOGUE_FILE: catalogueFile,
  CATALOGUE_DATA_DIR: dataDir(),
  PORT: '0',
  EMBEDDED_PG_PORT: String(55000 + (process.pid % 5000)),
  LOG_LEVEL: 'warn',
};

t.test('npm start with no DATABASE_URL', async (t) => {
  const first = await startService(loadConfig(env, ROOT));
  t.equal(first.platform.db.embedded, true, 'runs on the embedded PostgreSQL');
  let status = '';
  for (let i = 0; i < 300 && status !== 'ready'; i++) {
    const res = await fetch(`${first.url}/catalogue`);
    t.equal(res.status, 200);
    status = ((await res.json()) as { datasets: { status: { state: string } }[] }).datasets[0].status.state;
    if (status !== 'ready') await sleep(200);
  }
  t.equal(status, 'ready', 'the first start imported the dataset found in CATALOGUE_DATA_DIR');
  await first.stop();

  const second = await startService(loadConfig(env, ROOT));
  const body = (await (await fetch(`${second.url}/v1/greenspace/areas?limit=1`)).json()) as { total: number };
  t.equal(body.total, 371, 'a later start serves the data already imported');
  await second.stop();
});
