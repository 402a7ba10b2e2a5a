// What one lookup costs, by stage: GET /v1/postcodes/postcodes/{pc} and GET /v1/deprivation/postcodes/{pc}
// under wrk load (one thread, BENCH_CONNECTIONS, random live postcodes of the four nations), the
// server's main thread sampled by V8's CPU profiler (node:inspector in the server, started and
// stopped around each measured run only) and every sample charged to a stage (lib/stages.ts).
// Figures are microseconds of the main thread per request; "process CPU" is the whole process
// (all threads: GC helpers, libuv) per request, from process.cpuUsage().
//   npm run bench -- profile
//   BENCH_BASE=/tmp/perf-base npm run bench -- profile     # side by side with another checkout (before/after)
//   BENCH_BASE=/tmp/perf-old,/tmp/perf-base BENCH_BASE_OWN_DATABASE=1 npm run bench -- profile   # several, each named by its commit
// BENCH_BASE_OWN_DATABASE=1 imports each base checkout's own database with its own code (an older
// commit whose migrations differ). Also profiled: this checkout with ANSWER_CACHE_MB=0 ("answers not kept": what a new postcode costs).
// BENCH_SECONDS (10) per run, BENCH_ROUNDS (2) runs per route and side, interleaved; LOG_LEVEL of
// the servers (info, npm start's default: request logging included); BENCH_PROFILE_DIR keeps the
// .cpuprofile files (open them in Chrome's DevTools).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { baseEnv, hardware, ROOT, startServer, withBench, type Server } from './lib/harness.ts';
import { importAll, livePostcodes, LOOKUP_DATASETS } from './lib/lookups.ts';
import { STAGE_ORDER, stageTimes, type CpuProfile } from './lib/stages.ts';
import { pathsFile, wrk } from './lib/wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const BASES = (process.env.BENCH_BASE ?? '').split(',').filter(Boolean).map((p) => resolve(p));
const HELLO = 'hello-world';
/** The commit a checkout is at, and whether it has changes beyond it. */
const commitOf = (root: string) => {
  const run = (args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
  return `${run(['rev-parse', '--short', 'HEAD'])}${run(['status', '--porcelain', '--untracked-files=no']) ? '+changes' : ''}`;
};

interface Totals {
  requests: number;
  errors: number;
  seconds: number;
  cpuMicros: number;
  busyMicros: number;
  idleMicros: number;
  byStage: Map<string, number>;
}

const { picks } = livePostcodes(resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data'));
const ROUTES = {
  'GET /v1/postcodes/postcodes/{pc}': picks.map((p) => `/v1/postcodes/postcodes/${encodeURIComponent(p)}`),
  'GET /v1/deprivation/postcodes/{pc}': picks.map((p) => `/v1/deprivation/postcodes/${encodeURIComponent(p)}`),
};

await withBench('profile', LOOKUP_DATASETS, async (b) => {
  const platform = await b.openPlatform();
  await importAll(platform, LOOKUP_DATASETS);
  await platform.close();
  const profileDir = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : join(b.work, 'profiles');
  mkdirSync(profileDir, { recursive: true });
  // "answers not kept": this checkout with ANSWER_CACHE_MB=0, every answer composed (a stream of distinct postcodes)
  const sides: { name: string; root: string; env?: NodeJS.ProcessEnv; base?: boolean }[] = [
    ...BASES.map((root) => ({ name: BASES.length > 1 ? commitOf(root) : 'before', root, base: true })),
    { name: BASES.length ? 'after' : 'this checkout', root: ROOT },
    { name: 'answers not kept', root: ROOT, env: { ANSWER_CACHE_MB: '0' } },
  ];
  const servers = new Map<string, Server>();
  const load = [hardware()];
  try {
    servers.set(HELLO, await startServer(b, { hello: true }));
    for (const s of sides) servers.set(s.name, await startServer(b, { root: s.root, env: { LOG_LEVEL, ...('base' in s ? await baseEnv(b, s.root) : {}), ...s.env } }));
    const files = Object.fromEntries(Object.entries(ROUTES).map(([route, paths], i) => [route, pathsFile(b.work, `route${i}`, paths)]));
    const helloFile = pathsFile(b.work, 'hello', ['/']);
    // runs of a round: the hello world once, then each route on each side
    const runs = [
      { key: HELLO, name: HELLO, file: helloFile },
      ...Object.entries(files).flatMap(([route, file]) => sides.map((s) => ({ key: `${route}|${s.name}`, name: s.name, file }))),
    ];
    // warm-up: caches of each edition built, code optimised
    for (const r of runs) await wrk(servers.get(r.name)!.url, r.file, { connections: CONNECTIONS, seconds: 3 });
    const totals = new Map<string, Totals>();
    for (let round = 1; round <= ROUNDS; round++)
      for (const { key, name, file } of runs) {
        const server = servers.get(name)!;
        const cpu0 = await server.cpuMicros();
        server.profileStart(100);
        const r = await wrk(server.url, file, { connections: CONNECTIONS, seconds: SECONDS });
        const profileFile = join(profileDir, `${key.replace(/\W+/g, '_')}-${round}.cpuprofile`);
        await server.profileStop(profileFile);
        const cpu = (await server.cpuMicros()) - cpu0;
        const t = stageTimes(JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile);
        const acc = totals.get(key) ?? { requests: 0, errors: 0, seconds: 0, cpuMicros: 0, busyMicros: 0, idleMicros: 0, byStage: new Map() };
        acc.requests += r.requests;
        acc.errors += r.errors;
        acc.seconds += r.requests / r.rps;
        acc.cpuMicros += cpu;
        acc.busyMicros += t.busyMicros;
        acc.idleMicros += t.idleMicros;
        for (const [stage, us] of t.byStage) acc.byStage.set(stage, (acc.byStage.get(stage) ?? 0) + us);
        totals.set(key, acc);
        console.error(`round ${round} ${key}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, errors ${r.errors}`);
      }
    load.push(hardware());
    const names = [HELLO, ...sides.map((s) => s.name)];
    const out = [
      `server: bench/lib/server.ts (buildApp, rate limit off, LOG_LEVEL=${LOG_LEVEL}, log to /dev/null) in a child process; wrk -t1 -c${CONNECTIONS}, ${SECONDS} s × ${ROUNDS} rounds per route and side, interleaved; profiler sampling every 100 µs`,
      ...(BASES.length ? [`${sides.map((s) => `${s.name}: ${s.root} (${commitOf(s.root)})`).join('; ')}`] : []),
      `load before / after: ${load.map((l) => l.replace(/.*load average /, '')).join(' / ')}`,
      load[0].replace(/; load average.*/, ''),
    ];
    for (const route of Object.keys(ROUTES)) {
      const per = (name: string) => totals.get(name === HELLO ? HELLO : `${route}|${name}`)!;
      const us = (name: string, v: number) => (v / per(name).requests).toFixed(1);
      out.push('', `### ${route}`, '', `| stage (µs of the main thread per request) | ${names.join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`);
      for (const stage of STAGE_ORDER) {
        if (names.every((n) => (per(n).byStage.get(stage) ?? 0) === 0)) continue;
        out.push(`| ${stage} | ${names.map((n) => us(n, per(n).byStage.get(stage) ?? 0)).join(' | ')} |`);
      }
      out.push(`| **main thread, total** | ${names.map((n) => `**${us(n, per(n).busyMicros)}**`).join(' | ')} |`);
      out.push(`| process CPU, all threads | ${names.map((n) => us(n, per(n).cpuMicros)).join(' | ')} |`);
      out.push(
        `| main thread idle | ${names.map((n) => `${((100 * per(n).idleMicros) / (per(n).idleMicros + per(n).busyMicros)).toFixed(0)} %`).join(' | ')} |`,
      );
      out.push(`| req/s while profiled (errors) | ${names.map((n) => `${(per(n).requests / per(n).seconds).toFixed(0)} (${per(n).errors})`).join(' | ')} |`);
    }
    console.log(out.join('\n'));
  } finally {
    for (const s of servers.values()) await s.stop();
  }
});
