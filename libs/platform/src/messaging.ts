import { Inject, Injectable } from '@nestjs/common';
import type { FactoryProvider, OnApplicationBootstrap, OnApplicationShutdown, Type } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENT_PRODUCERS } from '@sanshen/contracts';
import { MessagingRuntime } from '@sanshen/messaging';
import type { EventHandlerDefinition, NewEvent } from '@sanshen/messaging';
import type { EventEnvelope } from '@sanshen/contracts';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { BASE_CONFIG } from './config.js';
import type { BaseConfig } from './config.js';
import { messagingLogger } from './logging.js';
import { NATS_CONNECTION } from './nats.js';
import { ROOT_LOGGER } from './tokens.js';

export const MESSAGING_RUNTIME = Symbol('MESSAGING_RUNTIME');

export interface MessagingProviderOptions {
  service: string;
  produces: boolean;
  handlers: Type<EventHandlerDefinition>[];
}

/** The service's event backbone, built from its handler classes (which Nest constructs with their deps). */
export function messagingProvider(options: MessagingProviderOptions): FactoryProvider<MessagingRuntime> {
  return {
    provide: MESSAGING_RUNTIME,
    inject: [DataSource, NATS_CONNECTION, BASE_CONFIG, ROOT_LOGGER, ...options.handlers],
    useFactory: (
      dataSource: DataSource,
      nc: NatsConnection,
      config: BaseConfig,
      logger: Logger,
      ...handlers: EventHandlerDefinition[]
    ) =>
      new MessagingRuntime(dataSource, nc, {
        namespace: config.namespace,
        service: options.service,
        produces: options.produces,
        handlers,
        replaySources: EVENT_PRODUCERS,
        streamReplicas: config.streamReplicas,
        logger: messagingLogger(logger),
      }),
  };
}

/** Starts the relay and consumers once the app is up; stops them before the connections close. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(MESSAGING_RUNTIME) private readonly runtime: MessagingRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/** What use cases use to emit events: in their transaction, then a nudge after commit. */
@Injectable()
export class EventOutbox {
  constructor(@Inject(MESSAGING_RUNTIME) private readonly runtime: MessagingRuntime) {}

  emit(manager: EntityManager, events: readonly NewEvent<unknown>[]): Promise<EventEnvelope[]> {
    return this.runtime.emit(manager, events);
  }

  /** Call after the transaction committed. */
  published(): void {
    this.runtime.afterCommit();
  }
}
