// Records which index editions the by-postcode service composes (from the index plug-ins'
// descriptors and their current editions), and cross-checks the RCPCH-curated SIMD test values.
import type { DatasetImporter } from '../../core/contract.ts';
import { COUNTRY_CODES, type Nation } from './lib/index.ts';
import { ALL, defaultFor } from './lib/registry.ts';
import { RULES } from './lib/quantiles.ts';

const importer: DatasetImporter = async (ctx) => {
  const table = ctx.table('indices');
  for (const d of ALL) {
    const editionId = await ctx.currentEdition(d.dataset);
    let areas: number | null = null;
    if (editionId !== null && d.table) {
      const [row] = await ctx.query<{ n: string }>(`SELECT count(*) AS n FROM "${d.dataset.replace(/-/g, '_')}_${d.table}" WHERE edition_id = $1`, [editionId]);
      areas = Number(row.n);
    }
    if (editionId === null) ctx.warn('index_not_imported', `${d.dataset} (${d.label}) has no edition yet: postcodes of ${d.nation} get status index_not_loaded until it is imported`);
    await table.write({
      index_edition: d.label,
      dataset: d.dataset,
      nation: d.nation,
      country_code: d.nation === 'United Kingdom' ? null : COUNTRY_CODES[d.nation as Nation],
      title: d.title,
      publisher: d.publisher,
      area_type: d.area_type,
      postcode_field: d.join,
      small_areas_loaded: d.table !== null && (areas ?? 0) > 0,
      is_default: d.composite ? true : defaultFor(d.nation as Nation) === d,
      areas,
      source_edition_id: editionId,
      quantile_rule: d.composite ? 'none: population-weighted quantiles as published' : RULES[d.rule].formula,
      published_quantiles: Object.keys(d.overall.published).join(','),
      domains: d.domains.map((m) => m.key).join(','),
    });
  }
  // RCPCH's own test values (SIMD 2020v2 of sample Scottish postcodes) against the loaded SIMD.
  if (ctx.sources.rcpch_simd_checks?.length) {
    const checks = await ctx.readJson<Record<string, string | number>[]>('rcpch_simd_checks');
    const simd = await ctx.currentEdition('imd-scotland-2020');
    let agreed = 0;
    for (const c of checks) {
      const code = String(c['code:'] ?? '');
      const [row] = simd ? await ctx.query<{ simd_rank: number; simd_decile: number }>('SELECT simd_rank, simd_decile FROM imd_scotland_2020_areas WHERE edition_id = $1 AND dz_code = $2', [simd, code]) : [];
      if (row && row.simd_rank === Number(c['SIMD 2020v2 rank']) && row.simd_decile === Number(c['SIMD 2020v2 decile'])) agreed++;
      else ctx.warn('rcpch_check', `RCPCH test value for data zone ${code} does not match the loaded SIMD edition`);
    }
    return { metadata: { rcpch_simd_checks: { checked: checks.length, agreed } } };
  }
};

export default importer;
