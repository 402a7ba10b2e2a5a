// The RCPCH drop-ins beside the native routes they adapt, in one run on the same server and data
// (issue 13: within 20% of the native route). Pairs, each measured back to back with wrk (one
// thread, a process of its own), rounds interleaved:
//   census quantile   GET /deprivation/v1/index_of_multiple_deprivation_quantile?postcode=&quantile=5
//                     against GET /v1/deprivation/postcodes/{pc}
//   postcodes.io      GET /postcodes-io/postcodes/{pc} against GET /v1/postcodes/postcodes/{pc}
//   bulk of 100, 1,000  POST /postcodes-io/postcodes against POST /v1/postcodes/lookup
// on a server keeping answers in memory (as npm start does) and on one composing every answer
// (ANSWER_CACHE_MB=0: a stream of distinct postcodes).
//   npm run bench -- rcpch-compat            BENCH_SECONDS (10) per run, BENCH_ROUNDS (2)
import { resolve } from 'node:path';
import type { PostcodeRecord, PostcodeServices } from '../core/contract.ts';
import type { Platform } from '../core/platform.ts';
import { postcodeJson, postcodeJsonText } from '../plugins/postcodes-io/postcode-json.ts';
import { postcodeSchema } from '../plugins/postcodes-io/schemas.ts';
import { hardware, ROOT, startServer, withBench } from './lib/harness.ts';
import { importAll, livePostcodes, LOOKUP_DATASETS } from './lib/lookups.ts';
import { microsPerCall, schemaSerializer } from './lib/serializers.ts';
import { median, pathsFile, wrk, type WrkLoad, type WrkResult } from './lib/wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PLUGINS = ['rcpch-census', 'postcodes-io'];
const { picks } = livePostcodes(resolve(ROOT, process.env.CATALOGUE_DATA_DIR ?? '../shared/data'));
const enc = encodeURIComponent;

/** A drop-in route and the native one it adapts: the same postcodes, `per` postcodes a request. */
interface Pair {
  what: string;
  connections: number;
  per: number;
  native: WrkLoad;
  dropIn: WrkLoad;
}

/**
 * What writing postcodes.io's postcode JSON directly buys (the bulk route's path), against building
 * each object and serialising it with JSON.stringify, or with Fastify's serializer of the documented
 * schema: per postcode, over the benchmark's real records, in process.
 */
async function writerFigures(platform: Platform): Promise<string[]> {
  const postcodes = platform.services.get('postcodes') as unknown as PostcodeServices;
  const records = (await postcodes.lookup(picks)).flatMap((f) => (f.record ? [f.record] : []));
  const names = await postcodes.names();
  const schemaJson = await schemaSerializer(postcodeSchema);
  const ways: [string, (r: PostcodeRecord) => string][] = [
    ['object + JSON.stringify', (r) => JSON.stringify(postcodeJson(r, names))],
    ['object + schema serializer', (r) => schemaJson(postcodeJson(r, names))],
    ['written directly (postcodeJsonText)', (r) => postcodeJsonText(r, names)],
  ];
  const figures = ways.map(([name, fn]) => `${name} ${microsPerCall(records, fn).toFixed(2)} µs`);
  return [`postcodes.io JSON of one postcode, in process, best of 5 over ${records.length} real records: ${figures.join('; ')}`];
}

await withBench(
  'rcpch_compat',
  LOOKUP_DATASETS,
  async (b) => {
    const platform = await b.openPlatform();
    await importAll(platform, LOOKUP_DATASETS);
    const writers = await writerFigures(platform);
    await platform.close();
    const paths = (name: string, f: (pc: string) => string) => pathsFile(b.work, name, picks.map(f));
    const bodies = (name: string, n: number) =>
      pathsFile(b.work, name, Array.from({ length: 50 }, (_, i) => JSON.stringify({ postcodes: Array.from({ length: n }, (_, j) => picks[(i * n + j) % picks.length]) })));
    const pairs: Pair[] = [
      {
        what: 'deprivation quantile of one postcode',
        connections: 32,
        per: 1,
        native: paths('dep', (pc) => `/v1/deprivation/postcodes/${enc(pc)}`),
        dropIn: paths('census', (pc) => `/deprivation/v1/index_of_multiple_deprivation_quantile?postcode=${enc(pc)}&quantile=5`),
      },
      {
        what: 'one postcode',
        connections: 32,
        per: 1,
        native: paths('pc', (pc) => `/v1/postcodes/postcodes/${enc(pc)}`),
        dropIn: paths('pio', (pc) => `/postcodes-io/postcodes/${enc(pc)}`),
      },
      ...[100, 1000].map((n) => {
        const file = bodies(`bulk${n}`, n);
        return { what: `bulk of ${n.toLocaleString('en-GB')} postcodes`, connections: 4, per: n, native: { post: '/v1/postcodes/lookup', bodies: file }, dropIn: { post: '/postcodes-io/postcodes', bodies: file } };
      }),
    ];
    const load = [hardware()];
    const out: string[] = [];
    for (const [label, env] of [
      ['answers kept in memory (npm start’s default)', {}],
      ['every answer composed (ANSWER_CACHE_MB=0)', { ANSWER_CACHE_MB: '0' }],
    ] as const) {
      const server = await startServer(b, { env: { LOG_LEVEL: 'info', ...env } });
      try {
        const runs = new Map<string, WrkResult[]>();
        const measure = async (key: string, l: WrkLoad, connections: number, seconds: number) => {
          const r = await wrk(server.url, l, { connections, seconds });
          if (seconds === SECONDS) runs.set(key, [...(runs.get(key) ?? []), r]);
          return r;
        };
        for (const p of pairs) for (const side of ['native', 'dropIn'] as const) await measure('', p[side], p.connections, 3); // warm-up
        for (let round = 1; round <= ROUNDS; round++)
          for (const p of pairs)
            for (const side of ['native', 'dropIn'] as const) {
              const r = await measure(`${p.what}|${side}`, p[side], p.connections, SECONDS);
              console.error(`${label}, round ${round}, ${p.what}, ${side}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, errors ${r.errors}`);
            }
        out.push(`\n${label}`, '', '| what (connections) | native req/s (rounds) | drop-in req/s (rounds) | drop-in / native | p99 ms native / drop-in | errors |', '|---|---|---|---:|---|---:|');
        for (const p of pairs) {
          const [n, d] = [runs.get(`${p.what}|native`)!, runs.get(`${p.what}|dropIn`)!];
          const rps = (rs: WrkResult[]) => median(rs.map((r) => r.rps));
          const ratio = rps(d) / rps(n);
          const fmt = (rs: WrkResult[]) => `${rps(rs).toFixed(0)} (${rs.map((r) => r.rps.toFixed(0)).join(', ')})${p.per > 1 ? `, ${(rps(rs) * p.per).toFixed(0)} postcodes/s` : ''}`;
          out.push(
            `| ${p.what} (${p.connections}) | ${fmt(n)} | ${fmt(d)} | **${ratio.toFixed(2)}**${ratio >= 0.8 ? '' : ' (not within 20%)'} | ` +
              `${median(n.map((r) => r.p99)).toFixed(1)} / ${median(d.map((r) => r.p99)).toFixed(1)} | ${[...n, ...d].reduce((k, r) => k + r.errors, 0)} |`,
          );
        }
      } finally {
        await server.stop();
      }
    }
    load.push(hardware());
    console.log([...load, ...writers, `${picks.length} live postcodes of the four nations, in turn; wrk -t1, ${SECONDS} s × ${ROUNDS} rounds per side, interleaved; medians`, ...out].join('\n'));
  },
  PLUGINS,
);
