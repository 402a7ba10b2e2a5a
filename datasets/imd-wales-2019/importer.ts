// WIMD 2019: the ranks file and the scores file, joined by LSOA code; quantiles by the WIMD rule.
import { indices, SourceError, type DatasetImporter } from '../../core/contract.ts';

const DOMAINS: [string, string][] = [
  ['wimd 2019', 'wimd'],
  ['income', 'income'],
  ['employment', 'employment'],
  ['health', 'health'],
  ['education', 'education'],
  ['access to services', 'access_to_services'],
  ['housing', 'housing'],
  ['community safety', 'community_safety'],
  ['physical environment', 'physical_environment'],
];

const importer: DatasetImporter = async (ctx) => {
  const ranks: indices.Column[] = [
    { header: 'lsoa code', field: 'lsoa_code', kind: 'text' },
    { header: 'lsoa name (eng)', field: 'lsoa_name', kind: 'text' },
    { header: 'local authority name (eng)', field: 'la_name', kind: 'text' },
    ...DOMAINS.map(([h, k]): indices.Column => ({ header: h, field: `${k}_rank`, kind: 'integer' })),
  ];
  const scores: indices.Column[] = [{ header: 'lsoa code', field: 'lsoa_code', kind: 'text' }, ...DOMAINS.map(([h, k]): indices.Column => ({ header: h, field: `${k}_score`, kind: 'number' }))];
  const byCode = new Map<string, Record<string, unknown>>();
  for await (const { record } of indices.readColumns(ctx, 'ranks', ranks)) byCode.set(record.lsoa_code as string, record);
  for await (const { record, file, line } of indices.readColumns(ctx, 'scores', scores)) {
    const r = byCode.get(record.lsoa_code as string);
    if (!r) throw new SourceError(`LSOA ${record.lsoa_code} is in the scores file but not in the ranks file`, file, line, 'lsoa code');
    Object.assign(r, record);
  }
  const areas = byCode.size;
  for (const [, k] of DOMAINS) indices.checkRanks(ctx, [...byCode.values()].map((r) => r[`${k}_rank`] as number), `${k}_rank`, 1909);
  const table = ctx.table('areas');
  for (const r of byCode.values()) {
    if (r.wimd_score === undefined) throw new SourceError(`LSOA ${r.lsoa_code} has no scores`, ctx.sources.scores[0]);
    const rank = r.wimd_rank as number;
    await table.write({ ...r, wimd_decile: indices.wimdBand(rank, areas, 10), wimd_quintile: indices.wimdBand(rank, areas, 5), wimd_quartile: indices.wimdBand(rank, areas, 4) });
  }
};

export default importer;
