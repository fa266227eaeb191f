import { Inject, Injectable } from '@nestjs/common';
import type { FactoryProvider, OnApplicationBootstrap, OnApplicationShutdown, Provider, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { lifecycleTypeOf, streamName } from '@sanshen/contracts';
import type { EventEnvelope } from '@sanshen/contracts';
import { EVENT_PRODUCERS } from '@sanshen/kernel';
import { DocumentTransition, MessagingRuntime } from '@sanshen/messaging';
import type { EventHandlerDefinition, MessagingLogger, NewEvent } from '@sanshen/messaging';
import { handOverTargets } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { BASE_CONFIG } from '../core/config.js';
import type { BaseConfig } from '../core/config.js';
import { scrapedGauge } from '../core/metrics.js';
import type { GaugeSample } from '../core/metrics.js';
import { ROOT_LOGGER } from '../core/tokens.js';
import { NATS_CONNECTION } from '../rpc/nats.js';

export const MESSAGING_RUNTIME = Symbol('MESSAGING_RUNTIME');
const MESSAGING_HANDLERS = Symbol('MESSAGING_HANDLERS');

export interface MessagingProviderOptions {
  service: string;
  produces: boolean;
  handlers: Type<EventHandlerDefinition>[];
}

/** The messaging core's logger port, on pino. */
export function messagingLogger(logger: Logger): MessagingLogger {
  const child = logger.child({ component: 'messaging' });
  return {
    info: (obj, msg) => child.info(obj, msg),
    warn: (obj, msg) => child.warn(obj, msg),
    error: (obj, msg) => child.error(obj, msg),
    debug: (obj, msg) => child.debug(obj, msg),
  };
}

/** The service's MessagingRuntime (libs/messaging) on its DataSource and the shared NATS connection. */
function messagingRuntimeProvider(options: Omit<MessagingProviderOptions, 'handlers'>): FactoryProvider<MessagingRuntime> {
  return {
    provide: MESSAGING_RUNTIME,
    inject: [DataSource, NATS_CONNECTION, BASE_CONFIG, ROOT_LOGGER],
    useFactory: (dataSource: DataSource, nc: NatsConnection, config: BaseConfig, logger: Logger) =>
      new MessagingRuntime(dataSource, nc, {
        namespace: config.namespace,
        service: options.service,
        produces: options.produces,
        replaySources: EVENT_PRODUCERS,
        streamReplicas: config.streamReplicas,
        logger: messagingLogger(logger),
      }),
  };
}

/** The service's event backbone: runtime, lifecycle, EventOutbox and DocumentTransition (what EventsModule provides). */
export function messagingProviders(options: MessagingProviderOptions): Provider[] {
  return [
    { provide: MESSAGING_HANDLERS, useValue: options.handlers },
    MessagingLifecycle,
    EventOutbox,
    messagingRuntimeProvider(options),
    {
      provide: DocumentTransition,
      inject: [DataSource, EventOutbox],
      useFactory: (dataSource: DataSource, outbox: EventOutbox) => new DocumentTransition(dataSource, outbox),
    } satisfies FactoryProvider<DocumentTransition>,
  ];
}

/**
 * Starts the relay and consumers once the app is up (handlers resolved then, so they may depend on
 * EventOutbox); stops them before the connections close.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(MESSAGING_RUNTIME) private readonly runtime: MessagingRuntime,
    @Inject(MESSAGING_HANDLERS) private readonly handlerTypes: Type<EventHandlerDefinition>[],
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(BASE_CONFIG) private readonly config: BaseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.handlerTypes.map((type) => this.moduleRef.get(type, { strict: false }));
    await this.runtime.start(handlers);
    this.defineMetrics();
  }

  /** The event backbone as Prometheus sees it: outbox depth and relay lag, consumer lag, dead letters. */
  private defineMetrics(): void {
    if (this.runtime.relay !== null) this.defineOutboxMetrics();
    if (this.runtime.consumers.length > 0) this.defineConsumerMetrics();
  }

  private defineOutboxMetrics(): void {
    scrapedGauge('sanshen_outbox_pending_events', 'Events in the outbox not yet published to JetStream', [], async () => {
      const [row] = (await this.dataSource.query(`SELECT count(*)::int AS value FROM outbox WHERE sent_at IS NULL`)) as { value: number }[];
      return [{ value: row?.value ?? 0 }];
    });
    scrapedGauge('sanshen_outbox_oldest_pending_age_seconds', 'Age of the oldest unpublished outbox event: the relay lag', [], async () => {
      const [row] = (await this.dataSource.query(
        `SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS value FROM outbox WHERE sent_at IS NULL`,
      )) as { value: number }[];
      return [{ value: row?.value ?? 0 }];
    });
  }

  private defineConsumerMetrics(): void {
    scrapedGauge('sanshen_dead_letters', 'Events parked after repeated failures, by consumer', ['consumer'], async () => {
      const rows = (await this.dataSource.query(`SELECT consumer, count(*)::int AS count FROM dead_letter GROUP BY consumer`)) as {
        consumer: string;
        count: number;
      }[];
      const counts = new Map(this.runtime.consumers.map((consumer) => [consumer.consumerName, 0]));
      for (const row of rows) counts.set(row.consumer, row.count);
      return [...counts].map(([consumer, value]) => ({ labels: { consumer }, value }));
    });
    scrapedGauge(
      'sanshen_consumer_pending_messages',
      'Events in JetStream not yet handled by a durable consumer (pending + unacknowledged), by consumer',
      ['consumer'],
      async () => {
        const jsm = await jetstreamManager(this.nc);
        const stream = streamName(this.config.namespace);
        const samples: GaugeSample[] = [];
        for (const consumer of this.runtime.consumers) {
          const info = await jsm.consumers.info(stream, consumer.consumerName).catch(() => null);
          if (info !== null) samples.push({ labels: { consumer: consumer.consumerName }, value: info.num_pending + info.num_ack_pending });
        }
        return samples;
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/** What use cases use to emit events: in their transaction, then a nudge after commit. */
@Injectable()
export class EventOutbox {
  constructor(
    @Inject(MESSAGING_RUNTIME) private readonly runtime: MessagingRuntime,
    @Inject(BASE_CONFIG) private readonly config: BaseConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  emit(manager: EntityManager, events: readonly NewEvent<unknown>[]): Promise<EventEnvelope[]> {
    return this.runtime.emit(manager, events);
  }

  /** After the transaction committed: DocumentTransition calls it (a consumer's commit nudges by itself). */
  published(): void {
    this.runtime.afterCommit();
  }

  /**
   * Call after the transaction committed, instead of `published()`, in a step a person waits for:
   * publishes at once, then waits (bounded by HANDOVER_WAIT_MS) until the services that act or read
   * next (`handOverTargets`: the owner of the new state, the document read model) have applied each
   * lifecycle event, so the next actor finds the document where this step left it (`targets`, for an
   * event that is not a lifecycle event: the services to wait for). On the bound it
   * returns all the same (the step committed; the event still arrives) and logs which were late.
   */
  async handOver(events: readonly EventEnvelope[], targets?: readonly string[]): Promise<void> {
    const late = await this.runtime.handOver(events, (event) => targets ?? this.targetsOf(event), this.config.handOverWaitMs);
    for (const [eventId, services] of late) {
      const event = events.find((candidate) => candidate.id === eventId);
      this.logger.warn(
        { eventId, eventType: event?.type, documentId: event?.documentId, services, correlationId: event?.correlationId, waitMs: this.config.handOverWaitMs },
        'hand-over: next services had not applied the event in time; answering anyway',
      );
    }
  }

  private targetsOf(event: EventEnvelope): readonly string[] {
    const type = lifecycleTypeOf(event.type);
    return type === null ? [] : handOverTargets(type, event.producer);
  }
}
