// Queries of a request whose client has gone are cancelled (pg_cancel_backend), so that an
// abandoned expensive query does not keep a pooled connection busy until its statement_timeout.
// The queries a request runs are found through AsyncLocalStorage: the request's handler runs in
// a scope (runInRequestScope), and every query knex sends from within it is recorded there.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';

interface Connection {
  processID?: number;
}

interface Scope {
  running: Map<Connection, Knex>;
  /** The client left: queries not yet sent are not sent. */
  cancelled: boolean;
}

/** What a query of a departed client fails with (PostgreSQL's own code for a cancelled statement). */
class ClientLeft extends Error {
  readonly code = '57014';
  constructor() {
    super('the client left before its query was sent');
  }
}

const scopes = new AsyncLocalStorage<Scope>();

type KnexClient = {
  _query(connection: Connection, obj: unknown): Promise<unknown>;
  _stream(connection: Connection, obj: unknown, stream: unknown, options: unknown): Promise<unknown>;
  cancelQuery(connection: Connection): Promise<unknown>;
};

/** Records, for the request scope it runs in, the connection each query of this knex holds. */
export function trackRequestQueries(knex: Knex): void {
  const client = knex.client as unknown as KnexClient;
  for (const method of ['_query', '_stream'] as const) {
    const original = client[method].bind(client) as (connection: Connection, ...rest: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = (connection: Connection, ...rest: unknown[]) => {
      const scope = scopes.getStore();
      if (!scope) return original(connection, ...rest);
      if (scope.cancelled) return Promise.reject(new ClientLeft());
      scope.running.set(connection, knex);
      return original(connection, ...rest).finally(() => scope.running.delete(connection));
    };
  }
}

export function newRequestScope(): Scope {
  return { running: new Map(), cancelled: false };
}

export function runInRequestScope<T>(scope: Scope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/**
 * Runs fn, and everything it awaits, outside any request's scope: for work that requests share (a
 * per-edition load, a batch of lookups), which must not be cancelled when the client of the request
 * that happened to start it leaves while others wait for it.
 */
export function outsideRequest<T>(fn: () => T): T {
  return scopes.exit(fn);
}

/** Cancels the queries still running for this scope. */
export async function cancelRequestQueries(scope: Scope): Promise<number> {
  scope.cancelled = true;
  const running = [...scope.running];
  await Promise.all(running.map(([connection, knex]) => (knex.client as unknown as KnexClient).cancelQuery(connection).catch(() => undefined)));
  return running.length;
}
