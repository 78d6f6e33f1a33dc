import { GraphQLError } from 'graphql';

/** Error codes that mean the database (or the way to it) is down, not that the request was wrong. */
const UNAVAILABLE_CODES = new Set([
  // Node sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: connection exceptions (class 08), shutdowns and restarts, too many connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // Prisma: cannot reach the server, server closed the connection, pool timeout
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
]);

/** Prisma driver adapters' error kinds for the same situations. */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** Messages of errors that carry no code (node-postgres, its pool, the PGlite adapter). */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /terminating connection due to administrator command/i,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /database "[^"]*" is not currently accepting connections/i,
  /sorry, too many clients already/i,
  /Client has encountered a connection error and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Timed out fetching a new connection from the connection pool/i,
  /connect ECONNREFUSED/i,
  /Cannot use a pool after calling end on the pool/i,
];

function causesOf(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length && seen.length < 20) {
    const next = queue.shift();
    if (!next || typeof next !== 'object' || seen.includes(next)) continue;
    seen.push(next);
    const e = next as Record<string, unknown>;
    queue.push(e.originalError, e.cause, e.meta);
    const meta = e.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === 'object') queue.push(meta.driverAdapterError);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return seen;
}

/** True when the error (or anything it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // A GraphQL error with its own code was decided on purpose; leave it alone.
  for (const cause of causesOf(error)) {
    const e = cause as Record<string, unknown>;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.errorCode === 'string' && UNAVAILABLE_CODES.has(e.errorCode)) return true;
    if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (e.kind === 'postgres' && typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e.message as string))) return true;
  }
  return false;
}

/**
 * A typed, retryable answer for a request that failed because the database was
 * unreachable (a restart, a failover, an exhausted pool): HTTP 503,
 * `extensions.code: SERVICE_UNAVAILABLE`, `retryable: true`. Nothing from the
 * underlying error reaches the client. Returns null for any other error.
 */
export function serviceUnavailable(error: unknown, path?: readonly (string | number)[]): GraphQLError | null {
  if (!isDatabaseUnavailable(error)) return null;
  return new GraphQLError('The database is unavailable for a moment; retry the request shortly.', {
    path,
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      http: { status: 503, headers: { 'retry-after': '1' } },
    },
  });
}
