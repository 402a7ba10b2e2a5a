// SHA-256 of a source file on a worker thread at the lowest priority: the hash is provenance, not
// a gate (unless the manifest declares the checksum), so it uses the CPU the import leaves idle
// (while PostgreSQL builds indexes) instead of delaying the start of the import by a pass over
// a file of a gigabyte.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Files up to this size are hashed at once on the calling thread (a worker costs more to start). */
const SMALL = 16 << 20;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
// On Linux this sets the priority of this thread only.
try { require('node:os').setPriority(19); } catch {}
const hash = createHash('sha256');
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (err) => parentPort.postMessage({ error: err.message }))
  .on('end', () => parentPort.postMessage({ digest: hash.digest('hex') }));
`;

export async function sha256File(path: string): Promise<string> {
  if (statSync(path).size <= SMALL) return createHash('sha256').update(readFileSync(path)).digest('hex');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: path });
    worker.once('message', (m: { digest?: string; error?: string }) => (m.digest ? resolve(m.digest) : reject(new Error(m.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`hashing ${path} stopped (${code})`)));
  });
}
