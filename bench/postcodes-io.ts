// The postcodes.io drop-in beside the native postcode routes, in one run on the same server and
// data (the real ONSPD sample and supplement): single lookups, and bulk lookups of 100 (plain and
// gzip, as Python clients ask) and 1,000 (gzip),
// each pair measured back to back (native, then /postcodes-io) with autocannon on 127.0.0.1.
// Target: the drop-in within 20% of the native route (ratio >= 0.8).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/postcodes-io.ts
// BENCH_SECONDS (default 15) sets each measurement's length.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { parse } from 'csv-parse/sync';
import { runImport } from '../core/imports/run.ts';
import { hardware, startServer, withBench } from './lib/harness.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

await withBench(
  'postcodes_io',
  ['postcodes'],
  async (b) => {
    const platform = await b.openPlatform();
    await runImport(platform, { datasetId: 'postcodes', trigger: 'cli' });
    await platform.close();
    const rows = ['ONSPD_sample.csv', 'ONSPD_supplement_from_postcodes_io_examples.csv'].flatMap(
      (f) => parse(readFileSync(join(b.dataDir, 'onspd', f)), { columns: true, skip_empty_lines: true }) as Record<string, string>[],
    );
    // live postcodes (postcodes.io answers a terminated one with a 404)
    const live = rows.filter((r) => !r.doterm).map((r) => r.pcds);
    let k = 0;
    const next = () => live[k++ % live.length];
    const server = await startServer(b);
    try {
      const single = (prefix: string) =>
        autocannon({ url: server.url, connections: 10, duration: SECONDS, requests: [{ setupRequest: (r) => ({ ...r, path: `${prefix}/${encodeURIComponent(next())}` }) }] });
      // Python's requests and httpx (the audits' clients) send Accept-Encoding: gzip, deflate.
      const bulk = (path: string, n: number, gzip = false) =>
        autocannon({
          url: server.url,
          connections: 4,
          duration: SECONDS,
          requests: [
            {
              method: 'POST',
              path,
              setupRequest: (r) => ({ ...r, headers: { 'content-type': 'application/json', ...(gzip ? { 'accept-encoding': 'gzip, deflate' } : {}) }, body: JSON.stringify({ postcodes: Array.from({ length: n }, next) }) }),
            },
          ],
        });
      const size = async (path: string) =>
        (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' }, body: JSON.stringify({ postcodes: live.slice(0, 100) }) })).text().then((t) => t.length);
      await single('/v1/postcodes/postcodes'); // warm-up of both (names of the edition, prepared statements)
      await single('/postcodes-io/postcodes');
      const lines = [hardware(), `ONSPD sample and supplement (${live.length.toLocaleString('en-GB')} live postcodes), ${SECONDS} s per measurement`];
      const line = (what: string, native: autocannon.Result, pio: autocannon.Result, per = 1) => {
        const ratio = pio.requests.average / native.requests.average;
        const fmt = (r: autocannon.Result) => `${r.requests.average.toFixed(0)} req/s${per > 1 ? ` (${(r.requests.average * per).toFixed(0)} postcodes/s)` : ''}, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`;
        lines.push(`${what}: native ${fmt(native)}; postcodes.io ${fmt(pio)}; ratio ${ratio.toFixed(2)} ${ratio >= 0.8 ? '(within 20%)' : '(NOT within 20%)'}`);
      };
      line('single lookup (10 connections)', await single('/v1/postcodes/postcodes'), await single('/postcodes-io/postcodes'));
      const [nativeBytes, pioBytes] = [await size('/v1/postcodes/lookup'), await size('/postcodes-io/postcodes')];
      lines.push(`answer to 100 postcodes: native ${nativeBytes.toLocaleString('en-GB')} bytes, postcodes.io ${pioBytes.toLocaleString('en-GB')} bytes (${(pioBytes / nativeBytes).toFixed(2)}×: its shape names and codes every area, nulls included)`);
      line('bulk of 100 (4 connections)', await bulk('/v1/postcodes/lookup', 100), await bulk('/postcodes-io/postcodes', 100), 100);
      line('bulk of 100, gzip (4 connections)', await bulk('/v1/postcodes/lookup', 100, true), await bulk('/postcodes-io/postcodes', 100, true), 100);
      line('bulk of 1,000, gzip (4 connections)', await bulk('/v1/postcodes/lookup', 1000, true), await bulk('/postcodes-io/postcodes', 1000, true), 1000);
      console.log(lines.join('\n'));
    } finally {
      await server.stop();
    }
  },
  ['postcodes-io'],
);
