// What the bulk route's hand-written JSON (datasets/deprivation/lib/results-json.ts) buys against
// Fastify's schema serialiser (reply.compileSerializationSchema of the route's documented response
// schema, what reply.serialize would use) on one answer of 1,000 postcodes spread over the ONSPD
// sample and supplement (live, terminated, without a small area; all four nations).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/deprivation-json.ts
// "warm": the areas' answers were serialised before (they are shared between requests, as in
// service); "cold": new answer objects, as the first request after an edition switch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { parse } from 'csv-parse/sync';
import { runImport } from '../core/imports/run.ts';
import { bulkResponse } from '../datasets/deprivation/lib/response-schemas.ts';
import { resultsJson } from '../datasets/deprivation/lib/results-json.ts';
import type { DeprivationResult } from '../datasets/deprivation/lib/compose.ts';
import { hardware, withBench } from './lib/harness.ts';

const INDICES = ['imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

await withBench('deprivation_json', ['postcodes', ...INDICES, 'deprivation'], async (b) => {
  const csv = (f: string): Record<string, string>[] => parse(readFileSync(join(b.dataDir, 'onspd', f)), { bom: true, columns: true, skip_empty_lines: true });
  const rows = [...csv('ONSPD_sample.csv'), ...csv('ONSPD_supplement_from_postcodes_io_examples.csv')];
  // a spread of the directory (it is sorted: its first rows are all terminated)
  const inputs = Array.from({ length: 1000 }, (_, i) => rows[Math.floor((i * rows.length) / 1000)].pcds);
  const platform = await b.openPlatform();
  try {
    for (const id of ['postcodes', ...INDICES, 'deprivation']) await runImport(platform, { datasetId: id, trigger: 'cli' });
    const { deprivation } = platform.services.get('deprivation') as { deprivation(p: string[]): Promise<DeprivationResult[]> };
    const meta = {
      dataset: 'deprivation',
      edition: { id: 1, label: 'Deprivation by postcode registry', imported_at: new Date().toISOString() },
      geography_vintage: 'LSOA 2011',
      licence: 'Open Government Licence v3.0',
      postcodes_edition: { id: 2, label: 'ONSPD', imported_at: new Date().toISOString() },
    };

    // Fastify's own serialiser of the documented schema, taken from a reply
    const app = Fastify();
    let schemaSerialise: ((body: Record<string, unknown>) => string) | undefined;
    app.get('/', (_request, reply) => {
      schemaSerialise = reply.compileSerializationSchema(bulkResponse);
      return '';
    });
    await app.inject('/');
    await app.close();
    const bySchema = (results: DeprivationResult[]) => schemaSerialise!({ ...meta, count: results.length, results });
    const byHand = (results: DeprivationResult[]) => {
      const head = JSON.stringify({ ...meta, count: results.length });
      return `${head.slice(0, -1)},"results":${resultsJson(results)}}`;
    };

    const results = await deprivation(inputs);
    if (JSON.stringify(JSON.parse(byHand(results))) !== JSON.stringify(JSON.parse(bySchema(results)))) throw new Error('the two serialisations differ');
    const time = (fn: () => unknown, rounds = ROUNDS) => {
      for (let i = 0; i < 10; i++) fn();
      const t0 = performance.now();
      for (let i = 0; i < rounds; i++) fn();
      return (performance.now() - t0) / rounds;
    };
    const schemaMs = time(() => bySchema(results));
    const warmMs = time(() => byHand(results));
    // new answer objects each round: what the hand path costs before its cache of area answers helps
    const copies = Array.from({ length: 40 }, () => structuredClone(results));
    let k = 0;
    const coldMs = time(() => byHand(copies[k++]), copies.length - 10);
    const bytes = Buffer.byteLength(byHand(results));
    const statuses = new Map<string, number>();
    for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    console.log(
      [
        hardware(),
        `answer: ${inputs.length} postcodes (${[...statuses].map(([s, n]) => `${n} ${s}`).join(', ')}), ${(bytes / 1024).toFixed(0)} KiB of JSON`,
        `schema serialiser (reply.compileSerializationSchema of the route's response schema): ${schemaMs.toFixed(2)} ms per answer`,
        `hand-written, area answers already serialised (warm): ${warmMs.toFixed(2)} ms per answer (${(schemaMs / warmMs).toFixed(1)}× faster)`,
        `hand-written, new answer objects (cold): ${coldMs.toFixed(2)} ms per answer (${(schemaMs / coldMs).toFixed(1)}×)`,
      ].join('\n'),
    );
  } finally {
    await platform.close();
  }
});
