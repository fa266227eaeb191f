import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Makes a service's jobs from PostgreSQL now (at boot), and again every time the Redis connection is
 * ready after a loss: a Redis that restarted without its data has lost the queued jobs. `work` is the
 * service's idempotent step that (re)makes them.
 */
export async function remakeJobsNowAndAfterRedisLoss(redis: Redis, what: string, logger: Logger, work: () => Promise<unknown>): Promise<void> {
  await work();
  redis.on('ready', () => {
    work().then(
      (result) => logger.info({ result }, `redis is back: ${what}`),
      (error: unknown) => logger.error({ err: error }, `redis is back, but ${what} failed`),
    );
  });
}
