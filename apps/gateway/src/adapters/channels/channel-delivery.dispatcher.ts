import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ROOT_LOGGER, scrapedGauge, within } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { ChannelDeliveryRepository } from '../../persistence/channel-delivery.repository.js';
import { ChannelDeliveryQueue } from './channel-delivery.queue.js';

/** Deliveries moved to the queue per round. */
const BATCH = 200;
/** A queued delivery not finished this long after it was queued is added again (a no-op unless Redis lost the job). */
const STALE_MS = 60_000;
/**
 * BullMQ waits for Redis rather than failing: a round gives up after this and leaves its deliveries
 * pending (the late add, if it lands, is the same job id: the next round's add is a no-op).
 */
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Moves recorded deliveries into the queue: at once after a notice's transaction commits, and every
 * CHANNEL_SWEEP_INTERVAL_MS for what Redis could not take then (or lost since). One round at a time;
 * a nudge during a round runs one more after it.
 */
@Injectable()
export class ChannelDeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  constructor(
    private readonly deliveries: ChannelDeliveryRepository,
    private readonly queue: ChannelDeliveryQueue,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    scrapedGauge('sanshen_notice_deliveries_pending', 'Outbound notice deliveries recorded and not yet in the queue (Redis away)', [], async () => [
      { value: await this.deliveries.backlog() },
    ]);
    this.timer = setInterval(() => this.nudge(), this.config.channels.sweepIntervalMs);
    this.timer.unref();
    this.nudge();
  }

  /** Asks for a round soon; never throws. */
  nudge(): void {
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.running = this.rounds().finally(() => {
      this.running = null;
    });
  }

  /** Waits for the round in progress, if any (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false;
      try {
        const due = await this.deliveries.due(STALE_MS, BATCH);
        const queued = this.queue.enqueue(due);
        queued.catch(() => undefined);
        await within(ENQUEUE_TIMEOUT_MS, queued);
        await this.deliveries.markQueued(due.map((delivery) => delivery.id));
        if (this.failing) this.logger.info('notice channels: deliveries queued again');
        this.failing = false;
        if (due.length === BATCH) this.again = true;
      } catch (error: unknown) {
        // Kept in PostgreSQL: the next sweep tries again. Logged once per outage, not per sweep.
        if (!this.failing) this.logger.warn({ err: error }, 'notice channels: deliveries not queued yet (kept, retried every sweep)');
        this.failing = true;
        return;
      }
    } while (this.again);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.idle();
  }
}
