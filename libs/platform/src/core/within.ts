/**
 * `answer`, or a rejection after `ms`. The NATS and Redis clients hold a command while they reconnect
 * (NATS buffers it, ioredis queues it), so a probe or a scrape left unbounded would hang for the whole
 * outage instead of saying "down" or leaving its gauge empty.
 */
export function within<T>(ms: number, answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/** How long a readiness probe waits for NATS or Redis to answer. */
export const PROBE_TIMEOUT_MS = 2000;
