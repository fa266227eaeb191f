import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@sanshen/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { EventConsumerRunner } from './consumer.js';
import type { ConsumerRunnerOptions } from './consumer.js';
import { buildEnvelope } from './envelope.js';
import type { NewEvent } from './envelope.js';
import { ensureStream } from './jetstream.js';
import { appendToOutbox } from './outbox.js';
import { OutboxRelay } from './relay.js';
import type { RelayOptions } from './relay.js';
import { OutboxReplayResponder } from './replay.js';
import { silentLogger } from './types.js';
import type { EventHandlerDefinition, MessagingOptions } from './types.js';

export interface MessagingRuntimeOptions extends MessagingOptions {
  replaySources: readonly string[];
  /** Whether this service writes events (runs a relay and answers replays). */
  produces: boolean;
  consumer?: Partial<Pick<ConsumerRunnerOptions, 'baseRetryDelayMs' | 'ackWaitMs'>>;
  relay?: Partial<Pick<RelayOptions, 'afterPublish' | 'batchSize'>>;
}

/**
 * Everything one service needs of the event backbone: the stream, its outbox relay and replay
 * responder (producers), and one durable consumer per handler.
 */
export class MessagingRuntime {
  readonly relay: OutboxRelay | null;
  private readonly responder: OutboxReplayResponder | null;
  private consumerRunners: EventConsumerRunner[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly nc: NatsConnection,
    private readonly options: MessagingRuntimeOptions,
  ) {
    const logger = options.logger ?? silentLogger;
    this.relay = options.produces
      ? new OutboxRelay(dataSource, nc, {
          namespace: options.namespace,
          service: options.service,
          logger,
          ...(options.relayIntervalMs === undefined ? {} : { intervalMs: options.relayIntervalMs }),
          ...(options.outboxRetentionMs === undefined ? {} : { retentionMs: options.outboxRetentionMs }),
          ...options.relay,
        })
      : null;
    this.responder = options.produces
      ? new OutboxReplayResponder(dataSource, nc, options.namespace, options.service, logger)
      : null;
  }

  get consumers(): readonly EventConsumerRunner[] {
    return this.consumerRunners;
  }

  /**
   * Starts the stream, the relay and replay responder, and one durable consumer per handler. Handlers
   * are given here, not at construction, so a handler may itself depend on what emits events.
   */
  async start(handlers: readonly EventHandlerDefinition[] = []): Promise<void> {
    await ensureStream(this.nc, this.options.namespace, this.options.streamReplicas ?? 1);
    this.responder?.start();
    this.relay?.start();
    const logger = this.options.logger ?? silentLogger;
    this.consumerRunners = handlers.map(
      (definition) =>
        new EventConsumerRunner(this.dataSource, this.nc, definition, {
          namespace: this.options.namespace,
          service: this.options.service,
          replaySources: this.options.replaySources,
          logger,
          ...this.options.consumer,
        }),
    );
    for (const consumer of this.consumerRunners) await consumer.start();
  }

  async stop(): Promise<void> {
    for (const consumer of this.consumerRunners) await consumer.stop();
    await this.relay?.stop();
    await this.responder?.stop();
  }

  /**
   * Writes events to the outbox in the caller's transaction. Call `afterCommit()` once the
   * transaction has committed, so the relay publishes at once.
   */
  async emit(manager: EntityManager, events: readonly NewEvent<unknown>[]): Promise<EventEnvelope[]> {
    const envelopes = events.map((event) => buildEnvelope(this.options.service, event));
    for (const envelope of envelopes) await appendToOutbox(manager, envelope);
    return envelopes;
  }

  afterCommit(): void {
    this.relay?.nudge();
  }
}
