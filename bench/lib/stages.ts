// Where the main thread's time goes, by stage of a request: each sample of a V8 CPU profile
// (.cpuprofile) is charged to the innermost frame on its stack that belongs to a stage; frames that
// belong to none (V8 built-ins such as JSON.stringify or a system call, Node's streams and events,
// lru-cache) pass their sample to their caller. So a `writev` called by the HTTP response counts
// as HTTP, the same system call under pg's query as the query.

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const ALS_FUNCTIONS = new Set([
  'promiseInitHook',
  'promiseInitHookWithDestroyTracking',
  'promiseBeforeHook',
  'promiseAfterHook',
  'promiseResolveHook',
  'emitInitScript',
  'emitBeforeScript',
  'emitAfterScript',
  'lookupPublicResource',
  'executionAsyncResource',
  'getOrSetAsyncId',
]);

/** Stages in the order of a request's life; the first rule (of a frame) that matches decides. */
export const STAGES: {
  stage: string;
  match: (f: CallFrame, file: string) => boolean;
}[] = [
  {
    stage: 'HTTP parsing and writing (Node core, kernel)',
    match: (_f, file) => /^node:(_http_|internal\/http)/.test(file),
  },
  {
    stage: 'routing (find-my-way)',
    match: (f, file) =>
      /^find-my-way\//.test(file) || (file === 'fastify/fastify.js' && /preRouting|route|handle/i.test(f.functionName)) || file === 'fastify/lib/route.js',
  },
  {
    stage: 'rate limit',
    match: (_f, file) => file.startsWith('@fastify/rate-limit/'),
  },
  {
    stage: 'under-pressure',
    match: (_f, file) => file.startsWith('@fastify/under-pressure/'),
  },
  {
    stage: 'helmet (security headers)',
    match: (_f, file) => /^(@fastify\/helmet|helmet)\//.test(file) || file.endsWith('core/security-headers.ts'),
  },
  { stage: 'CORS', match: (_f, file) => file.startsWith('@fastify/cors/') },
  {
    stage: 'query-cancel scope (AsyncLocalStorage)',
    match: (f, file) =>
      /(plugins\/query-cancel|core\/db\/cancel)\.ts$/.test(file) ||
      file === 'node:async_hooks' ||
      (file === 'node:internal/async_hooks' && ALS_FUNCTIONS.has(f.functionName)),
  },
  {
    stage: 'safe-input',
    match: (_f, file) => file.endsWith('plugins/safe-input.ts'),
  },
  {
    stage: 'validation (ajv)',
    match: (_f, file) => file === 'fastify/lib/validation.js' || file.startsWith('ajv/'),
  },
  {
    stage: 'normalisation (postcode)',
    match: (_f, file) => file.startsWith('postcode/') || file.endsWith('core/sdk/postcode-lists.ts'),
  },
  {
    stage: 'edition resolution',
    match: (_f, file) => /core\/(editions|dataset-context)\.ts$/.test(file),
  },
  {
    stage: 'ETag and Cache-Control',
    match: (_f, file) => file.endsWith('core/rest/cache.ts') || file.startsWith('node:internal/crypto'),
  },
  {
    stage: 'answer cache',
    match: (_f, file) => /core\/sdk\/(answers|answer-memo)\.ts$/.test(file),
  },
  {
    stage: 'query (batch, pool, pg)',
    match: (_f, file) =>
      /^(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|knex|tarn)\//.test(file) || file.endsWith('datasets/postcodes/lookup.ts') || file.includes('core/db/'),
  },
  {
    stage: 'composition (the handler and what it calls)',
    match: (_f, file) => /(datasets|core\/sdk\/indices)\/.*\.ts$/.test(file),
  },
  {
    stage: 'serialisation',
    match: (f, file) => file.startsWith('fast-json-stringify/') || (file === 'fastify/lib/reply.js' && f.functionName === 'serialize'),
  },
  {
    stage: 'compression',
    match: (_f, file) => file.startsWith('@fastify/compress/') || file === 'node:zlib',
  },
  {
    stage: 'logging (pino)',
    match: (_f, file) =>
      /^(pino|sonic-boom|pino-std-serializers)\//.test(file) ||
      /core\/(platform|redact|request-log)\.ts$/.test(file) ||
      file === 'fastify/lib/logger-factory.js',
  },
  {
    stage: 'errors plug-in',
    match: (_f, file) => file.endsWith('plugins/errors.ts'),
  },
  {
    stage: 'Fastify request lifecycle (hooks, reply)',
    match: (_f, file) => file.startsWith('fastify/'),
  },
  {
    stage: 'other platform plug-ins (web)',
    match: (_f, file) => file.includes('plugins/web/'),
  },
];
export const GC = 'garbage collection';
export const OTHER = 'other (event loop, Node core, V8)';

/** A frame's file: the package path below node_modules, the repository path, or the node: module. */
function fileOf(url: string): string {
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  return url.replace(/^file:\/\//, '');
}

/** Frames that are nobody's stage: their time is their caller's. */
const passThrough = (f: CallFrame, file: string) =>
  f.url === '' ||
  /^node:(events|buffer|fs|net|stream|internal\/(buffer|fs|streams|stream_base_commons|process\/task_queues|timers|async_hooks))/.test(file) ||
  file.startsWith('lru-cache/');

export interface StageTimes {
  /** Microseconds of samples per stage (idle excluded). */
  byStage: Map<string, number>;
  busyMicros: number;
  idleMicros: number;
  /** Per stage, microseconds by the innermost named frame ("function file"), to read what a stage is made of. */
  frames: Map<string, Map<string, number>>;
}

export function stageTimes(profile: CpuProfile): StageTimes {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOfNode = new Map<number, string | null>();
  const stageOf = (id: number): string | null => {
    if (stageOfNode.has(id)) return stageOfNode.get(id)!;
    const f = byId.get(id)!.callFrame;
    let stage: string | null;
    // idle, and the profiler's own work (stopping and serialising the profile)
    if (f.functionName === '(idle)' || f.url === 'node:inspector') stage = null;
    else if (f.functionName === '(garbage collector)') stage = GC;
    else {
      const file = fileOf(f.url);
      const rule = f.url === '' && f.functionName !== '(program)' ? undefined : STAGES.find((s) => s.match(f, file));
      if (rule) stage = rule.stage;
      else if (passThrough(f, file) && parent.has(id)) stage = stageOf(parent.get(id)!);
      else stage = OTHER;
    }
    stageOfNode.set(id, stage);
    return stage;
  };
  const byStage = new Map<string, number>();
  const frames = new Map<string, Map<string, number>>();
  const frameName = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${fileOf(f.url) || '(native)'}`;
  };
  let idle = 0;
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // a sample's delta is the time since the previous sample: charged to this sample's stack
    const dt = profile.timeDeltas[i];
    const stage = stageOf(profile.samples[i]);
    if (stage === null) idle += dt;
    else {
      busy += dt;
      byStage.set(stage, (byStage.get(stage) ?? 0) + dt);
      let f = frames.get(stage);
      if (!f) frames.set(stage, (f = new Map()));
      const name = frameName(profile.samples[i]);
      f.set(name, (f.get(name) ?? 0) + dt);
    }
  }
  return { byStage, busyMicros: busy, idleMicros: idle, frames };
}

/** Every stage's name, in the order of the table. */
export const STAGE_ORDER = [...STAGES.map((s) => s.stage), GC, OTHER];
