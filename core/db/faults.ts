// What a database error means for the client: the database is unreachable (503, retry), a query ran
// past its time limit or was cancelled (503, retry), or a request value PostgreSQL refused (400).
// Anything else is a fault of this service (500).

export type DatabaseFault = 'unavailable' | 'timeout' | 'bad-value';

// Node socket errors and PostgreSQL's connection-exception (08), shutdown (57P01–57P03) and
// too-many-connections (53300) codes: the server is down, restarting or refusing connections.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03', '53300']);
// pg's own wording when a connection dies under a query or a pool has none to give.
const UNREACHABLE_MESSAGES = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|Timeout acquiring a connection|the database system is (starting up|shutting down|in recovery mode)/i;

function codes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 3) return [];
  const e = err as { code?: unknown; errors?: unknown[]; cause?: unknown };
  return [
    ...(typeof e.code === 'string' ? [e.code] : []),
    ...(Array.isArray(e.errors) ? e.errors.flatMap((x) => codes(x, depth + 1)) : []),
    ...codes(e.cause, depth + 1),
  ];
}

export function databaseFault(err: unknown): DatabaseFault | undefined {
  const found = codes(err);
  const message = err instanceof Error ? err.message : '';
  if (found.some((c) => UNREACHABLE_CODES.has(c) || c.startsWith('08')) || (err as Error)?.name === 'KnexTimeoutError' || UNREACHABLE_MESSAGES.test(message))
    return 'unavailable';
  // 57014 query_canceled: statement_timeout, or a cancel sent when the client went away.
  if (found.includes('57014')) return 'timeout';
  // Class 22, data exception: a value PostgreSQL could not take (out of range, bad syntax, NUL …).
  if (found.some((c) => /^22[0-9A-Z]{3}$/.test(c))) return 'bad-value';
  return undefined;
}
