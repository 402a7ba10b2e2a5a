// The IoD ranking as MHCLG publishes it, checked while a file is read: in each file, every rank
// column ranks the areas 1…areas, each rank once, except that areas of equal score share the lower
// rank and leave a gap (standard competition ranking: 5, 5, 7 — IoD2025 has a few such ties in its
// income, education, barriers and adult-skills ranks, IoD2019 some in every rank); every decile is
// ceil(rank × 10 / areas). A row that breaks it fails the import, named by file, line and column.
import { SourceError } from '../../contract.ts';
import { rankCeil } from './quantiles.ts';

type Row = Record<string, unknown>;

export interface RankingCheck {
  /** One row of `file`: its values by field, and the header each field was read from. */
  row(file: string, line: number, headers: ReadonlyMap<string, string>, row: Row): void;
  /** After the last row of `file`: the ranks of each column leave no gap a tie does not explain. */
  end(file: string, headers: ReadonlyMap<string, string>): void;
}

const measureOf = (field: string, kind: 'rank' | 'decile') => (field.endsWith(`_${kind}`) ? field.slice(0, -kind.length - 1) : undefined);

/** One rank column of one file: per rank, how many areas hold it, the line of the first, its score. */
interface Column {
  count: Int32Array;
  line: Int32Array;
  score: Float64Array;
}

export function iodRankingCheck(areas: number, warn: (code: string, message: string) => void): RankingCheck {
  const columns = new Map<string, Column>();
  const key = (file: string, field: string) => `${file}\0${field}`;
  const rule = `IoD ranks run 1…${areas}, each once, areas of equal score sharing the lower rank`;

  function rank(file: string, line: number, header: string, field: string, v: unknown, score: unknown): void {
    if (v === null || v === undefined) throw new SourceError('empty rank', file, line, header);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > areas) throw new SourceError(`rank ${String(v)} is not an integer in 1…${areas}`, file, line, header);
    let c = columns.get(key(file, field));
    if (!c) columns.set(key(file, field), (c = { count: new Int32Array(areas + 1), line: new Int32Array(areas + 1), score: new Float64Array(areas + 1) }));
    const s = typeof score === 'number' ? score : NaN;
    if (c.count[v]++ === 0) {
      c.line[v] = line;
      c.score[v] = s;
    } else if (!(s === c.score[v] || (Number.isNaN(s) && Number.isNaN(c.score[v]))))
      throw new SourceError(`rank ${v} appears twice, on lines ${c.line[v]} and ${line}, for different scores (${c.score[v]}, ${s}); ${rule}`, file, line, header);
  }

  return {
    row(file, line, headers, row) {
      for (const [field, header] of headers) {
        const m = measureOf(field, 'rank');
        if (m !== undefined) rank(file, line, header, field, row[field], headers.has(`${m}_score`) ? row[`${m}_score`] : undefined);
      }
      for (const [field, header] of headers) {
        const m = measureOf(field, 'decile');
        if (m === undefined) continue;
        const decile = row[field];
        if (decile === null || decile === undefined) throw new SourceError('empty decile', file, line, header);
        const r = row[`${m}_rank`];
        if (typeof r !== 'number') continue; // this file has no rank column for it: nothing to check against
        const expected = rankCeil(r, areas, 10);
        if (decile !== expected) throw new SourceError(`decile ${String(decile)} of rank ${r} is not the IoD decile ceil(${r} × 10 / ${areas}) = ${expected}`, file, line, header);
      }
    },
    end(file, headers) {
      for (const [field, header] of headers) {
        const c = columns.get(key(file, field));
        if (!c) continue;
        const ties: string[] = [];
        let next = 1; // the rank the next group of areas must hold
        for (let r = 1; r <= areas; r++) {
          if (c.count[r] === 0) {
            if (r === next) throw new SourceError(`rank ${r} is missing (no tie explains the gap); ${rule}`, file, undefined, header);
            continue;
          }
          if (r < next)
            throw new SourceError(`rank ${r} follows ${next - r} area(s) tied at a lower rank, whose gap it should leave; ${rule}`, file, c.line[r], header);
          if (c.count[r] > 1) ties.push(`${r} × ${c.count[r]}`);
          next = r + c.count[r];
        }
        if (next !== areas + 1) throw new SourceError(`${next - 1} areas ranked; ${rule}`, file, undefined, header);
        if (ties.length) warn('tied_ranks', `${field} (${file}): ${ties.length} rank(s) shared by areas of equal score, published as the lower rank with a gap: ${ties.slice(0, 10).join(', ')}`);
      }
    },
  };
}
