import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ReadinessChecks } from '../core/health.js';
import { PROBE_TIMEOUT_MS, within } from '../core/within.js';

export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

/**
 * Closes one of our Redis connections: QUIT once pending replies are in, or at once when Redis is
 * away (or the connection does not queue commands). The one way every Redis connection of ours is
 * closed, by whichever module holds it.
 */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  await redis.quit().catch(() => redis.disconnect());
}

/**
 * Closes the queues' shared Redis connection when the application stops, after BullMQ's workers and
 * queues, which use it: QueuesModule is global and imports BullModule, so Nest's shutdown (the root
 * first, then deeper modules, then global modules in reverse order of registration) reaches this
 * last (libs/platform/test/queues.int-spec.ts checks the order).
 */
@Injectable()
export class RedisConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CONNECTION) private readonly redis: Redis) {}

  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }
}

/** Readiness waits on Redis in a service that runs queues. */
@Injectable()
export class RedisReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessChecks,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.readiness.add('redis', async () => {
      await within(PROBE_TIMEOUT_MS, this.redis.ping());
    });
  }
}
