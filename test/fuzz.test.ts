// The generated-request test: every operation of /openapi.json, with an admin token configured,
// gets generated valid and hostile requests (test/fuzz/). Every answer must be a status the
// operation documents, never a 5xx, errors in a documented media type and shape (problem+json unless
// an emulated API documents its own), schema-valid for 200s, and within a
// time bound. Seeded and printed: FUZZ_SEED=S replays a run, FUZZ_RUNS=N sizes it (npm run fuzz
// runs it at any size on its own).
import t from 'tap';
import { fuzz, describeReport } from './fuzz/fuzz.ts';
import { fuzzPlatform, FUZZ_ADMIN_TOKEN } from './fuzz/platform.ts';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(process.env.FUZZ_RUNS ?? 2000);

t.test(`generated requests over every operation (seed ${seed})`, async (t) => {
  t.comment(`fuzz seed ${seed}: replay with FUZZ_SEED=${seed} npm test -- test/fuzz.test.ts, or npm run fuzz -- --runs ${runs} --seed ${seed}`);
  const { app } = await fuzzPlatform(t);
  const report = await fuzz(app, { runs, seed, adminToken: FUZZ_ADMIN_TOKEN });
  t.comment(describeReport(report, seed));
  t.ok(report.operations >= 100, `${report.operations} operations walked`);
  t.ok(report.planned >= runs, `${report.planned} cases planned (${report.cases} sent)`);
  t.ok((report.statuses[200] ?? 0) > runs / 10, `${report.statuses[200] ?? 0} answers were 200 (the generated requests reach the handlers)`);
  t.same(
    report.failures.map((f) => `${f.operation}: ${f.problems.join('; ')}`),
    [],
    'no 5xx, no undocumented status, no error outside its documented type and shape, no invalid 200, no hang',
  );
});
