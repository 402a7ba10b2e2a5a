// A progress bar on a terminal, plain lines otherwise (CI logs).
import cliProgress from 'cli-progress';
import type { ProgressSnapshot } from '../imports/progress.ts';

export function progressReporter(label: string): { update(p: ProgressSnapshot): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let last = -10;
    return {
      update(p) {
        if (p.percent - last < 10) return;
        last = p.percent;
        process.stderr.write(`${label}: ${p.percent.toFixed(0)}% (${p.rows} rows)\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {rows} rows {message}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { rows: 0, message: '' });
  return {
    update: (p) => bar.update(Math.floor(p.percent), { rows: p.rows, message: p.message ?? '' }),
    stop: () => bar.stop(),
  };
}
