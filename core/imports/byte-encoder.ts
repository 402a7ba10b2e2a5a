// Rows given as byte ranges (TableWriter.writeFields), checked against the record schema and
// copied straight into the CSV bytes of the COPY stream, with no string per field. The row
// function is generated per table (as ajv compiles validators): one straight block per column.
// Like flat-check it passes a row only when ajv would pass its record; a row it does not pass goes
// the record way, where ajv decides and words the error.
import { isUtf8 } from 'node:buffer';
import { propertyCheck } from './flat-check.ts';
import { bytePatternCondition, compileBytePattern, type ByteMatcher } from './byte-pattern.ts';
import { booleanAt, columnKinds, integerAt, numberAt, valueOf, type ColumnKind } from './byte-values.ts';

/** Encodes one row from `at`: the position after it, -1 if the row does not pass, -2 if `out` is too small. */
type RowFunction = (buf: Buffer, starts: Int32Array, ends: Int32Array, out: Buffer, at: number) => number;

/** A little more than the writer sends at a time (256 KB), so that each chunk is one allocation. */
const INITIAL = 320 << 10;

export class ByteRowEncoder {
  private readonly encode: RowFunction | undefined;
  private readonly kinds: ColumnKind[] | undefined;
  private out = Buffer.allocUnsafe(INITIAL);
  private at = 0;

  constructor(
    schema: Record<string, unknown>,
    private readonly columns: string[],
    editionId: number,
  ) {
    this.kinds = columnKinds(schema, columns);
    this.encode = this.kinds && compileRow(schema, columns, this.kinds, editionId);
  }

  /** Bytes encoded and not yet taken. */
  get size(): number {
    return this.at;
  }

  /** The encoded bytes so far (the encoder starts a new buffer). */
  take(): Buffer {
    const data = this.out.subarray(0, this.at);
    this.out = Buffer.allocUnsafe(INITIAL);
    this.at = 0;
    return data;
  }

  /** Checks and encodes one row; false (nothing encoded) when the row must go the record way. */
  add(buf: Buffer, starts: Int32Array, ends: Int32Array): boolean {
    if (!this.encode) return false;
    let next = this.encode(buf, starts, ends, this.out, this.at);
    while (next === -2) {
      const bigger = Buffer.allocUnsafe(this.out.length * 2);
      this.out.copy(bigger, 0, 0, this.at);
      this.out = bigger;
      next = this.encode(buf, starts, ends, this.out, this.at);
    }
    if (next < 0) return false;
    this.at = next;
    return true;
  }

  /** The row as a record, for the record way. */
  record(buf: Buffer, starts: Int32Array, ends: Int32Array): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (let k = 0; k < this.columns.length; k++) record[this.columns[k]] = valueOf(this.kinds?.[k] ?? 'string', buf, starts[k], ends[k]);
    return record;
  }
}

type Prop = Record<string, unknown>;

function compileRow(schema: Record<string, unknown>, columns: string[], kinds: ColumnKind[], editionId: number): RowFunction | undefined {
  const props = (schema.properties ?? {}) as Record<string, Prop>;
  const checks: ((v: unknown) => boolean)[] = [];
  const matchers: (ByteMatcher | undefined)[] = [];
  const blocks: string[] = [];
  for (let k = 0; k < columns.length; k++) {
    const p = props[columns[k]];
    const check = propertyCheck(p);
    if (!check) return undefined;
    checks.push(check);
    const onlyPattern = kinds[k] === 'string' && typeof p.pattern === 'string' && !['enum', 'minLength', 'maxLength'].some((x) => p[x] !== undefined);
    const fixed = onlyPattern ? bytePatternCondition(p.pattern as string) : undefined;
    matchers.push(onlyPattern && !fixed ? compileBytePattern(p.pattern as string) : undefined);
    const test = fixed?.condition ?? (matchers[k] ? `matchers[${k}](buf, s, e)` : undefined);
    const freeText = kinds[k] === 'string' && !p.pattern && !p.enum && p.minLength === undefined && p.maxLength === undefined;
    blocks.push(columnBlock(k, kinds[k], check(null), test, freeText, fixed?.plain ? fixed.length : undefined));
  }
  const prefix = [...Buffer.from(String(editionId))].map((b) => `out[at++] = ${b};`).join(' ');
  const body = `let s = 0, e = 0, i = 0, from = 0, flags = 0;
if (at + ${(String(editionId).length + 2) * 2} > out.length) return -2;
${prefix}
${blocks.join('\n')}
out[at++] = 10;
return at;`;
  const make = new Function('checks', 'matchers', 'integerAt', 'numberAt', 'booleanAt', 'isUtf8', 'quote', `return (buf, starts, ends, out, at) => {\n${body}\n};`);
  return make(checks, matchers, integerAt, numberAt, booleanAt, isUtf8, quote) as RowFunction;
}

/**
 * One column: null (an empty range) if the schema allows it; otherwise the value checked (byte
 * matcher, number read from bytes, or the property check on a string) and copied, strings quoted
 * when they hold CSV's special characters.
 */
function columnBlock(k: number, kind: ColumnKind, nullable: boolean, matcher: string | undefined, freeText: boolean, plainLength?: number): string {
  const check =
    kind === 'integer' ? `if (!checks[${k}](integerAt(buf, s, e))) return -1;`
    : kind === 'number' ? `if (!checks[${k}](numberAt(buf, s, e))) return -1;`
    : kind === 'boolean' ? `if (!checks[${k}](booleanAt(buf, s, e))) return -1;`
    : matcher ? `if (!(${matcher})) return -1;`
    : freeText ? ''
    : `if (!checks[${k}](buf.toString('utf8', s, e))) return -1;`;
  // A value of a fixed-length pattern of plain bytes: copied without looking at it again.
  const copy =
    plainLength !== undefined
      ? `${Array.from({ length: plainLength }, (_, i) => `out[at + ${i}] = buf[s + ${i}];`).join(' ')} at += ${plainLength};`
      : kind === 'string'
      ? `from = at; flags = 0;
  for (i = s; i < e; i++) { const c = buf[i]; out[at++] = c; if (c < 48) flags |= c === 34 || c === 44 || c === 10 || c === 13 ? 1 : 0; else if (c >= 128) flags |= 2; }
  if (flags & 2 && !isUtf8(buf.subarray(s, e))) return -1;
  if (flags & 1) at = quote(buf, s, e, out, from);`
      : `for (i = s; i < e; i++) out[at++] = buf[i];`;
  return `// column ${k}
s = starts[${k}]; e = ends[${k}];
if (at + 2 * (e - s) + 4 > out.length) return -2;
out[at++] = 44;
if (s < 0 || s >= e) { ${nullable ? '' : 'return -1;'} } else {
  ${check}
  ${copy}
}`;
}

/** Writes the value quoted (inner quotes doubled) from `at`; returns the position after it. */
function quote(buf: Buffer, start: number, end: number, out: Buffer, at: number): number {
  out[at++] = 34;
  for (let i = start; i < end; i++) {
    out[at++] = buf[i];
    if (buf[i] === 34) out[at++] = 34;
  }
  out[at++] = 34;
  return at;
}
