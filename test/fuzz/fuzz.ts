// The property-based fuzzer: walks /openapi.json, sends generated requests (test/fuzz/cases.ts) to
// every operation, and checks each answer: a status the operation documents, never a 5xx,
// errors in a documented media type and shape (problem+json by default), a 200's JSON valid
// against its documented schema, and answered within
// a time bound. Seeded: the same seed sends the same requests.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { requestCases, type Operation, type Parameter, type RequestCase, type Schema } from './cases.ts';

export interface FuzzOptions {
  /** Cases in all, spread over the operations (at least one each). */
  runs: number;
  seed: number;
  adminToken: string;
  /** An answer slower than this fails its case. */
  timeBoundMs?: number;
  /** Only the operations whose "METHOD /path" matches. */
  only?: RegExp;
}

export interface Failure {
  operation: string;
  request: RequestCase;
  problems: string[];
  seed: number;
}

export interface FuzzReport {
  operations: number;
  /** Cases generated when no operation fails (a failing operation stops at its first failure, then shrinks it). */
  planned: number;
  cases: number;
  statuses: Record<number, number>;
  failures: Failure[];
  slowest: { ms: number; request?: RequestCase };
}

type Doc = {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { content?: Record<string, unknown> }>; security?: unknown[] }>>;
};

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function operationsOf(doc: Doc): (Operation & { responses: Record<string, { content?: Record<string, unknown> }> })[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const types = Object.keys(content);
      return {
        method,
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody ? { required: Boolean(op.requestBody.required), schema: content['application/json']?.schema ?? Object.values(content)[0]?.schema, types: types.length ? types : ['application/json'] } : undefined,
        secured: Boolean(op.security?.length),
        responses: op.responses ?? {},
      };
    }),
  );
}

/** The documented answer of a status: its own, else its range's (4XX), else the default. */
const documentedAs = <T>(responses: Record<string, T>, status: number): [string, T] | undefined =>
  [String(status), `${String(status)[0]}XX`, 'default'].filter((k) => k in responses).map((k): [string, T] => [k, responses[k]])[0];

/** Short strings and numbers the service itself answers with (codes, names, labels): realistic parameter values. */
async function harvest(app: FastifyInstance, ops: Operation[]): Promise<string[]> {
  const seen = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (seen.size >= 400 || depth > 6) return;
    if (typeof v === 'string' && v.length > 0 && v.length <= 60 && !v.includes('/')) seen.add(v);
    else if (typeof v === 'number' && Number.isFinite(v)) seen.add(String(v));
    else if (Array.isArray(v)) v.slice(0, 8).forEach((x) => walk(x, depth + 1));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
  };
  for (const op of ops) {
    if (op.method !== 'get' || op.path.includes('{') || op.path.endsWith('.csv') || op.parameters.some((p) => p.required)) continue;
    const res = await app.inject({ method: 'GET', url: op.path });
    if (res.statusCode === 200 && /json/.test(String(res.headers['content-type']))) walk(res.json(), 0);
  }
  return [...seen];
}

/** The body as text, decoded from its content coding. */
function bodyOf(res: { rawPayload: Buffer; headers: Record<string, unknown> }): string {
  const coding = res.headers['content-encoding'];
  const raw = coding === 'br' ? brotliDecompressSync(res.rawPayload) : coding === 'gzip' ? gunzipSync(res.rawPayload) : res.rawPayload;
  return raw.toString('utf8');
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

async function answer(app: FastifyInstance, c: RequestCase, boundMs: number) {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const res = await Promise.race([
    app.inject({ method: c.method as 'GET', url: c.url, headers: c.headers, ...(c.payload !== undefined ? { payload: c.payload } : {}) }),
    new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), boundMs * 8))),
  ]);
  clearTimeout(timer);
  return { res, ms: Date.now() - started };
}

export async function fuzz(app: FastifyInstance, options: FuzzOptions): Promise<FuzzReport> {
  const bound = options.timeBoundMs ?? 10_000;
  const doc = (await app.inject('/openapi.json')).json() as Doc;
  const ops = operationsOf(doc).filter((op) => !options.only || options.only.test(`${op.method.toUpperCase()} ${op.path}`));
  const seen = await harvest(app, ops);
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema(doc as object, 'openapi');
  const perOp = Math.max(1, Math.ceil(options.runs / Math.max(ops.length, 1)));
  const errorSchemas = new Map<string, ValidateFunction>();
  const report: FuzzReport = { operations: ops.length, planned: perOp * ops.length, cases: 0, statuses: {}, failures: [], slowest: { ms: 0 } };

  for (const [i, op] of ops.entries()) {
    const name = `${op.method.toUpperCase()} ${op.path}`;
    let validate: ValidateFunction | undefined;
    if (op.responses['200']?.content?.['application/json']) validate = ajv.compile({ $ref: `openapi#/${pointer('paths', op.path, op.method, 'responses', '200', 'content', 'application/json', 'schema')}` });
    let lastProblems: string[] = [];
    const checkOnce = async (c: RequestCase): Promise<string[]> => {
      const { res, ms } = await answer(app, c, bound);
      report.cases++;
      if (ms > report.slowest.ms) report.slowest = { ms, request: c };
      if (!res) return [`no answer within ${bound * 8} ms`];
      const problems: string[] = [];
      const status = res.statusCode;
      report.statuses[status] = (report.statuses[status] ?? 0) + 1;
      const type = String(res.headers['content-type'] ?? '');
      let text: string;
      try {
        text = bodyOf(res);
      } catch {
        return [`${status} with a body that does not decode as its content-encoding (${String(res.headers['content-encoding'])})`];
      }
      // A CSV download streams a whole table: its bound is that of a download, not of an answer.
      const limit = type.startsWith('text/csv') ? bound * 6 : bound;
      if (ms > limit) problems.push(`answered in ${ms} ms (bound ${limit} ms)`);
      if (status >= 500) problems.push(`${status}: ${text.slice(0, 200)}`);
      const doc = documentedAs(op.responses, status);
      if (!doc) problems.push(`status ${status} is not documented for ${name}`);
      if (status >= 400 && doc) {
        // An error comes in a media type its operation documents for the status (problem+json when
        // it documents none), its body valid against that type's schema: the platform's problems,
        // or an emulated API's own error shape (plugins/postcodes-io).
        const media = type.split(';')[0].trim();
        const types = Object.keys(doc[1].content ?? {});
        const p = parse(text);
        if (!(types.length ? types : ['application/problem+json']).includes(media))
          problems.push(`a ${status} in ${media || 'no content-type'}, not a documented type (${types.join(', ') || 'application/problem+json'}): ${text.slice(0, 120)}`);
        else if (!p.ok) problems.push(`a ${status} whose body is not JSON: ${text.slice(0, 120)}`);
        else if (media === 'application/problem+json' && ((p.value as { status?: unknown }).status !== status || typeof (p.value as { title?: unknown }).title !== 'string'))
          problems.push(`problem body does not match its status: ${text.slice(0, 120)}`);
        else if (types.length) {
          const check = errorSchemas.get(`${name} ${doc[0]} ${media}`) ?? ajv.compile({ $ref: `openapi#/${pointer('paths', op.path, op.method, 'responses', doc[0], 'content', media, 'schema')}` });
          errorSchemas.set(`${name} ${doc[0]} ${media}`, check);
          if (!check(p.value)) problems.push(`${status} body does not match its documented ${media} schema: ${ajv.errorsText(check.errors).slice(0, 300)}`);
        }
      }
      if (status === 200 && validate && type.startsWith('application/json')) {
        const p = parse(text);
        if (!p.ok) problems.push('a 200 whose JSON does not parse');
        else if (!validate(p.value)) problems.push(`200 body does not match its schema: ${ajv.errorsText(validate.errors).slice(0, 300)}`);
      }
      return problems;
    };
    // A slow answer is tried once more before it counts (a hang is slow twice; a shared machine's stall is not).
    const check = async (c: RequestCase): Promise<string[]> => {
      let problems = await checkOnce(c);
      if (problems.length > 0 && problems.every((p) => p.startsWith('answered in '))) problems = await checkOnce(c);
      if (problems.length > 0) lastProblems = problems;
      return problems;
    };
    const seed = options.seed + i;
    const result = await fc.check(
      fc.asyncProperty(requestCases(op, seen, options.adminToken), async (c) => (await check(c)).length === 0),
      { seed, numRuns: perOp, maxSkipsPerRun: 0, markInterruptAsFailure: true },
    );
    if (result.failed && result.counterexample) {
      const [request] = result.counterexample;
      const problems = await check(request);
      report.failures.push({ operation: name, request, problems: problems.length ? problems : [...lastProblems, '(passed when replayed)'], seed });
    } else if (result.failed) report.failures.push({ operation: name, request: { method: op.method, url: op.path, headers: {} }, problems: [String(result.errorInstance ?? 'failed')], seed });
  }
  return report;
}

/** The report as lines a person reads (the seed first: it replays the run). */
export function describeReport(report: FuzzReport, seed: number): string {
  const statuses = Object.entries(report.statuses).map(([s, n]) => `${s}×${n}`).join(' ');
  const lines = [
    `fuzz seed ${seed}: ${report.cases} cases over ${report.operations} operations; statuses ${statuses}; slowest ${report.slowest.ms} ms${report.slowest.request ? ` (${report.slowest.request.method} ${report.slowest.request.url.slice(0, 120)})` : ''}`,
  ];
  for (const f of report.failures) {
    lines.push(`FAIL ${f.operation} (seed ${f.seed}): ${f.request.method} ${f.request.url.slice(0, 300)} ${JSON.stringify(f.request.headers)}${f.request.payload !== undefined ? ` body ${JSON.stringify(f.request.payload.slice(0, 200))}` : ''}`);
    for (const p of f.problems) lines.push(`  - ${p}`);
  }
  return lines.join('\n');
}
