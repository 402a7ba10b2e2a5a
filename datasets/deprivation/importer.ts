// Records which index editions the by-postcode service composes (from the index services declared
// in depends_on and their current editions, and which declared ones are absent), and cross-checks
// the RCPCH-curated SIMD test values.
import { indices, type DatasetImporter, type ImportContext, type Nation } from '../../core/contract.ts';
import type { IndicesRecord } from './types.ts';
import { discoverIndices, type IndexRegistry } from './lib/registry.ts';

const importer: DatasetImporter = async (ctx) => {
  const registry = discoverIndices(ctx);
  const table = ctx.table('indices');
  for (const d of [...registry.national, ...(registry.composite ? [registry.composite] : [])]) {
    const editionId = await ctx.currentEdition(d.dataset);
    let areas: number | null = null;
    if (editionId !== null && d.table) {
      const [row] = await ctx.query<{ n: string }>(`SELECT count(*) AS n FROM "${ctx.tableName(d.table, d.dataset)}" WHERE edition_id = $1`, [editionId]);
      areas = Number(row.n);
    }
    if (editionId === null) ctx.warn('index_not_imported', `${d.dataset} (${d.label}) has no edition yet: postcodes of ${d.nation} get status index_not_loaded until it is imported`);
    await table.write({
      index_edition: d.label,
      dataset: d.dataset,
      status: editionId === null ? 'not_imported' : 'imported',
      message: null,
      nation: d.nation,
      country_code: d.composite ? null : indices.COUNTRY_CODES[d.nation as Nation],
      title: d.title,
      publisher: d.publisher,
      area_type: d.area_type,
      postcode_field: d.join,
      small_areas_loaded: d.table !== null && (areas ?? 0) > 0,
      is_default: d.composite ? true : registry.defaultFor(d.nation as Nation) === d,
      areas,
      source_edition_id: editionId,
      quantile_rule: d.composite ? 'none: population-weighted quantiles as published' : indices.RULES[d.rule].formula,
      published_quantiles: Object.keys(d.overall.published).join(','),
      domains: d.domains.map((m) => m.key).join(','),
    } satisfies IndicesRecord);
  }
  for (const a of registry.absent) {
    const message = `${a.dataset} is declared in depends_on but ${a.reason === 'not registered' ? 'not registered in this catalogue' : 'failed to load'}: postcodes of its nation get status index_absent where no other index of the nation has small areas`;
    ctx.warn('index_absent', message);
    await table.write({ ...ABSENT, index_edition: a.dataset, dataset: a.dataset, message } satisfies IndicesRecord);
  }
  // RCPCH's own test values (SIMD 2020v2 of sample Scottish postcodes) against the loaded SIMD.
  if (ctx.sources.rcpch_simd_checks?.length) return { metadata: { rcpch_simd_checks: await checkSimd(ctx, registry) } };
};

/** An index declared but absent: what it is cannot be known without it. */
const ABSENT = {
  status: 'absent',
  nation: null,
  country_code: null,
  title: null,
  publisher: null,
  area_type: null,
  postcode_field: null,
  small_areas_loaded: false,
  is_default: false,
  areas: null,
  source_edition_id: null,
  quantile_rule: null,
  published_quantiles: null,
  domains: null,
} as const;

async function checkSimd(ctx: ImportContext, registry: IndexRegistry) {
  const checks = await ctx.readJson<Record<string, string | number>[]>('rcpch_simd_checks');
  const simd = registry.national.find((d) => d.label === 'SIMD2020v2');
  const snap = simd ? await registry.services(simd).snapshot() : null;
  if (!simd || !snap) {
    ctx.warn('rcpch_check', 'SIMD 2020v2 is absent or not imported: the RCPCH test values were not checked');
    return { checked: 0, agreed: 0 };
  }
  let agreed = 0;
  for (const c of checks) {
    const code = String(c['code:'] ?? '');
    const row = snap.byCode.get(code);
    if (row && row[simd.overall.rank] === Number(c['SIMD 2020v2 rank']) && row[simd.overall.published[10]] === Number(c['SIMD 2020v2 decile'])) agreed++;
    else ctx.warn('rcpch_check', `RCPCH test value for data zone ${code} does not match the loaded SIMD edition`);
  }
  return { checked: checks.length, agreed };
}

export default importer;
