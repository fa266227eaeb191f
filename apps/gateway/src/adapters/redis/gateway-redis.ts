import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { closeRedis } from '@sanshen/platform/queues';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';

/**
 * The gateway's one Redis connection (rate limits, the queue board). It does not queue commands while
 * Redis is away: callers get an error at once and decide (rate limits let the request through, the
 * board shows the error), so the API never waits on Redis and its health does not depend on it.
 */
@Injectable()
export class GatewayRedis implements OnApplicationShutdown {
  readonly connection: Redis;
  /** Prefix of the gateway's own keys: the installation's namespace, so test runs and the demo never meet. */
  readonly keyPrefix: string;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig, @Inject(ROOT_LOGGER) logger: Logger) {
    this.connection = new Redis(config.base.redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: false });
    this.connection.on('error', (error: Error) => logger.warn({ err: error }, 'gateway: Redis unavailable'));
    this.keyPrefix = `${config.base.namespace.name || 'sanshen'}:gateway`;
  }

  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.connection);
  }
}
