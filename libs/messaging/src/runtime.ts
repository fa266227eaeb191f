import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@sanshen/contracts';
import { traceHeaders } from '@sanshen/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import { EventConsumerRunner } from './consumer.js';
import type { ConsumerRunnerOptions } from './consumer.js';
import { buildEnvelope } from './envelope.js';
import type { NewEvent } from './envelope.js';
import { AppliedEventsResponder, RecordedEvents, awaitApplied } from './hand-over.js';
import { ensureStream } from './jetstream.js';
import { appendToOutbox } from './outbox.js';
import { OutboxRelay } from './relay.js';
import type { RelayOptions } from './relay.js';
import { OutboxReplayResponder } from './replay.js';
import { silentLogger } from './types.js';
import { writeBehind } from './write-behind.js';
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
  private readonly recorded = new RecordedEvents();
  /** The transactions that wrote to the outbox: a consumer's commit nudges the relay only after one of these. */
  private readonly emittedIn = new WeakSet<EntityManager>();
  private readonly appliedResponder: AppliedEventsResponder;
  private consumerRunners: EventConsumerRunner[] = [];
  private streamCreated: number | null = null;
  private stopped = false;

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
    this.appliedResponder = new AppliedEventsResponder(
      dataSource,
      nc,
      options.namespace,
      options.service,
      () => this.consumerRunners,
      this.recorded,
      logger,
    );
  }

  get consumers(): readonly EventConsumerRunner[] {
    return this.consumerRunners;
  }

  /**
   * Starts the stream, the relay and replay responder, and one durable consumer per handler. Handlers
   * are given here, not at construction, so a handler may itself depend on what emits events.
   */
  async start(handlers: readonly EventHandlerDefinition[] = []): Promise<void> {
    this.stopped = false;
    await this.attachStream();
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
          onRecorded: (consumer, event, manager) => {
            this.recorded.notify(consumer, event);
            // A handler whose transaction emitted (a transition inside a consumer): publish now.
            if (this.emittedIn.has(manager)) this.afterCommit();
          },
          ...this.options.consumer,
        }),
    );
    for (const consumer of this.consumerRunners) await consumer.start();
    if (this.consumerRunners.length > 0) this.appliedResponder.start();
    void this.resyncOnReconnect().catch((error: unknown) => (this.options.logger ?? silentLogger).error({ err: error }, 'stream watch ended'));
  }

  /**
   * Makes sure the stream exists and republishes what a stream newer than our sent events lacks (NATS
   * restarted without its store, or a database restored from a backup after the stream was removed).
   * Returns whether the stream is another one than the one seen before.
   */
  private async attachStream(): Promise<boolean> {
    const { streamCreated } = await ensureStream(this.nc, this.options.namespace, this.options.streamReplicas ?? 1);
    await this.relay?.republishSentBefore(streamCreated);
    const changed = this.streamCreated !== null && this.streamCreated !== streamCreated.getTime();
    this.streamCreated = streamCreated.getTime();
    return changed;
  }

  /**
   * After every reconnect to NATS: the stream again, and when it is a new one (the server lost its
   * JetStream store) the durable consumers again, which went with it. Retried until it succeeds.
   */
  private async resyncOnReconnect(): Promise<void> {
    const logger = this.options.logger ?? silentLogger;
    for await (const status of this.nc.status()) {
      if (status.type !== 'reconnect') continue;
      for (let attempt = 1; !this.stopped && !this.nc.isClosed(); attempt += 1) {
        try {
          if (await this.attachStream()) {
            logger.warn({ stream: this.streamCreated }, 'event stream was made anew: recreating the durable consumers');
            for (const consumer of this.consumerRunners) {
              await consumer.stop();
              await consumer.start();
            }
          }
          break;
        } catch (error) {
          logger.warn({ err: error, attempt }, 'event stream not reachable after reconnect; retrying');
          await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
        }
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.appliedResponder.stop();
    for (const consumer of this.consumerRunners) await consumer.stop();
    await this.relay?.stop();
    await this.responder?.stop();
  }

  /**
   * Writes events to the outbox in the caller's transaction, sent behind (`writeBehind`): run that
   * transaction with `transactionBehindWrites` so a failed row's error is the caller's (any other
   * transaction's COMMIT fails all the same). Call `afterCommit()` once it has committed, so the
   * relay publishes at once.
   */
  emit(manager: EntityManager, events: readonly NewEvent<unknown>[]): Promise<EventEnvelope[]> {
    const envelopes = events.map((event) => buildEnvelope(this.options.service, event));
    // The step's trace context goes with each row: the relay continues the trace from it.
    const headers = traceHeaders();
    // Sent behind: the transaction's COMMIT confirms them (transactionBehindWrites), one round trip less.
    for (const envelope of envelopes) writeBehind(manager, appendToOutbox(manager, envelope, headers));
    if (envelopes.length > 0) this.emittedIn.add(manager);
    return Promise.resolve(envelopes);
  }

  afterCommit(): void {
    this.relay?.nudge();
  }

  /**
   * After commit: publishes at once and waits, up to `waitMs`, until each event has been applied by
   * the services `targetsOf` names (each asked on `<service>.events.applied`). Returns, per event
   * id, the services that had not applied it in time (none: an empty list).
   */
  async handOver(
    events: readonly EventEnvelope[],
    targetsOf: (event: EventEnvelope) => readonly string[],
    waitMs: number,
  ): Promise<Map<string, string[]>> {
    this.afterCommit();
    const late = new Map<string, string[]>();
    if (waitMs <= 0) return late;
    const started = Date.now();
    for (const event of events) {
      const targets = targetsOf(event);
      if (targets.length === 0) continue;
      const missing = await awaitApplied(this.nc, this.options.namespace, targets, event, Math.max(0, waitMs - (Date.now() - started)));
      if (missing.length > 0) late.set(event.id, missing);
    }
    return late;
  }
}
