import { Inject, Injectable } from '@nestjs/common';
import type { FactoryProvider, OnApplicationBootstrap, OnApplicationShutdown, Provider, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENT_PRODUCERS, lifecycleTypeOf } from '@sanshen/contracts';
import { MessagingRuntime } from '@sanshen/messaging';
import type { EventHandlerDefinition, NewEvent } from '@sanshen/messaging';
import type { EventEnvelope } from '@sanshen/contracts';
import { handOverTargets } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { BASE_CONFIG } from './config.js';
import type { BaseConfig } from './config.js';
import { messagingLogger } from './logging.js';
import { NATS_CONNECTION } from './nats.js';
import { ROOT_LOGGER } from './tokens.js';

export const MESSAGING_RUNTIME = Symbol('MESSAGING_RUNTIME');
const MESSAGING_HANDLERS = Symbol('MESSAGING_HANDLERS');

export interface MessagingProviderOptions {
  service: string;
  produces: boolean;
  handlers: Type<EventHandlerDefinition>[];
}

/** The service's event backbone: runtime, lifecycle and EventOutbox. List the handler classes as providers too. */
export function messagingProvider(options: MessagingProviderOptions): Provider[] {
  return [
    { provide: MESSAGING_HANDLERS, useValue: options.handlers },
    MessagingLifecycle,
    EventOutbox,
    {
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
    } satisfies FactoryProvider<MessagingRuntime>,
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.handlerTypes.map((type) => this.moduleRef.get(type, { strict: false }));
    await this.runtime.start(handlers);
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

  /** Call after the transaction committed (background work: jobs, consumers). */
  published(): void {
    this.runtime.afterCommit();
  }

  /**
   * Call after the transaction committed, instead of `published()`, in a step a person waits for:
   * publishes at once, then waits (bounded by HANDOVER_WAIT_MS) until the services that act or read
   * next (`handOverTargets`: the owner of the new state, the document read model) have applied each
   * lifecycle event, so the next actor finds the document where this step left it. On the bound it
   * returns all the same (the step committed; the event still arrives) and logs which were late.
   */
  async handOver(events: readonly EventEnvelope[]): Promise<void> {
    const late = await this.runtime.handOver(events, (event) => this.targetsOf(event), this.config.handOverWaitMs);
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
