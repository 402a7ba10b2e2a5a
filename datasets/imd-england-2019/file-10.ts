// IoD2019 File 10 (xlsx, one sheet per index/domain): the local-authority district summaries.
import ExcelJS from 'exceljs';
import { indices, SourceError, type ImportContext } from '../../core/contract.ts';

const { IOD_DOMAINS, IOD_DOMAIN_NAMES, domainKey, num } = indices;

const cell = (v: ExcelJS.CellValue): unknown => {
  if (v && typeof v === 'object') {
    if ('result' in v) return v.result;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return v.text;
  }
  return v;
};

const SUMMARY_MEASURES: [RegExp, string][] = [
  [/^rank of average rank$/, 'rank_average_rank'],
  [/^average rank$/, 'average_rank'],
  [/^rank of average score$/, 'rank_average_score'],
  [/^average score$/, 'average_score'],
  [/^rank of proportion of lsoas in most deprived 10% nationally$/, 'rank_proportion_most_deprived_10pc'],
  [/^proportion of lsoas in most deprived 10% nationally$/, 'proportion_most_deprived_10pc'],
  [/^rank of extent$/, 'rank_extent'],
  [/^extent$/, 'extent'],
  [/^rank of local concentration$/, 'rank_local_concentration'],
  [/^local concentration$/, 'local_concentration'],
  [/^rank of (income|employment) scale$/, 'rank_scale'],
  [/^(income|employment) scale$/, 'scale'],
];

/** File 10 (xlsx, one sheet per index/domain) → one record per district and index/domain. */
export async function* readFile10(ctx: ImportContext, source: string): AsyncGenerator<{ record: Record<string, unknown>; file: string; line: number }> {
  const file = ctx.sources[source][0];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.read(ctx.openSource(file) as unknown as import('node:stream').Readable);
  let sheets = 0;
  for (const ws of wb.worksheets) {
    const key = domainKey(ws.name);
    if (!key || !(IOD_DOMAINS as readonly string[]).includes(key)) continue;
    sheets++;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(cell(v) ?? '').replace(/\s+/g, ' ').trim().toLowerCase());
    const cols = new Map<number, string>();
    header.forEach((h, i) => {
      if (/^local authority district code/.test(h)) cols.set(i, 'lad_code');
      else if (/^local authority district name/.test(h)) cols.set(i, 'lad_name');
      else {
        const measure = h.replace(/^.*? - /, '').replace(/^imd 2019 - /, '');
        const found = SUMMARY_MEASURES.find(([re]) => re.test(measure));
        if (found) cols.set(i, found[1]);
      }
    });
    for (const need of ['lad_code', 'lad_name', 'average_rank', 'rank_average_rank'])
      if (![...cols.values()].includes(need)) throw new SourceError(`sheet ${ws.name}: no column for ${need}`, file, 1, need);
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r).values as ExcelJS.CellValue[];
      const record: Record<string, unknown> = { index_domain: key, index_domain_name: IOD_DOMAIN_NAMES[key] };
      let empty = true;
      for (const [i, field] of cols) {
        const v = cell(row[i]);
        if (v !== null && v !== undefined && v !== '') empty = false;
        if (field === 'lad_code' || field === 'lad_name') record[field] = v === null || v === undefined ? '' : String(v).trim();
        else {
          const n = typeof v === 'number' ? v : num(v === null || v === undefined ? '' : String(v));
          if (typeof n === 'number' && Number.isNaN(n)) throw new SourceError(`sheet ${ws.name}: "${String(v)}" is not a number`, file, r, field);
          record[field] = n;
        }
      }
      if (!empty) yield { record, file: `${file} [${ws.name}]`, line: r };
    }
  }
  if (sheets !== IOD_DOMAINS.length) throw new SourceError(`expected ${IOD_DOMAINS.length} index/domain sheets, found ${sheets}`, file);
}
