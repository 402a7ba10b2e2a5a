// Enrich benchmark: POST /enrich of a 100,000-row CSV (and of the same as XLSX, and of a CSV of
// 100,000 rows five times wider) of real ONSPD postcodes (with invalid, unknown and empty cells),
// against the real server in a child process; rows per second, and the server's resident memory
// sampled every 50 ms. V8 collects lazily (with a heap limit of gigabytes, garbage piles up before
// a full collection), so the same files are sent again to a server whose heap is capped at 384 MiB:
// a server that held a file (or anything per row) would run out of memory there; one that streams
// answers at the same speed, its peak the same for 10,000 and 100,000 rows.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres CATALOGUE_DATA_DIR=../shared/data node --import tsx bench/enrich.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runImport } from '../core/imports/run.ts';
import { hardware, rssMb, startServer, withBench } from './lib/harness.ts';
import { patientsCsv, postcodeCell, samplePostcodes } from '../test/helpers/postcode-files.ts';

const ALL = ['postcodes', 'imd-england-2019', 'imd-england-2025', 'imd-wales-2019', 'imd-scotland-2020', 'imd-northern-ireland-2017', 'imd-uk-composite', 'deprivation'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


async function xlsxFile(path: string, real: string[], rows: number) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet('Patients');
  sheet.addRow(['patient_id', 'Postcode', 'seen_on', 'note']).commit();
  for (let i = 0; i < rows; i++) sheet.addRow([i + 1, postcodeCell(real, i), `2024-0${(i % 9) + 1}-1${i % 10}`, `note ${i}`]).commit();
  sheet.commit();
  await book.commit();
}

await withBench('enrich', ALL, async (b) => {
  const platform = await b.openPlatform();
  for (const id of ALL) await runImport(platform, { datasetId: id, trigger: 'cli' });
  await platform.close();
  const real = samplePostcodes(b.dataDir);
  const files: Record<string, { path: string; type: string; rows: number }> = {};
  for (const rows of [1_000, 10_000, 100_000]) {
    const path = join(b.work, `patients-${rows}.csv`);
    writeFileSync(path, patientsCsv(real, rows));
    files[`csv ${rows}`] = { path, type: 'text/csv', rows };
  }
  const wide = join(b.work, 'patients-wide.csv');
  writeFileSync(wide, patientsCsv(real, 100_000).replace(/\n/g, `,${'x'.repeat(40)},${'y'.repeat(40)},${'z'.repeat(40)},${'w'.repeat(40)},${'v'.repeat(40)},${'u'.repeat(40)}\n`));
  files['csv 100000 wide'] = { path: wide, type: 'text/csv', rows: 100_000 };
  files['xlsx 100000'] = { path: join(b.work, 'patients-100000.xlsx'), type: XLSX, rows: 100_000 };
  await xlsxFile(files['xlsx 100000'].path, real, 100_000);

  const measure = async (label: string, env: NodeJS.ProcessEnv) => {
    const server = await startServer({ ...b, env });
    try {
      const run = async (name: string) => {
        const f = files[name];
        const body = readFileSync(f.path);
        let peak = rssMb(server.pid);
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 50);
        const t0 = performance.now();
        const res = await fetch(`${server.url}/enrich`, { method: 'POST', headers: { 'content-type': f.type }, body });
        if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
        let bytes = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
        const seconds = (performance.now() - t0) / 1000;
        clearInterval(sampler);
        return { name, rows: f.rows, seconds, bytesIn: body.length, bytesOut: bytes, peak };
      };
      await run('csv 1000'); // warm-up: index snapshots loaded, code compiled
      const before = rssMb(server.pid);
      const results = [];
      for (const name of ['csv 10000', 'csv 100000', 'csv 100000 wide', 'xlsx 100000']) results.push(await run(name));
      return [
        `${label}: server resident memory after warm-up ${before.toFixed(0)} MiB`,
        ...results.map(
          (r) =>
            `  POST /enrich ${r.name} rows (${(r.bytesIn / 1e6).toFixed(1)} MB in, ${(r.bytesOut / 1e6).toFixed(1)} MB out): ${r.seconds.toFixed(2)} s, ${Math.round(r.rows / r.seconds).toLocaleString('en-GB')} rows/s, server peak RSS ${r.peak.toFixed(0)} MiB (+${(r.peak - before).toFixed(0)} MiB)`,
        ),
      ];
    } finally {
      await server.stop();
    }
  };
  const lines = [
    'server: buildApp in a child process on 127.0.0.1; the client (fetch) in the parent',
    hardware(),
    ...(await measure('default heap', b.env)),
    ...(await measure('heap capped at 384 MiB (--max-old-space-size=384)', { ...b.env, NODE_OPTIONS: `${b.env.NODE_OPTIONS ?? ''} --max-old-space-size=384`.trim() })),
  ];
  console.log(lines.join('\n'));
});
