import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Runs `work` every time the Redis connection is ready again after a loss: a Redis that restarted
 * without its data has lost the queued jobs, and the services re-make them from PostgreSQL (the same
 * idempotent step they run at boot). Register it once the service has booted.
 */
export function afterRedisReconnect(redis: Redis, what: string, logger: Logger, work: () => Promise<unknown>): void {
  redis.on('ready', () => {
    work().then(
      (result) => logger.info({ result }, `redis is back: ${what}`),
      (error: unknown) => logger.error({ err: error }, `redis is back, but ${what} failed`),
    );
  });
}
