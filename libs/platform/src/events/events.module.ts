import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { EventOutbox, MESSAGING_RUNTIME, messagingProviders } from './messaging.js';
import { DocumentTransition } from '@sanshen/messaging';
import type { MessagingProviderOptions } from './messaging.js';

/**
 * The service's part of the event backbone (libs/messaging, wired): its MessagingRuntime on the
 * service's DataSource (CoreModule) and the NATS connection (RpcModule, which it needs), started once
 * the app is up — the stream, the outbox relay and replay responder when the service `produces`, one
 * durable consumer per handler class — and stopped before the connections close; the event-backbone
 * metrics; EventOutbox for use cases. Handler classes are the app's providers (they use its use
 * cases): list them in the app module too.
 */
@Module({})
export class EventsModule {
  static forService(options: MessagingProviderOptions): DynamicModule {
    return {
      module: EventsModule,
      providers: messagingProviders(options),
      exports: [EventOutbox, MESSAGING_RUNTIME, DocumentTransition],
    };
  }
}
