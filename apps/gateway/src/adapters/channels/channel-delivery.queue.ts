import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { queuePrefix, QUEUES } from '@sanshen/contracts';
import { ROOT_LOGGER, queueTelemetry } from '@sanshen/platform';
import { Queue } from 'bullmq';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import type { ChannelKind } from '../../domain/channels/channel-kinds.js';
import { GatewayRedis } from '../redis/gateway-redis.js';

export const CHANNEL_QUEUE = QUEUES.noticeChannels;
const CHANNEL_JOB = 'deliver';

/** One delivery of one notice on one channel. No secret and no phone number: those are read at send time. */
export interface ChannelJobData {
  agencyId: string;
  eventId: string;
  documentId: string;
  channel: ChannelKind;
  userIds: string[];
  kind: string;
  title: string;
  message: string;
}

/** A delivery that used up its attempts (or failed for good): the dead-letter view. */
export interface FailedDeliveryView {
  id: string;
  channel: ChannelKind;
  documentId: string;
  title: string;
  kind: string;
  recipients: number;
  attemptsMade: number;
  reason: string | null;
  createdAt: string;
  failedAt: string | null;
}

const RETAIN_COMPLETED_S = 7 * 24 * 60 * 60;
const RETAIN_FAILED_S = 30 * 24 * 60 * 60;
/** How many failed jobs the dead-letter view reads at most (newest first) before it filters by agency. */
const FAILED_SCAN = 1000;

/** `<eventId>-<channel>` for a group post, `<eventId>-sms-<userId>` for a text: enqueueing twice is a no-op. */
export function channelJobId(data: Pick<ChannelJobData, 'eventId' | 'channel' | 'userIds'>): string {
  return data.channel === 'sms' ? `${data.eventId}-sms-${data.userIds[0] ?? ''}` : `${data.eventId}-${data.channel}`;
}

/**
 * The `notice-channels` queue, from the gateway's side that adds and inspects jobs: attempts with
 * exponential backoff; failed jobs are kept 30 days as the dead letters an agency admin can re-queue.
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

  async enqueue(deliveries: readonly ChannelJobData[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.queue.addBulk(
      deliveries.map((data) => ({
        name: CHANNEL_JOB,
        data,
        opts: {
          jobId: channelJobId(data),
          attempts: this.config.channels.attempts,
          backoff: { type: 'exponential', delay: this.config.channels.backoffMs },
          removeOnComplete: { age: RETAIN_COMPLETED_S },
          removeOnFail: { age: RETAIN_FAILED_S },
        },
      })),
    );
  }

  /** The agency's failed deliveries, newest first. */
  async failed(agencyId: string, limit: number): Promise<FailedDeliveryView[]> {
    const jobs = await this.queue.getFailed(0, FAILED_SCAN - 1);
    return jobs
      .filter((job): job is Job<ChannelJobData> => job !== undefined && job.data.agencyId === agencyId)
      .sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))
      .slice(0, limit)
      .map(failedView);
  }

  /** Puts an agency's failed delivery back in the queue with its attempts afresh. */
  async requeue(agencyId: string, id: string): Promise<'requeued' | 'not_found' | 'not_failed'> {
    const job = await this.queue.getJob(id);
    if (!job || job.data.agencyId !== agencyId) return 'not_found';
    if ((await job.getState()) !== 'failed') return 'not_failed';
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return 'requeued';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

function failedView(job: Job<ChannelJobData>): FailedDeliveryView {
  return {
    id: job.id ?? '',
    channel: job.data.channel,
    documentId: job.data.documentId,
    title: job.data.title,
    kind: job.data.kind,
    recipients: job.data.userIds.length,
    attemptsMade: job.attemptsMade,
    reason: job.failedReason ? job.failedReason.slice(0, 500) : null,
    createdAt: new Date(job.timestamp).toISOString(),
    failedAt: typeof job.finishedOn === 'number' ? new Date(job.finishedOn).toISOString() : null,
  };
}
