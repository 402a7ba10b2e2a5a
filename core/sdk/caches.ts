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
 * State built from one edition (a snapshot, an index), loaded once per edition; the `keep` most
 * recently used editions stay in memory, and a load that failed is tried again on the next call.
 */
export function perEdition<T>(load: (editionId: number) => Promise<T>, keep = 2): (editionId: number) => Promise<T> {
  const cache = new LRUCache<number, Promise<T>>({ max: keep });
  return (editionId) => {
    let p = cache.get(editionId);
    if (!p) {
      // shared by every request that asks meanwhile: not cancelled with the one that started it
      p = outsideRequest(() => load(editionId));
      cache.set(editionId, p);
      p.catch(() => {
        if (cache.get(editionId) === p) cache.delete(editionId);
      });
    }
    return p;
  };
}
