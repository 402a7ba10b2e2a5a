// Finds each declared source: an explicit path, CATALOGUE_DATA_DIR, the publisher's URL, or
// (conformance suite only) the plug-in's synthetic fixture. Records size and SHA-256.
import { sha256File } from './hash.ts';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { DatasetManifest } from '../types.ts';
import { SourceError } from '../contract.ts';

export interface SourceFile {
  source: string;
  path: string;
  declared: string;
  origin: 'path' | 'data-dir' | 'download' | 'fixture';
  bytes: number;
  /** Computed while the import runs (see hash.ts). */
  sha256: Promise<string>;
}

export interface SourceOptions {
  dataDir?: string;
  downloadsDir: string;
  allowDownloads: boolean;
  allowFixtures?: boolean;
  /** A source's fixture before its real file (the conformance suite checks both). */
  preferFixtures?: boolean;
  /** `name=path` pairs or bare paths (bare: the dataset's single required source). */
  overrides?: string[];
  datasetDir: string;
  log: Logger;
}

async function download(url: string, to: string, log: Logger): Promise<void> {
  log.info({ url }, 'downloading source from its publisher');
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new SourceError(`download of ${url} failed: HTTP ${res.status}`);
  mkdirSync(resolve(to, '..'), { recursive: true });
  await pipeline(Readable.fromWeb(res.body as never), createWriteStream(to));
}

function parseOverrides(manifest: DatasetManifest, overrides: string[] = []): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of overrides) {
    const m = /^([a-z][a-z0-9_-]*)=(.+)$/.exec(o);
    const name = m ? m[1] : manifest.sources.filter((s) => !s.optional).length === 1 ? manifest.sources.find((s) => !s.optional)!.name : undefined;
    if (!name || !manifest.sources.some((s) => s.name === name))
      throw new SourceError(`--source ${o}: say which source it is as name=path (sources: ${manifest.sources.map((s) => s.name).join(', ')})`);
    out.set(name, [...(out.get(name) ?? []), resolve(m ? m[2] : o)]);
  }
  return out;
}

export async function resolveSources(manifest: DatasetManifest, opts: SourceOptions): Promise<SourceFile[]> {
  const overrides = parseOverrides(manifest, opts.overrides);
  const found: SourceFile[] = [];
  for (const source of manifest.sources) {
    const explicit = overrides.get(source.name);
    const candidates: { path: string; declared: string; origin: SourceFile['origin'] }[] = [];
    if (explicit) {
      for (const p of explicit) {
        if (!existsSync(p)) throw new SourceError(`source file not found: ${p}`, p);
        candidates.push({ path: p, declared: basename(p), origin: 'path' });
      }
    } else {
      for (const file of source.files) {
        const local = opts.dataDir ? join(opts.dataDir, file) : undefined;
        const fixture = source.fixture ? join(opts.datasetDir, source.fixture) : undefined;
        if (opts.preferFixtures && fixture && existsSync(fixture)) candidates.push({ path: fixture, declared: file, origin: 'fixture' });
        else if (local && existsSync(local)) candidates.push({ path: local, declared: file, origin: 'data-dir' });
        else if (opts.allowFixtures && fixture && existsSync(fixture)) candidates.push({ path: fixture, declared: file, origin: 'fixture' });
        else if (source.url && opts.allowDownloads && source.files.length === 1 && !source.optional) {
          const to = join(opts.downloadsDir, manifest.id, basename(file));
          if (!existsSync(to)) await download(source.url, to, opts.log);
          candidates.push({ path: to, declared: file, origin: 'download' });
        } else if (!source.optional) {
          throw new SourceError(
            `source "${source.name}" not found: expected ${file} in CATALOGUE_DATA_DIR (${opts.dataDir ?? 'not set'})` +
              (source.url ? ` or a download from ${source.url}` : ''),
            file,
          );
        }
      }
    }
    for (const c of candidates) {
      const sha256 = sha256File(c.path);
      sha256.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
      // A declared checksum is a gate: checked before the file is read (it is the real file's, not a fixture's).
      const digest = source.sha256 && c.origin !== 'path' && c.origin !== 'fixture' ? await sha256 : undefined;
      if (digest !== undefined && digest !== source.sha256)
        throw new SourceError(`checksum mismatch for ${c.declared}: expected ${source.sha256}, got ${digest}`, c.declared);
      found.push({ source: source.name, ...c, bytes: statSync(c.path).size, sha256 });
    }
  }
  return found;
}

/** True when every required source can be found without a download (used to import on start). */
export function sourcesPresent(manifest: DatasetManifest, dataDir: string | undefined): boolean {
  if (!dataDir) return false;
  return manifest.sources.filter((s) => !s.optional).every((s) => s.files.every((f) => existsSync(join(dataDir, f))));
}
