// The English Indices of Deprivation, whichever edition: their indices and domains, the LSOA-level
// CSV layouts (the publisher's Files 2, 3, 6, 7, 9, and the snake_case columns of the humaniverse/IMD
// R package's conversion of File 7, matched by normalised header, on the code vintages an edition
// names), the IoD2025 district summaries as reshaped long, and the descriptor every IoD edition
// shares. (File 10, an xlsx workbook, is read by imd-england-2019 itself: exceljs is heavy to load.)
import { SourceError, type ImportContext } from '../../contract.ts';
import { num } from './columns.ts';
import type { IndexDescriptor, MeasureDescriptor } from './descriptor.ts';
import { iodRankingCheck } from './iod-ranking.ts';

export const IOD_DOMAINS = ['imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'living_environment', 'idaci', 'idaopi'] as const;

export const IOD_DOMAIN_NAMES: Record<string, string> = {
  imd: 'Index of Multiple Deprivation (IMD)',
  income: 'Income Deprivation Domain',
  employment: 'Employment Deprivation Domain',
  education: 'Education, Skills and Training Domain',
  health: 'Health Deprivation and Disability Domain',
  crime: 'Crime Domain',
  barriers: 'Barriers to Housing and Services Domain',
  living_environment: 'Living Environment Domain',
  idaci: 'Income Deprivation Affecting Children Index (IDACI)',
  idaopi: 'Income Deprivation Affecting Older People Index (IDAOPI)',
};

/** Index, domain or sub-domain key of a publisher's name ("Income Deprivation", "IMD", "Living"…). */
export function domainKey(name: string): string | undefined {
  const n = name.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/sub-?domain/.test(n)) {
    for (const [re, k] of [
      [/children and young people/, 'children_young_people'],
      [/adult skills/, 'adult_skills'],
      [/geographical barriers/, 'geographical_barriers'],
      [/wider barriers/, 'wider_barriers'],
      [/indoors/, 'indoors'],
      [/outdoors/, 'outdoors'],
    ] as const)
      if (re.test(n)) return k;
    return undefined;
  }
  if (/^(imd|index of multiple deprivation)/.test(n)) return 'imd';
  if (/idaci|affecting children/.test(n)) return 'idaci';
  if (/idaopi|affecting older/.test(n)) return 'idaopi';
  for (const k of ['income', 'employment', 'education', 'health', 'crime', 'barriers'] as const) if (n.startsWith(k)) return k;
  if (n.startsWith('living')) return 'living_environment';
  return undefined;
}

const POPULATION: [RegExp, string][] = [
  [/^total population/, 'population_total'],
  [/^dependent children aged 0-15/, 'population_0_15'],
  [/^population aged 16-59/, 'population_16_59'],
  [/^older population aged 60/, 'population_60_plus'],
  [/^working age population/, 'population_working_age'],
];

/** Measure names of the humaniverse/IMD conversion (`IMD_rank`, `Housing_and_Services_decile`, `children_and_young_people_score`…). */
const CONVERTED: Record<string, string> = {
  imd: 'imd',
  income: 'income',
  employment: 'employment',
  education: 'education',
  health: 'health',
  crime: 'crime',
  housing_and_services: 'barriers',
  environment: 'living_environment',
  children_and_young_people: 'children_young_people',
  adult_skills: 'adult_skills',
  geographical_barriers: 'geographical_barriers',
  wider_barriers: 'wider_barriers',
  indoors: 'indoors',
  outdoors: 'outdoors',
};

/** Field of an LSOA-level IoD column (normalised header), with the code vintage for code columns. */
export function lsoaField(header: string): { field: string; vintage?: string } | undefined {
  let m = /^lsoa (code|name) \((\d{4})\)$/.exec(header);
  if (m) return { field: `lsoa_${m[1]}`, vintage: m[2] };
  m = /^lsoa(\d{2})_code$/.exec(header);
  if (m) return { field: 'lsoa_code', vintage: `20${m[1]}` };
  m = /^([a-z_]+)_(score|rank|decile)$/.exec(header);
  if (m && Object.hasOwn(CONVERTED, m[1])) return { field: `${CONVERTED[m[1]]}_${m[2]}` };
  m = /^local authority district (code|name) \((\d{4})\)$/.exec(header);
  if (m) return { field: `lad_${m[1]}`, vintage: m[2] };
  m = /^(.*) score - exponentially transformed$/.exec(header);
  if (m) {
    const k = domainKey(m[1]);
    return k ? { field: `${k}_score_transformed` } : undefined;
  }
  for (const [re, field] of POPULATION) if (re.test(header)) return { field };
  m = /^(.*?) (score(?: \(rate\))?|rank(?: \(where 1 is most deprived\))?|decile(?: \(where 1 is most deprived 10% of lsoas\))?)$/.exec(header);
  if (m) {
    const k = domainKey(m[1]);
    return k ? { field: `${k}_${m[2].split(' ')[0]}` } : undefined;
  }
  return undefined;
}

const TEXT_FIELDS = new Set(['lsoa_code', 'lsoa_name', 'lad_code', 'lad_name']);

/**
 * Merges LSOA-level CSV sources (in the order given) into one record per LSOA. A later file must
 * agree with what an earlier one said about the same field (e.g. File 3's IMD ranks = File 2's).
 * With `areas`, every file's ranking is checked as it is read (iod-ranking.ts): each rank column
 * ranks 1…areas once each (ties of equal score share the lower rank), each decile is
 * ceil(rank × 10 / areas); a row that breaks it fails.
 */
export async function readLsoaSources(
  ctx: ImportContext,
  sources: string[],
  vintage: { lsoa: string; lad: string },
  checks: { areas?: number } = {},
): Promise<Map<string, Record<string, unknown>>> {
  const byCode = new Map<string, Record<string, unknown>>();
  const unmapped = new Set<string>();
  const ranking = checks.areas ? iodRankingCheck(checks.areas, (code, message) => ctx.warn(code, message)) : undefined;
  let base: string | undefined;
  for (const source of sources) {
    const file = ctx.sources[source]?.[0];
    if (!file) continue;
    base ??= file;
    let fields: Map<string, string> | undefined;
    let codeHeader = '';
    // the row's own values by field, and the header each came from (for the ranking check)
    const headers = new Map<string, string>();
    const row: Record<string, unknown> = {};
    for await (const { values, line } of ctx.readCsv(source)) {
      if (!fields) {
        fields = new Map();
        for (const h of Object.keys(values)) {
          const f = lsoaField(h);
          if (!f) {
            unmapped.add(h);
            continue;
          }
          if (f.vintage && f.vintage !== (f.field.startsWith('lsoa') ? vintage.lsoa : vintage.lad))
            throw new SourceError(`column "${h}" is on ${f.vintage} codes; this edition expects ${f.field.startsWith('lsoa') ? `LSOA ${vintage.lsoa}` : `LAD ${vintage.lad}`}`, file, 1, h);
          fields.set(h, f.field);
          headers.set(f.field, h);
        }
        codeHeader = headers.get('lsoa_code') ?? '';
        if (!codeHeader) throw new SourceError(`no "LSOA code (${vintage.lsoa})" column`, file, 1);
      }
      const code = values[codeHeader].trim();
      if (!code) throw new SourceError('empty LSOA code', file, line, codeHeader);
      let rec = byCode.get(code);
      if (!rec) {
        if (file !== base) throw new SourceError(`LSOA ${code} is not in ${base}`, file, line, 'lsoa_code');
        byCode.set(code, (rec = {}));
      }
      for (const [h, field] of fields) {
        const raw = values[h];
        const value = TEXT_FIELDS.has(field) ? raw.trim() || null : num(raw);
        if (typeof value === 'number' && Number.isNaN(value)) throw new SourceError(`"${raw}" is not a number`, file, line, h);
        const before = rec[field];
        if (before !== undefined && before !== null && value !== null && before !== value)
          throw new SourceError(`${field} = ${value} disagrees with ${before} read from an earlier file`, file, line, h);
        if (value !== null || before === undefined) rec[field] = value;
        row[field] = value;
      }
      ranking?.row(file, line, headers, row);
    }
    if (fields) ranking?.end(file, headers);
  }
  if (unmapped.size) ctx.warn('unmapped_columns', `columns not served: ${[...unmapped].join('; ')}`);
  return byCode;
}

/** IoD2025 LAD summaries as reshaped long (one row per district and index/domain). */
export async function* readLadLong(ctx: ImportContext, source: string): AsyncGenerator<{ record: Record<string, unknown>; file: string; line: number }> {
  const file = ctx.sources[source][0];
  const required = ['area_code', 'area_name', 'index_domain', 'average_rank', 'rank_average_rank'];
  for await (const { values, line } of ctx.readCsv(source, { required })) {
    const key = domainKey(values.index_domain);
    if (!key) throw new SourceError(`unknown index/domain "${values.index_domain}"`, file, line, 'index_domain');
    const record: Record<string, unknown> = { lad_code: values.area_code.trim(), lad_name: values.area_name.trim(), index_domain: key, index_domain_name: values.index_domain.trim() };
    for (const [col, field] of [
      ['average_rank', 'average_rank'],
      ['rank_average_rank', 'rank_average_rank'],
      ['average_score', 'average_score'],
      ['rank_average_score', 'rank_average_score'],
      ['proportion_bottom_decile', 'proportion_most_deprived_10pc'],
      ['rank_proportion_bottom_decile', 'rank_proportion_most_deprived_10pc'],
    ]) {
      const n = num(values[col]);
      if (typeof n === 'number' && Number.isNaN(n)) throw new SourceError(`"${values[col]}" is not a number`, file, line, col);
      // floating-point artefacts in the reshaped file (0.9870000000000002): round to the publisher's 4 decimals
      record[field] = n === null ? null : field.startsWith('proportion') ? Math.round(n * 1e4) / 1e4 : n;
    }
    yield { record, file, line };
  }
}

const iodMeasure = (key: string): MeasureDescriptor => ({ key, title: IOD_DOMAIN_NAMES[key], rank: `${key}_rank`, score: `${key}_score`, published: { 10: `${key}_decile` } });

/**
 * The descriptor of an IoD edition whose areas table has the fields readLsoaSources gives
 * (lsoa_code, lad_code, imd_rank, imd_decile, income_rank…; an edition may name its code and
 * district columns after their vintage): MHCLG's rule, published deciles.
 */
export function iodDescriptor(
  edition: Pick<IndexDescriptor, 'label' | 'dataset' | 'title' | 'join' | 'area_type' | 'table'> & Partial<Pick<IndexDescriptor, 'code' | 'name' | 'la_code' | 'la_name'>>,
): IndexDescriptor {
  return {
    code: 'lsoa_code',
    name: 'lsoa_name',
    la_code: 'lad_code',
    la_name: 'lad_name',
    ...edition,
    nation: 'England',
    publisher: 'MHCLG',
    rule: 'rank-ceil',
    overall: iodMeasure('imd'),
    domains: IOD_DOMAINS.filter((k) => k !== 'imd').map(iodMeasure),
  };
}
