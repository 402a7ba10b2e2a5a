// wrk (https://github.com/wg/wrk) in a process of its own: GET a list of paths, or POST a list of
// bodies, in turn for a few seconds over N connections, one thread. Non-2xx/3xx answers count as
// errors ("status").
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WrkResult {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Socket errors and timeouts, plus answers that were not 2xx/3xx. */
  errors: number;
  non2xx: number;
}

/** Writes lines (paths, or JSON bodies) where wrk's script reads them; returns the file. */
export function pathsFile(dir: string, name: string, lines: string[]): string {
  const file = join(dir, `${name}.lines`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** GET the paths of a file (pathsFile) in turn, or POST the JSON bodies of a file (one a line) to one path. */
export type WrkLoad = string | { post: string; bodies: string };

export async function wrk(url: string, load: WrkLoad, options: { connections: number; seconds: number }): Promise<WrkResult> {
  const [script, env] = typeof load === 'string' ? ['paths.lua', { WRK_PATHS: load }] : ['post.lua', { WRK_PATH: load.post, WRK_BODIES: load.bodies }];
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', join(import.meta.dirname, script), url];
  const child = spawn('wrk', args, { env: { ...process.env, ...env, WRK_LIB: import.meta.dirname }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  const [code] = await once(child, 'exit');
  const line = /WRK_JSON (\{.*\})/.exec(out);
  if (code !== 0 || !line) throw new Error(`wrk failed (${code}): ${out}`);
  const r = JSON.parse(line[1]) as Record<string, number>;
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    requests: r.requests,
    rps: r.requests / (r.duration_us / 1e6),
    p50: ms(r.p50_us),
    p90: ms(r.p90_us),
    p99: ms(r.p99_us),
    max: ms(r.max_us),
    errors: r.connect + r.read + r.write + r.timeout + r.status,
    non2xx: r.status,
  };
}

/** The median of a few runs' figures. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
