// The HTTP ceiling of one Node process: Fastify's hello world (no logger, no plug-ins), as a child
// process of a benchmark, like the app (server.ts).
import Fastify from 'fastify';
import { serveParent } from './child.ts';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
serveParent(address, () => app.close());
