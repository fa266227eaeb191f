import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { queuePrefix } from '@sanshen/contracts';
import { ROOT_LOGGER, queueTelemetry } from '@sanshen/platform';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { DeliverChannelMessageUseCase } from '../../use-cases/deliver-channel-message/deliver-channel-message.use-case.js';
import type { ChannelJobData } from '../../domain/channels/channel-delivery.js';
import { ChannelDeliveryRepository } from '../../persistence/channel-delivery.repository.js';
import { CHANNEL_QUEUE } from './channel-delivery.queue.js';

/**
 * The BullMQ worker of `notice-channels`: one send per job attempt. A failure throws so BullMQ retries
 * with exponential backoff; a permanent one (no provider, a host off the allow-list, a 4xx) throws
 * UnrecoverableError and goes straight to the dead letters. The delivery's record is finished on
 * success and on the last failure. Its own Redis connection (a worker blocks).
 */
@Injectable()
export class ChannelDeliveryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<ChannelJobData> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly deliver: DeliverChannelMessageUseCase,
    private readonly deliveries: ChannelDeliveryRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = new Redis(this.config.base.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (error: Error) => this.logger.warn({ err: error }, 'notice channels: Redis unavailable'));
    this.worker = new Worker<ChannelJobData>(CHANNEL_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: queuePrefix(this.config.base.namespace.name),
      concurrency: 4,
      ...queueTelemetry(this.config.base),
    });
    this.worker.on('error', (error: Error) => this.logger.warn({ err: error }, 'notice channels: worker error'));
  }

  private async process(job: Job<ChannelJobData>): Promise<{ skipped?: string }> {
    const id = job.id ?? '';
    const attempt = job.attemptsMade + 1;
    const outcome = await this.deliver.execute(id, job.data);
    if (outcome.ok) {
      const skipped = 'skipped' in outcome ? outcome.skipped : null;
      await this.record(id, { state: skipped === null ? 'delivered' : 'skipped', attempts: attempt, reason: skipped });
      return skipped === null ? {} : { skipped };
    }
    this.logger.warn({ jobId: id, channel: job.data.channel, attempt, reason: outcome.reason }, 'notice channels: delivery failed');
    const last = outcome.permanent || attempt >= (job.opts.attempts ?? 1);
    if (last) await this.record(id, { state: 'failed', attempts: attempt, reason: outcome.reason });
    if (outcome.permanent) throw new UnrecoverableError(outcome.reason);
    throw new Error(outcome.reason);
  }

  /** A record that cannot be finished now stays queued: the sweep adds the job again, a no-op while Redis keeps it. */
  private async record(id: string, outcome: Parameters<ChannelDeliveryRepository['finish']>[1]): Promise<void> {
    await this.deliveries.finish(id, outcome).catch((error: unknown) => {
      this.logger.warn({ err: error, jobId: id }, 'notice channels: delivery outcome not recorded');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }
}
