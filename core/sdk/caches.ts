// Bounded in-memory caches (lru-cache), and the one loader of state built from an edition: an
// edition never changes once imported, so what is built from it is built once and kept while used.
import { LRUCache } from 'lru-cache';
import { outsideRequest } from '../db/cancel.ts';

export { LRUCache };

/** An LRU cache bounded by entries, or by total size (e.g. characters of serialised answers). */
export function boundedCache<K extends {}, V extends {}>(options: { max: number } | { maxSize: number; sizeOf: (value: V, key: K) => number }): LRUCache<K, V> {
  if ('max' in options) return new LRUCache<K, V>({ max: options.max });
  return new LRUCache<K, V>({ maxSize: options.maxSize, sizeCalculation: (v, k) => Math.max(1, options.sizeOf(v, k)) });
}

/**
 * State built from one edition (a snapshot, an index), or from a combination of editions named by
 * one key, loaded once per key; the `keep` most recently used stay in memory, and a load that failed
 * is tried again on the next call.
 */
export function perEdition<T, K extends {} = number>(load: (key: K) => Promise<T>, keep = 2): (key: K) => Promise<T> {
  const cache = new LRUCache<K, Promise<T>>({ max: keep });
  return (key) => {
    let p = cache.get(key);
    if (!p) {
      // shared by every request that asks meanwhile: not cancelled with the one that started it
      p = outsideRequest(() => load(key));
      cache.set(key, p);
      p.catch(() => {
        if (cache.get(key) === p) cache.delete(key);
      });
    }
    return p;
  };
}

const shared = new WeakMap<object, Map<string, (editionId: number) => Promise<unknown>>>();

/**
 * perEdition, one per database and `key` (what is built, from which table: "names:postcodes_names"),
 * shared by everything in the process that asks for it (a dataset's routes and its services): the
 * first caller's `load` is the one used.
 */
export function sharedPerEdition<T>(db: object, key: string, load: (editionId: number) => Promise<T>, keep = 2): (editionId: number) => Promise<T> {
  let byKey = shared.get(db);
  if (!byKey) shared.set(db, (byKey = new Map()));
  let loader = byKey.get(key);
  if (!loader) byKey.set(key, (loader = perEdition(load, keep)));
  return loader as (editionId: number) => Promise<T>;
}
