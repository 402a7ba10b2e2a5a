// npm run bench: every benchmark under bench/, one after the other, printing its figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
for (const file of readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && f !== 'run.ts').sort()) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  console.log(`\n== bench/${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, file)], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exitCode = 1;
}
