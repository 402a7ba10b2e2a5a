// Values of byte ranges (TableWriter.writeFields): what kind each column is, and the value a range
// stands for, read without a string where that is exact.

export type ColumnKind = 'string' | 'integer' | 'number' | 'boolean';

/** How a column's bytes become a value: its kind (from the schema type other than null). */
export function columnKinds(schema: Record<string, unknown>, columns: string[]): ColumnKind[] | undefined {
  const props = (schema.properties ?? {}) as Record<string, { type?: string | string[] }>;
  const kinds: ColumnKind[] = [];
  for (const c of columns) {
    const types = (Array.isArray(props[c]?.type) ? props[c].type : [props[c]?.type]) as string[];
    const scalar = types.filter((t) => t !== 'null');
    if (scalar.length !== 1 || !['string', 'integer', 'number', 'boolean'].includes(scalar[0])) return undefined;
    kinds.push(scalar[0] as ColumnKind);
  }
  return kinds;
}

/** The value a range stands for (null for an empty range), as the writer's slow path and errors need it. */
export function valueOf(kind: ColumnKind, buf: Buffer, start: number, end: number): unknown {
  if (start < 0 || start === end) return null;
  if (kind === 'string') return buf.toString('utf8', start, end);
  return kind === 'boolean' ? booleanAt(buf, start, end) : numberAt(buf, start, end);
}

const NUMBER = /^-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

/** The integer the bytes spell (at most 15 digits, which a double holds exactly), or NaN. */
export function integerAt(buf: Buffer, start: number, end: number): number {
  const negative = buf[start] === 45;
  let i = negative ? start + 1 : start;
  if (i === end || end - i > 15) return NaN;
  let value = 0;
  for (; i < end; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

/**
 * The number the bytes spell. Plain decimals of up to 15 digits are computed here: mantissa and
 * power of ten are exact doubles, so their quotient is the correctly rounded value, as Number() gives.
 */
export function numberAt(buf: Buffer, start: number, end: number): unknown {
  const negative = buf[start] === 45;
  let i = negative ? start + 1 : start;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = buf[i];
    if (c === 46 && fraction < 0) fraction = 0;
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const value = fraction > 0 ? mantissa / POWERS[fraction] : mantissa;
    return negative ? -value : value;
  }
  const text = buf.toString('utf8', start, end);
  return NUMBER.test(text) ? Number(text) : text;
}

const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

export function booleanAt(buf: Buffer, start: number, end: number): unknown {
  const text = buf.toString('utf8', start, end);
  return text === 'true' ? true : text === 'false' ? false : text;
}
