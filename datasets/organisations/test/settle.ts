// Waits until the load-shedding check (@fastify/under-pressure, sampled every second) has a sample
// taken after the app became ready: on a busy machine the first sample may still include the time
// spent compiling the plug-ins at start-up, and would answer 503 to the first requests.
import type { FastifyInstance } from 'fastify';

export async function settle(app: FastifyInstance): Promise<void> {
  await app.ready();
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 250));
    if (i >= 4 && (await app.inject('/health')).statusCode === 200) return;
  }
}
