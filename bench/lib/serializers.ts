// What a hand-written answer buys: Fastify's own serializer of a documented response schema (the
// one reply.serialize and answerCache use), and the cost per call of a function over real inputs.
import Fastify from 'fastify';

/** Fastify's compiled serializer of `schema` as a route's 200 answer. */
export async function schemaSerializer(schema: object): Promise<(value: unknown) => string> {
  const app = Fastify();
  let serialize: ((value: unknown) => string) | undefined;
  app.get('/', { schema: { response: { 200: schema } } }, async (_request, reply) => {
    serialize = reply.getSerializationFunction('200') as (value: unknown) => string;
    return reply.type('text/plain').serializer(String).send('compiled');
  });
  await app.inject('/');
  await app.close();
  if (!serialize) throw new Error('no serializer compiled');
  return serialize;
}

/** Mean microseconds per call of fn over the inputs (after one warm-up pass), best of `rounds`. */
export function microsPerCall<T>(inputs: readonly T[], fn: (input: T) => string, rounds = 5, minCalls = 20_000): number {
  let sink = 0;
  for (const x of inputs) sink += fn(x).length;
  const passes = Math.max(1, Math.ceil(minCalls / inputs.length));
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let p = 0; p < passes; p++) for (const x of inputs) sink += fn(x).length;
    best = Math.min(best, ((performance.now() - t) * 1000) / (passes * inputs.length));
  }
  if (sink === 0) throw new Error('nothing serialised');
  return best;
}
