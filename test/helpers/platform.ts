// A real platform for a test: its own database, the real plug-ins, the real source files.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pino from 'pino';
import { loadConfig } from '../../core/config.ts';
import { openPlatform, createLogger, type Platform } from '../../core/platform.ts';
import { buildApp } from '../../core/app.ts';
import { runImport } from '../../core/imports/run.ts';
import { createTestDatabase } from './database.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export function dataDir(): string {
  const dir = process.env.CATALOGUE_DATA_DIR;
  if (!dir) throw new Error('CATALOGUE_DATA_DIR is not set (CI sets it to ../shared/data)');
  return resolve(ROOT, dir);
}

export interface TestPlatformOptions {
  /** Datasets to register (default: every dataset of catalogue.yaml). */
  datasets?: string[];
  /** Datasets to import before the test runs, in this order. */
  imports?: string[];
  env?: Record<string, string>;
  logDestination?: pino.DestinationStream;
  /** Extra dataset folders (absolute) to register, e.g. a synthetic plug-in. */
  extraDatasets?: { id: string; path: string }[];
  /** A database made by createTestDatabase to open again (default: a new one), e.g. with another catalogue. */
  database?: string;
  /** Platform plug-ins (plugins/<id>) to register with `datasets` (default: none then). */
  plugins?: string[];
}

export interface TestPlatform {
  platform: Platform;
  app: FastifyInstance;
  url: string;
}

type Tap = { teardown(fn: () => unknown): void; name?: string };

export async function testPlatform(t: Tap, opts: TestPlatformOptions = {}): Promise<TestPlatform> {
  const url = opts.database ?? (await createTestDatabase(t, opts.datasets?.join('_') ?? 'all'));
  let catalogueFile = join(ROOT, 'catalogue.yaml');
  if (opts.datasets || opts.extraDatasets) {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    catalogueFile = join(dir, 'catalogue.yaml');
    const entries = [
      ...(opts.datasets ?? []).map((id) => ({ id, path: join(ROOT, 'datasets', id) })),
      ...(opts.extraDatasets ?? []),
    ];
    writeFileSync(
      catalogueFile,
      `title: Test catalogue\ndatasets:\n${entries.map((e) => `  - id: ${e.id}\n    path: ${e.path}\n`).join('')}${
        opts.plugins?.length ? `plugins:\n${opts.plugins.map((id) => `  - id: ${id}\n    path: ${join(ROOT, 'plugins', id)}\n`).join('')}` : ''
      }settings:\n  default_limit: 100\n  max_limit: 1000\n`,
    );
  }
  const config = loadConfig(
    { DATABASE_URL: url, CATALOGUE_DATA_DIR: dataDir(), CATALOGUE_FILE: catalogueFile, CATALOGUE_DOWNLOADS: 'off', LOG_LEVEL: 'warn', ...opts.env },
    ROOT,
  );
  const platform = await openPlatform(config, { log: createLogger(config.logLevel, opts.logDestination) });
  t.teardown(() => platform.close());
  for (const id of opts.imports ?? []) await runImport(platform, { datasetId: id, trigger: 'test' });
  // No load shedding: a test shares its event loop with its own synchronous work and its machine
  // with the rest of the suite, so a stall there must not turn answers into 503s (pressure.test.ts
  // tests the shedding itself).
  const app = await buildApp(platform, { rateLimit: 0, maxEventLoopDelay: 0 });
  t.teardown(() => app.close());
  return { platform, app, url };
}
