// Liveness and readiness, for load balancers and orchestrators. Neither is rate-limited.
//   GET /health        liveness: the process answers (200 while it runs), and says what it knows
//                      of the database, the edition listener and the migrations.
//   GET /health/ready  readiness: 200 only when the database answers and is migrated, else a 503
//                      problem with Retry-After (send no traffic here until it answers 200).
import type { FastifyInstance } from 'fastify';
import type { Platform } from './platform.ts';
import { Problem } from './sdk/problem.ts';
import type { KeptAnswersStats } from './rest/kept-answers.ts';

const PROBE_TIMEOUT_MS = 2000;
const PROBE_EVERY_MS = 1000;

export interface DatabaseProbe {
  up: boolean;
  latency_ms: number;
  checked_at: string;
}

/** `SELECT 1` on the serving pool, at most once a second however often it is asked. */
export function databaseProbe(platform: Pick<Platform, 'knex'>): () => Promise<DatabaseProbe> {
  let last: { at: number; result: Promise<DatabaseProbe> } | undefined;
  const probe = async (): Promise<DatabaseProbe> => {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error('timeout')), PROBE_TIMEOUT_MS)));
    const up = await Promise.race([platform.knex.raw('SELECT 1'), timeout]).then(
      () => true,
      () => false,
    );
    clearTimeout(timer);
    return { up, latency_ms: Date.now() - started, checked_at: new Date().toISOString() };
  };
  return () => {
    if (!last || Date.now() - last.at > PROBE_EVERY_MS) last = { at: Date.now(), result: probe() };
    return last.result;
  };
}

const statusSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'ready'] },
    database: {
      type: 'object',
      properties: { up: { type: 'boolean' }, latency_ms: { type: 'integer' }, checked_at: { type: 'string' }, migrated: { type: 'boolean' } },
    },
    editions: { type: 'object', properties: { listening: { type: 'boolean' } } },
    answers: {
      type: 'object',
      description: 'Answers this process keeps in memory until the next edition switch (ANSWER_CACHE_MB)',
      properties: { entries: { type: 'integer' }, bytes: { type: 'integer' }, max_bytes: { type: 'integer' }, hits: { type: 'integer' }, misses: { type: 'integer' } },
    },
    uptime_s: { type: 'number' },
  },
} as const;

export async function healthRoutes(app: FastifyInstance, opts: { platform: Platform; keptAnswers?: () => KeptAnswersStats }) {
  const { platform } = opts;
  const database = databaseProbe(platform);
  const state = async () => ({
    database: { ...(await database()), migrated: platform.isReady() },
    editions: { listening: platform.editions.listening },
    ...(opts.keptAnswers ? { answers: opts.keptAnswers() } : {}),
    uptime_s: Math.round(process.uptime()),
  });
  const config = { rateLimit: false };
  const tags = ['health'];

  app.get('/health', { config, logLevel: 'warn', schema: { tags, summary: 'Liveness: 200 while the process runs, with the state of its database', response: { 200: statusSchema } } }, async () => ({
    status: 'ok',
    ...(await state()),
  }));

  app.get(
    '/health/ready',
    { config, logLevel: 'warn', schema: { tags, summary: 'Readiness: 200 when the database answers and is migrated, else 503', response: { 200: statusSchema, 503: { $ref: 'Problem#' } } } },
    async () => {
      const s = await state();
      if (!s.database.up || !s.database.migrated)
        throw new Problem(503, 'Not ready', s.database.up ? 'the database is being migrated' : 'the database cannot be reached', { ...s, retry_after: 5 });
      return { status: 'ready', ...s };
    },
  );
}
