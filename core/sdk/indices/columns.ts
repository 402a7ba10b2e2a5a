// A CSV source read by normalised header into records, for the index plug-ins whose files are one
// row per area (WIMD, SIMD, NIMDM, the UK composite), and the checks of a published ranking.
import { SourceError, type CsvReadOptions, type ImportContext } from '../../contract.ts';

/** Parses a published number ("29199.00", "4563.5", "1,234"): null when empty, NaN when not a number. */
export function num(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const v = raw.trim().replace(/,/g, '');
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
}

export interface Column {
  /** Normalised header (trimmed, spaces collapsed, lower case). */
  header: string;
  field: string;
  kind: 'text' | 'number' | 'integer';
  /** Empty cells allowed (null). */
  nullable?: boolean;
}

export async function* readColumns(
  ctx: ImportContext,
  source: string,
  columns: Column[],
  options: CsvReadOptions = {},
): AsyncGenerator<{ record: Record<string, unknown>; file: string; line: number }> {
  const file = ctx.sources[source]?.[0] ?? source;
  for await (const { values, line } of ctx.readCsv(source, { ...options, required: columns.map((c) => c.header) })) {
    const record: Record<string, unknown> = {};
    for (const c of columns) {
      const raw = values[c.header] ?? '';
      if (c.kind === 'text') {
        const v = raw.trim();
        if (v === '' && !c.nullable) throw new SourceError(`empty ${c.header}`, file, line, c.header);
        record[c.field] = v === '' ? null : v;
        continue;
      }
      const n = num(raw);
      if (n === null && !c.nullable) throw new SourceError(`empty ${c.header}`, file, line, c.header);
      if (typeof n === 'number' && (Number.isNaN(n) || (c.kind === 'integer' && !Number.isInteger(n))))
        throw new SourceError(`"${raw}" is not ${c.kind === 'integer' ? 'an integer' : 'a number'}`, file, line, c.header);
      record[c.field] = n;
    }
    yield { record, file, line };
  }
}

/**
 * Checks a published ranking: every rank a (half-)integer in 1..n. Ties are allowed and recorded as a
 * warning: publishers write them either as averages (SIMD, the UK composite: 4563.5) or as the lower
 * rank, leaving a gap (WIMD employment and housing, NIMDM health, SIMD income at its bottom: 6969 × 12).
 */
export function checkRanks(ctx: ImportContext, ranks: number[], field: string, expected: number): void {
  const n = ranks.length;
  if (n !== expected) ctx.warn('area_count', `${n} areas with ${field}; the publisher documents ${expected}`);
  const bad = ranks.find((r) => !(r >= 1 && r <= n) || !Number.isInteger(r * 2));
  if (bad !== undefined) throw new SourceError(`${field} has the rank ${bad}, not a (half-)integer in 1..${n}`, undefined, undefined, field);
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  const tied = [...counts].filter(([, c]) => c > 1);
  if (tied.length) {
    const halves = ranks.filter((r) => !Number.isInteger(r)).length;
    ctx.warn(
      'tied_ranks',
      `${field}: ${tied.length} tied rank value(s) shared by ${tied.reduce((a, [, c]) => a + c, 0)} areas` +
        (halves ? ` (${halves} written as halves)` : '') +
        `; e.g. ${tied.slice(0, 3).map(([r, c]) => `${r} × ${c}`).join(', ')}`,
    );
  }
}
