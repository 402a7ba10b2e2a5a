// The only place an upload touches the disk: a folder of its own (mode 0700) under the system's
// temporary folder, for the duration of its request, removed when the answer has been sent or
// the client went away. A folder left by a process that died is removed when the next one
// starts (and hourly), once it is an hour old.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'catalogue-enrich-';
export const SPOOL_MAX_AGE_MS = 60 * 60 * 1000;

export interface Spool {
  dir: string;
  /** Where the upload is written. */
  file: string;
  remove(): Promise<void>;
}

export async function openSpool(): Promise<Spool> {
  const dir = await mkdtemp(join(tmpdir(), PREFIX));
  let removed: Promise<void> | null = null;
  return { dir, file: join(dir, 'upload'), remove: () => (removed ??= rm(dir, { recursive: true, force: true })) };
}

/** Removes spool folders older than maxAge (left by a process that was killed). */
export async function sweepSpools(maxAgeMs = SPOOL_MAX_AGE_MS): Promise<number> {
  let removed = 0;
  const root = tmpdir();
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(PREFIX)) continue;
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > maxAgeMs) {
      await rm(path, { recursive: true, force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}
