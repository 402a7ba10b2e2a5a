// Writes three invented hospitals whose expected areas the test passes in FAKE_ORGANISATIONS
// (JSON), so that no code of the official files is written here.
import type { DatasetImporter } from '../../../../core/contract.ts';

const importer: DatasetImporter = async (ctx) => {
  const spec = JSON.parse(process.env.FAKE_ORGANISATIONS ?? '{}') as {
    records: Record<string, unknown>[];
    icbs: Record<string, unknown>[];
    regions: Record<string, unknown>[];
    health_boards: Record<string, unknown>[];
  };
  for (const table of ['organisation_records', 'icbs', 'regions', 'health_boards'] as const)
    for (const r of spec[table === 'organisation_records' ? 'records' : table] ?? []) await ctx.table(table).write(r);
};

export default importer;
