/**
 * Failures that mean a dependency is out of reach, not a bug: the database, Redis or NATS does not
 * answer. The error filter answers them as SERVICE.UNAVAILABLE (503 with Retry-After) instead of
 * INTERNAL, and says nothing of the cause to the caller (it is logged).
 */

/** Socket-level failures (Node's error codes). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception) is matched by prefix. */
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);

/** Messages of pg, pg-pool, ioredis and the NATS client when the server is gone. */
const OUTAGE_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection is closed|client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)|max retries per request|connection closed|no responders/i;

const OUTAGE_NAMES = new Set(['MaxRetriesPerRequestError', 'NoResponders', 'ClosedConnectionError', 'ConnectionError']);

export function isOutage(error: unknown): boolean {
  return causes(error).some(isOutageItself);
}

function isOutageItself(error: object): boolean {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof name === 'string' && OUTAGE_NAMES.has(name)) return true;
  return error instanceof Error && typeof message === 'string' && OUTAGE_MESSAGE.test(message);
}

/** The error and what it wraps: TypeORM's driverError, `cause`, an AggregateError's errors (bounded). */
function causes(error: unknown): object[] {
  const found: object[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 16) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || found.includes(next)) continue;
    found.push(next);
    const { driverError, cause, errors } = next as { driverError?: unknown; cause?: unknown; errors?: unknown };
    queue.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return found;
}
