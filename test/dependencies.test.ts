// No installed package (package-lock.json, the tree npm ci installs) falls in a vulnerable range of
// the reviewed advisories (docs/advisories.json; docs/security.md says how the list is kept: npm
// audit is refused by the registry reachable here).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/platform.ts';

interface Advisory {
  package: string;
  vulnerable: string;
  id: string;
  summary: string;
}

/** [major, minor, patch, release?]: a pre-release sorts before its release. */
const parse = (v: string) => {
  const m = /^(\d+)\.(\d+)\.(\d+)(-.*)?$/.exec(v.trim());
  if (!m) throw new Error(`not a version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? 0 : 1];
};
const compare = (a: string, b: string) => {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

/** "<0.19.3", ">=5.0.0 <5.3.2", "<=0.24.2": every comparison must hold. */
export function inRange(version: string, range: string): boolean {
  return range.split(/\s+/).every((c) => {
    const m = /^(<=|>=|<|>|=)?(.+)$/.exec(c)!;
    const d = compare(version, m[2]);
    return { '<': d < 0, '<=': d <= 0, '>': d > 0, '>=': d >= 0, '=': d === 0 }[m[1] ?? '=']!;
  });
}

const { advisories } = JSON.parse(readFileSync(join(ROOT, 'docs/advisories.json'), 'utf8')) as { advisories: Advisory[] };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
const installed = Object.entries(lock.packages)
  .filter(([path, p]) => path.includes('node_modules/') && p.version)
  .map(([path, p]) => ({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: p.version!, path }));

t.test('the range check flags what it should', async (t) => {
  t.ok(inRange('0.18.5', '<0.19.3'), 'xlsx 0.18.5 (the last on the npm registry) is vulnerable');
  t.notOk(inRange('0.20.2', '<0.20.2'));
  t.ok(inRange('5.3.1', '>=5.0.0 <5.3.2'));
  t.notOk(inRange('4.9.0', '>=5.0.0 <5.3.2'));
  t.ok(inRange('5.3.2-rc.1', '<5.3.2'), 'a pre-release comes before its release');
  t.ok(inRange('0.24.2', '<=0.24.2'));
});

t.test('no installed package is in a vulnerable range of a reviewed advisory', async (t) => {
  t.ok(installed.length > 100, `${installed.length} installed packages checked against ${advisories.length} advisories`);
  const hits = installed.flatMap((p) =>
    advisories.filter((a) => a.package === p.name && inRange(p.version, a.vulnerable)).map((a) => `${p.path}@${p.version}: ${a.id} (${a.summary})`),
  );
  t.same(hits, [], 'none');
  t.notOk(installed.some((p) => p.name === 'xlsx'), 'the npm xlsx package is not in the tree at all');
});
