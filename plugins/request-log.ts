// One log line per request, written when it has been answered: the route pattern (never the URL: a
// path or query may carry a postcode, see the logger's serializers in core/platform.ts), the status
// and the time taken, through the request's own logger (so a route's logLevel applies). Fastify's
// default is two lines, one when the request arrives and one when it is answered.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
