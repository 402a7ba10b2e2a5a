// JSON Schema patterns matched on bytes, without making a string: the anchored patterns record
// schemas use for codes (^[A-Z][0-9]{8}$, ^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$) are sequences
// of ASCII characters or classes, each with a quantifier. Any other pattern gets no byte matcher
// (undefined) and is matched by RegExp on the string, as before.

export type ByteMatcher = (buf: Uint8Array, start: number, end: number) => boolean;

/**
 * A fixed-length pattern as a JavaScript condition on `buf`, `s` and `e` (for generated row
 * functions: no call, no lookup table), with its length and whether every byte it admits is plain
 * (no CSV quote, comma or line break); undefined when the pattern is not of fixed length.
 */
export function bytePatternCondition(pattern: string): { condition: string; length: number; plain: boolean } | undefined {
  const tokens = parse(pattern);
  if (!tokens || !tokens.every((t) => t.min === t.max)) return undefined;
  const plain = tokens.every((t) => !t.set[34] && !t.set[44] && !t.set[10] && !t.set[13]);
  const terms: string[] = [];
  let offset = 0;
  for (const t of tokens)
    for (let r = 0; r < t.min; r++, offset++) {
      const at = `buf[s + ${offset}]`;
      const ranges: string[] = [];
      for (let b = 0; b < 256; b++) {
        if (!t.set[b]) continue;
        let to = b;
        while (to + 1 < 256 && t.set[to + 1]) to++;
        ranges.push(b === to ? `${at} === ${b}` : `(${at} >= ${b} && ${at} <= ${to})`);
        b = to;
      }
      terms.push(ranges.length === 1 ? ranges[0] : `(${ranges.join(' || ')})`);
    }
  return { condition: [`e - s === ${offset}`, ...terms].join(' && '), length: offset, plain };
}

interface Token {
  /** 256 entries: 1 where the byte matches (ASCII only; bytes ≥ 0x80 never match). */
  set: Uint8Array;
  min: number;
  max: number;
}

const META = new Set([...'\\^$.|?*+()[]{}']);
const ESCAPES: Record<string, string> = { d: '0-9', w: 'A-Za-z0-9_' };

/** Any supported pattern as a matcher function (fixed-length ones are better inlined: bytePatternCondition). */
export function compileBytePattern(pattern: string): ByteMatcher | undefined {
  const tokens = parse(pattern);
  if (!tokens) return undefined;
  const match = (buf: Uint8Array, at: number, end: number, k: number): boolean => {
    if (k === tokens.length) return at === end;
    const { set, min, max } = tokens[k];
    let n = 0;
    while (n < max && at + n < end && set[buf[at + n]] === 1) n++;
    if (n < min) return false;
    for (; n >= min; n--) if (match(buf, at + n, end, k + 1)) return true; // greedy, then backtrack
    return false;
  };
  return (buf, start, end) => match(buf, start, end, 0);
}

/** Tokens of an anchored pattern of the supported form, or undefined (exported for tests). */
export function parse(pattern: string): Token[] | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const src = pattern.slice(1, -1);
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const set = new Uint8Array(256);
    const c = src[i];
    if (c === '[') {
      const close = src.indexOf(']', i + 1);
      if (close === -1) return undefined;
      if (!fillClass(src.slice(i + 1, close), set)) return undefined;
      i = close + 1;
    } else if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) return undefined;
      if (ESCAPES[e]) fillClass(ESCAPES[e], set);
      else if (META.has(e) || e === '-' || e === '/') set[e.charCodeAt(0)] = 1;
      else return undefined;
      i += 2;
    } else if (META.has(c) || c.charCodeAt(0) >= 0x80) return undefined;
    else {
      set[c.charCodeAt(0)] = 1;
      i++;
    }
    const q = quantifier(src, i);
    if (!q) return undefined;
    tokens.push({ set, min: q.min, max: q.max });
    i = q.next;
  }
  return tokens;
}

function quantifier(src: string, i: number): { min: number; max: number; next: number } | undefined {
  const c = src[i];
  if (c === '?') return { min: 0, max: 1, next: i + 1 };
  if (c === '*') return { min: 0, max: Infinity, next: i + 1 };
  if (c === '+') return { min: 1, max: Infinity, next: i + 1 };
  if (c !== '{') return { min: 1, max: 1, next: i };
  const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  if (max < min || src[i + m[0].length] === '?') return undefined; // lazy quantifiers: not supported
  return { min, max, next: i + m[0].length };
}

/** Fills a class body (ASCII characters and ranges; no negation) into `set`; false if unsupported. */
function fillClass(body: string, set: Uint8Array): boolean {
  if (body === '' || body.startsWith('^')) return false;
  let i = 0;
  while (i < body.length) {
    let c = body[i];
    if (c === '\\') {
      const e = body[i + 1];
      if (e && ESCAPES[e]) {
        fillClass(ESCAPES[e], set);
        i += 2;
        continue;
      }
      if (!e || /[A-Za-z0-9]/.test(e)) return false;
      c = e;
      i++;
    } else if (c === '[') return false;
    const from = c.charCodeAt(0);
    if (from >= 0x80) return false;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body[i + 2].charCodeAt(0);
      if (body[i + 2] === '\\' || to >= 0x80 || to < from) return false;
      for (let b = from; b <= to; b++) set[b] = 1;
      i += 3;
    } else {
      set[from] = 1;
      i++;
    }
  }
  return true;
}
