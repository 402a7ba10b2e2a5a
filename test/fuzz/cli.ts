// npm run fuzz -- [--runs N] [--seed S] [--only REGEX]: the generated-request test at any size,
// against a database of its own on DATABASE_URL (dropped afterwards). Exits 1 on any failure.
import { parseArgs } from 'node:util';
import { fuzz, describeReport } from './fuzz.ts';
import { fuzzPlatform, FUZZ_ADMIN_TOKEN } from './platform.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string' }, only: { type: 'string' } } });
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(values.runs);
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--only REGEX]');
  process.exit(2);
}
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.CATALOGUE_DATA_DIR ??= '../shared/data';
const teardowns: (() => unknown)[] = [];
console.log(`fuzz seed ${seed}, ${runs} cases (replay: npm run fuzz -- --runs ${runs} --seed ${seed})`);
let failed = true;
try {
  const { app } = await fuzzPlatform({ teardown: (fn) => teardowns.push(fn) });
  const started = Date.now();
  const report = await fuzz(app, { runs, seed, adminToken: FUZZ_ADMIN_TOKEN, only: values.only ? new RegExp(values.only) : undefined });
  console.log(describeReport(report, seed));
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s, ${report.failures.length} failing operation(s)`);
  failed = report.failures.length > 0;
} finally {
  for (const fn of teardowns.reverse()) await fn();
}
process.exit(failed ? 1 : 0);
