// npm test: type freshness, tsc, then tap against DATABASE_URL or an embedded PostgreSQL,
// ending with one plain line "N passed, M failed" (what CI reads).
// npm test -- --dataset <id>: the same for one dataset: the conformance suite on it and its own
// tests (its folder's test/), each test file on fresh databases; tsc only when it has TypeScript.
import { spawn, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { createLogger } from '../core/platform.ts';
import { startEmbedded } from '../core/db/embedded.ts';
import { syncTypes } from '../core/codegen.ts';
import { datasetTestPlan } from './helpers/one-dataset.ts';

const root = join(import.meta.dirname, '..');
const stop = (message: string): never => {
  console.error(`${message}\n0 passed, 1 failed`);
  process.exit(1);
};
const env = { ...process.env };
let args = process.argv.slice(2);
const plan = await datasetTestPlan(root, args, env);
if (plan.error) stop(plan.error);
const stale = plan.dataset ? plan.staleTypes : await syncTypes(root, true);
if (stale.length > 0) stop(`Generated types are stale (${stale.map((p) => relative(root, p)).join(', ')}): run \`npm run types\`.`);
if (!plan.dataset || plan.typescript) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit'], { stdio: 'inherit', cwd: root });
  if (tsc.status !== 0) stop('Type check failed.');
}
if (plan.dataset) {
  env.CATALOGUE_TEST_DATASET = plan.dataset;
  args = [...plan.args, ...plan.files];
  console.log(`Testing ${plan.dataset}: ${plan.files.map((f) => relative(root, f)).join(', ')}`);
}
let embedded: { stop(): Promise<void> } | undefined;
if (!env.DATABASE_URL) {
  const server = await startEmbedded(join(root, '.data', 'test-postgres'), Number(env.EMBEDDED_PG_TEST_PORT ?? 54339), createLogger('warn'));
  env.DATABASE_URL = server.url;
  embedded = server;
}
env.CATALOGUE_DATA_DIR ??= join(root, '..', 'shared', 'data');
const tap = spawn(process.execPath, [join(root, 'node_modules/tap/dist/esm/run.mjs'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
let tail = '';
tap.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});
const code: number = await new Promise((done) => tap.on('close', (c) => done(c ?? 1)));
await embedded?.stop();
// tap closes with "# { total: N, pass: P, fail: F, ... }"
const m = [...tail.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/#\s*\{([^}]*)\}/g)].pop();
const count = (k: string) => Number(new RegExp(`${k}:\\s*(\\d+)`).exec(m?.[1] ?? '')?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
