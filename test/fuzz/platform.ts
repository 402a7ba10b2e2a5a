// The service the fuzzer runs against: every registered dataset imported from the real sources,
// an admin token configured (so the admin routes exist and are fuzzed too).
import { testPlatform, type TestPlatform } from '../helpers/platform.ts';
import { dependencyOrder } from '../../core/manifest.ts';
import { runImport } from '../../core/imports/run.ts';

export const FUZZ_ADMIN_TOKEN = 'fuzz-admin-token-0123456789';

export async function fuzzPlatform(t: { teardown(fn: () => unknown): void }): Promise<TestPlatform> {
  const service = await testPlatform(t, { env: { CATALOGUE_ADMIN_TOKEN: FUZZ_ADMIN_TOKEN, LOG_LEVEL: 'fatal' } });
  for (const d of dependencyOrder(service.platform.datasets)) await runImport(service.platform, { datasetId: d.id, trigger: 'test' });
  return service;
}
