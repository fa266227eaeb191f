import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { queuePrefix, QUEUES } from '@sanshen/contracts';
import { ROOT_LOGGER, queueTelemetry } from '@sanshen/platform';
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import type { ChannelJobData } from '../../domain/channels/channel-delivery.js';
import type { StoredDelivery } from '../../persistence/channel-delivery.repository.js';
import { GatewayRedis } from '../redis/gateway-redis.js';

export const CHANNEL_QUEUE = QUEUES.noticeChannels;
const CHANNEL_JOB = 'deliver';

/** Finished jobs stay briefly (the record in PostgreSQL is what is kept): long enough for a sweep to find them. */
const RETAIN_FINISHED_S = 24 * 60 * 60;

/**
 * The `notice-channels` queue, from the side that adds jobs: one job per recorded delivery, its id the
 * delivery's (adding it twice is a no-op), attempts with exponential backoff.
 */
@Injectable()
export class ChannelDeliveryQueue implements OnApplicationShutdown {
  private readonly queue: Queue<ChannelJobData>;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    redis: GatewayRedis,
  ) {
    this.queue = new Queue<ChannelJobData>(CHANNEL_QUEUE, {
      connection: redis.connection,
      prefix: queuePrefix(config.base.namespace.name),
      ...queueTelemetry(config.base),
    });
    this.queue.on('error', (error: Error) => logger.warn({ err: error, queue: CHANNEL_QUEUE }, 'notice channels: queue error'));
  }

  async enqueue(deliveries: readonly StoredDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.queue.addBulk(
      deliveries.map(({ id, ...data }) => ({
        name: CHANNEL_JOB,
        data,
        opts: {
          jobId: id,
          attempts: this.config.channels.attempts,
          backoff: { type: 'exponential', delay: this.config.channels.backoffMs },
          removeOnComplete: { age: RETAIN_FINISHED_S },
          removeOnFail: { age: RETAIN_FINISHED_S },
        },
      })),
    );
  }

  /** Drops the job of a delivery about to be queued afresh (a failed job would otherwise keep its id). */
  async forget(id: string): Promise<void> {
    await this.queue.remove(id);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
