// The byte path of imports (scanCsv → TableWriter.writeFields) must read and judge exactly as the
// record path does: rows compared with csv-parse on generated CSV cut into chunks at every
// position, and the byte check compared with ajv on generated values. All data here is synthetic.
import t from 'tap';
import { parse } from 'csv-parse/sync';
import { scanCsv, CsvRowError, type CsvRow } from '../core/imports/csv-bytes.ts';
import { valueOf } from '../core/imports/byte-values.ts';
import { bytePatternCondition, compileBytePattern, parse as patternTokens } from '../core/imports/byte-pattern.ts';
import { ByteRowEncoder } from '../core/imports/byte-encoder.ts';
import { ajv } from '../core/schema.ts';

async function rowsOf(chunks: (string | Buffer)[]): Promise<{ fields: string[]; line: number }[]> {
  const out: { fields: string[]; line: number }[] = [];
  await scanCsv(
    (async function* () {
      for (const c of chunks) yield Buffer.isBuffer(c) ? c : Buffer.from(c);
    })(),
    (row: CsvRow) => {
      out.push({ fields: Array.from({ length: row.count }, (_, k) => row.buf.toString('utf8', row.starts[k], row.ends[k])), line: row.line });
    },
  );
  return out;
}

/** Every way of cutting `text` into two chunks, and into chunks of 1 to 7 bytes. */
function cuts(text: string): Buffer[][] {
  const bytes = Buffer.from(text);
  const ways: Buffer[][] = [];
  for (let i = 0; i <= bytes.length; i++) ways.push([bytes.subarray(0, i), bytes.subarray(i)]);
  for (let size = 1; size <= 7; size++) {
    const parts: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
    ways.push(parts);
  }
  return ways;
}

const SYNTHETIC = [
  '\uFEFFcode,name,count,note\r\n',
  'X01,"Plain quoted",1,\r\n',
  'X02,"With ""doubled"" quotes",2,"a, comma"\r\n',
  'X03,"Line\nbreak inside",3,é ü ✓\r\n',
  '\r\n',
  ',,,\r\n',
  'X04,Unquoted,4,"""only quotes"""\r\n',
  'X05,last line without a break,5,',
].join('');

t.test('scanCsv reads what csv-parse reads, wherever the chunks are cut', async (t) => {
  const expected = (parse(SYNTHETIC, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]).filter((r) => r.some((f) => f.trim() !== ''));
  let first: { fields: string[]; line: number }[] | undefined;
  for (const chunks of cuts(SYNTHETIC)) {
    const got = await rowsOf(chunks);
    first ??= got;
    if (JSON.stringify(got.map((r) => r.fields)) !== JSON.stringify(expected)) {
      t.same(got.map((r) => r.fields), expected, `cut into ${chunks.map((c) => c.length).join('+')} bytes`);
      return;
    }
  }
  t.pass(`${cuts(SYNTHETIC).length} ways of cutting give the same ${expected.length} rows`);
  t.same(first!.map((r) => r.line), [1, 2, 3, 4, 8, 9], 'line numbers count line breaks inside quotes and skipped blank lines');
});

t.test('scanCsv refuses broken quoting with the line', async (t) => {
  for (const [text, reason] of [
    ['a,b\n1,"open\n2,3\n', /unterminated quoted field/],
    ['a,b\n1,"closed"x\n', /text after a closing quote/],
  ] as const) {
    const err = await rowsOf([text]).catch((e) => e);
    t.type(err, CsvRowError);
    t.match(err.message, reason);
    t.equal(err.line, 2);
  }
});

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: {
    code: { type: 'string', pattern: '^[A-Z][0-9]{2}$' },
    name: { type: ['string', 'null'], maxLength: 6 },
    count: { type: ['integer', 'null'], minimum: 0, maximum: 1000 },
    share: { type: ['number', 'null'], minimum: -1, maximum: 1 },
    flag: { type: ['boolean', 'null'] },
  },
};
const columns = Object.keys(schema.properties);
const kinds = ['string', 'string', 'integer', 'number', 'boolean'] as const;
const CANDIDATES = [
  ['X01', 'x01', 'X1', 'X011', '', 'Ä01'],
  ['Ann', 'Zoë', 'seven!!', '', 'a,b', 'say "hi"', '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9'],
  ['0', '7', '1000', '1001', '-1', '1.5', '1e2', '', '007', 'x', '12345678901234567'],
  ['0', '-1', '1', '1.5', '-1.0001', '.5', '5.', '1e-3', 'NaN', 'Infinity', '', ' 1', '0x1'],
  ['true', 'false', '', 'yes', '1'],
];

t.test('the byte check passes a row only when ajv passes its record; the encoder writes what the record way writes', async (t) => {
  const validate = ajv.compile(schema);
  const encoder = new ByteRowEncoder(schema, columns, 7);
  let rows = 0;
  let passed = 0;
  const pick = (i: number) => CANDIDATES.map((c, k) => c[(i * (k * 7 + 3) + k) % c.length]);
  for (let i = 0; i < 2000; i++) {
    const values = pick(i);
    const bufs = values.map((v) => Buffer.from(v));
    const buf = Buffer.concat(bufs);
    const starts = new Int32Array(columns.length);
    const ends = new Int32Array(columns.length);
    let at = 0;
    bufs.forEach((b, k) => {
      starts[k] = at;
      ends[k] = at += b.length;
    });
    const record = Object.fromEntries(columns.map((c, k) => [c, valueOf(kinds[k], buf, starts[k], ends[k])]));
    const byBytes = encoder.add(buf, starts, ends);
    const byAjv = validate(record);
    rows++;
    if (byBytes && !byAjv) {
      t.fail(`byte check passed what ajv refuses: ${JSON.stringify(values)}`);
      return;
    }
    if (byBytes) {
      passed++;
      const [parsed] = parse(encoder.take().toString('utf8')) as string[][];
      t.same(parsed.slice(1), values, `encoded ${JSON.stringify(values)}`);
    }
  }
  t.ok(passed > 50 && passed < rows, `${passed} of ${rows} generated rows valid`);
});

t.test('byte matchers accept exactly what RegExp accepts, for every pattern of every dataset schema', async (t) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const patterns = new Set<string>(['^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$', '^a+b*c?$', '^\\d{2,}[-./]x$']);
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'pattern' && typeof x === 'string' ? patterns.add(x) : collect(x);
  };
  for (const d of readdirSync('datasets', { withFileTypes: true }).filter((e) => e.isDirectory()))
    for (const f of readdirSync(`datasets/${d.name}/schemas`).filter((f) => f.endsWith('.json'))) collect(JSON.parse(readFileSync(`datasets/${d.name}/schemas/${f}`, 'utf8')));
  const alphabet = ['A', 'Z', 'E', 'S', 'W', 'a', 'b', 'c', 'x', '0', '1', '9', ' ', '-', '.', '/', '_', 'é', '"', ','];
  let compiled = 0;
  for (const pattern of patterns) {
    const matcher = compileBytePattern(pattern);
    if (!matcher) continue;
    compiled++;
    const re = new RegExp(pattern, 'u');
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples = ['', 'E01004736', 'S99999999', 'AB10 1AA', 'SW1A 1AA', 'aab', '12-x', '1.x'];
    for (let i = 0; i < 3000; i++) samples.push(Array.from({ length: 1 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    // Strings made from the pattern's own tokens, half of them with one character changed.
    const tokens = patternTokens(pattern)!;
    for (let i = 0; i < 3000; i++) {
      const chars: string[] = [];
      for (const tk of tokens) {
        const members = [...tk.set.keys()].filter((b) => tk.set[b]).map((b) => String.fromCharCode(b));
        const count = tk.min + Math.floor(random() * (Math.min(tk.max, tk.min + 3) - tk.min + 1));
        for (let r = 0; r < count; r++) chars.push(members[Math.floor(random() * members.length)]);
      }
      if (random() < 0.5) chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
      samples.push(chars.join(''));
    }
    const accepted = samples.filter((v) => re.test(v)).length;
    t.ok(accepted > 1000, `${pattern}: ${accepted} samples match`);
    const condition = bytePatternCondition(pattern)?.condition;
    const inline = condition ? (new Function('buf', 's', 'e', `return ${condition};`) as (b: Buffer, s: number, e: number) => boolean) : undefined;
    const wrong = samples.filter((v) => {
      const b = Buffer.from(v);
      return matcher(b, 0, b.length) !== re.test(v) || (inline && inline(b, 0, b.length) !== re.test(v));
    });
    t.same(wrong, [], `${pattern}: byte matcher${inline ? ' and inline condition agree' : ' agrees'} with RegExp`);
  }
  t.ok(compiled >= 3, `${compiled} of ${patterns.size} patterns matched on bytes`);
});
