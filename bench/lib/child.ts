// What every benchmark server child shares: its address and its CPU time reported to the parent
// over IPC, and a CPU profile of a window the parent chooses (node:inspector, in process, so that
// the profile covers the measured load only, not the start-up).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export type ToChild = { cmd: 'profile-start'; intervalUs?: number } | { cmd: 'profile-stop'; file: string } | { cmd: 'cpu' } | { cmd: 'memory' };
export type FromChild = { listening: string } | { profiled: string } | { cpu: { user: number; system: number } } | { memory: NodeJS.MemoryUsage } | { error: string };

const send = (m: FromChild) => process.send?.(m);

/** Reports the address; serves the parent's profile and CPU requests; stops on SIGTERM. */
export function serveParent(address: string, stop: () => Promise<void>): void {
  let session: Session | undefined;
  process.on('message', (m: ToChild) => {
    void (async () => {
      if (m.cmd === 'cpu') return send({ cpu: process.cpuUsage() });
      if (m.cmd === 'memory') return send({ memory: process.memoryUsage() });
      if (m.cmd === 'profile-start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', {
          interval: m.intervalUs ?? 100,
        });
        await session.post('Profiler.start');
        return;
      }
      if (!session) throw new Error('no profile started');
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      writeFileSync(m.file, JSON.stringify(profile));
      send({ profiled: m.file });
    })().catch((err: Error) => send({ error: err.message }));
  });
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  if (process.send) send({ listening: address });
  else process.stdout.write(`LISTENING ${address}\n`);
}
