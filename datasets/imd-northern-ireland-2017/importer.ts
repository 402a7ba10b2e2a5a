// NIMDM 2017: 890 SOA rows (followed in the file by rows of empty fields, skipped by readCsv).
import { indices, type DatasetImporter } from '../../core/contract.ts';

const rank = (h: string, field: string): indices.Column => ({ header: `${h} rank (where 1 is most deprived)`, field, kind: 'integer' });
const COLUMNS: indices.Column[] = [
  { header: 'soa2001', field: 'soa_code', kind: 'text' },
  { header: 'soa2001_name', field: 'soa_name', kind: 'text' },
  { header: 'lgd2014name', field: 'lgd_name', kind: 'text' },
  { header: '2015 default urban/rural', field: 'urban_rural', kind: 'text' },
  rank('multiple deprivation measure', 'mdm_rank'),
  rank('income domain', 'income_rank'),
  rank('employment domain', 'employment_rank'),
  rank('health deprivation and disability domain', 'health_rank'),
  rank('education, skills and training domain', 'education_rank'),
  rank('access to services domain', 'access_rank'),
  rank('living environment domain', 'living_environment_rank'),
  rank('crime and disorder domain', 'crime_rank'),
];

const importer: DatasetImporter = async (ctx) => {
  const rows: Record<string, unknown>[] = [];
  for await (const { record } of indices.readColumns(ctx, 'soa_results', COLUMNS)) rows.push(record);
  for (const c of COLUMNS.filter((c) => c.field.endsWith('_rank'))) indices.checkRanks(ctx, rows.map((r) => r[c.field] as number), c.field, 890);
  const table = ctx.table('areas');
  for (const r of rows) await table.write({ ...r, mdm_decile: indices.rankCeil(r.mdm_rank as number, rows.length, 10) });
};

export default importer;
