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

const ALS_FUNCTIONS = new Set(['promiseInitHook', 'promiseInitHookWithDestroyTracking', 'promiseBeforeHook', 'promiseAfterHook', 'promiseResolveHook', 'emitInitScript', 'emitBeforeScript', 'emitAfterScript', 'lookupPublicResource', 'executionAsyncResource', 'getOrSetAsyncId']);

type Rule = { stage: string; match: (f: CallFrame, file: string) => boolean };
const file = (re: RegExp): Rule['match'] => (_f, path) => re.test(path);

/** Stages in the order of a request's life; the first rule (of a frame) that matches decides. */
export const STAGES: Rule[] = [
  { stage: 'HTTP parsing and writing (Node core, kernel)', match: file(/^node:(_http_|internal\/http)/) },
  { stage: 'routing (find-my-way)', match: (f, path) => /^find-my-way\//.test(path) || path === 'fastify/lib/route.js' || (path === 'fastify/fastify.js' && /preRouting|route|handle/i.test(f.functionName)) },
  { stage: 'rate limit', match: file(/^@fastify\/rate-limit\//) },
  { stage: 'under-pressure', match: file(/^@fastify\/under-pressure\//) },
  { stage: 'security and CORS headers (helmet, @fastify/cors)', match: file(/^(@fastify\/helmet|helmet|@fastify\/cors)\/|plugins\/response-headers\.ts$/) },
  { stage: 'answers kept in memory (replay)', match: file(/core\/rest\/kept-answers\.ts$/) },
  {
    stage: 'query-cancel scope (AsyncLocalStorage)',
    match: (f, path) => /(plugins\/query-cancel|core\/db\/cancel)\.ts$/.test(path) || path === 'node:async_hooks' || (path === 'node:internal/async_hooks' && ALS_FUNCTIONS.has(f.functionName)),
  },
  { stage: 'safe-input', match: file(/plugins\/safe-input\.ts$/) },
  { stage: 'validation (ajv)', match: (_f, path) => path === 'fastify/lib/validation.js' || path.startsWith('ajv/') },
  { stage: 'normalisation (postcode)', match: file(/^postcode\/|core\/sdk\/postcode-lists\.ts$/) },
  { stage: 'edition resolution', match: file(/core\/(editions|dataset-context)\.ts$/) },
  { stage: 'ETag and Cache-Control', match: file(/core\/rest\/cache\.ts$|^node:(crypto|internal\/crypto)/) },
  { stage: 'query (batch, pool, pg)', match: file(/^(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|knex|tarn)\/|datasets\/postcodes\/lookup\.ts$|core\/db\//) },
  { stage: 'composition (the handler and what it calls)', match: file(/(datasets|core\/sdk\/indices)\/.*\.ts$|core\/sdk\/caches\.ts$/) },
  { stage: 'serialisation', match: (f, path) => path.startsWith('fast-json-stringify/') || (path === 'fastify/lib/reply.js' && f.functionName === 'serialize') || /core\/sdk\/(formats|answers)\.ts$/.test(path) },
  { stage: 'compression', match: file(/^@fastify\/compress\/|^node:zlib$/) },
  { stage: 'logging (pino)', match: file(/^(pino|sonic-boom|pino-std-serializers)\/|core\/(platform|redact)\.ts$|plugins\/request-log\.ts$|^fastify\/lib\/(logger-factory|log-controller)\.js$/) },
  { stage: 'errors plug-in', match: file(/plugins\/errors\.ts$/) },
  { stage: 'Fastify request lifecycle (hooks, reply)', match: file(/^fastify\//) },
  { stage: 'other platform plug-ins (web)', match: file(/plugins\/web\//) },
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
