// `ctx.sources` names only what dataset.yaml declares: a misspelt name is an error that says so,
// not an undefined that fails later ("undefined is not iterable").
import type { DatasetManifest } from '../types.ts';

// Read by tools that inspect any object (await, JSON.stringify), never as source names.
const INSPECTED = new Set(['then', 'toJSON']);

export function declaredSources(bySource: Record<string, string[]>, manifest: DatasetManifest): Record<string, string[]> {
  const names = manifest.sources.map((s) => s.name);
  return new Proxy(bySource, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !names.includes(key) && !(key in Object.prototype) && !INSPECTED.has(key))
        throw new Error(`source "${key}" is not declared in dataset.yaml (sources: ${names.join(', ')})`);
      return Reflect.get(target, key, receiver);
    },
  });
}
