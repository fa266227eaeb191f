/**
 * @sanshen/platform/events — the event backbone in a service: EventsModule (libs/messaging's runtime
 * on the service's database and NATS, its lifecycle and metrics), EventOutbox, and DocumentTransition,
 * the one home of a document's hand-over. Needs RpcModule (the NATS connection).
 */
export { EventsModule } from './events.module.js';
export { EventOutbox, MessagingLifecycle, MESSAGING_RUNTIME, messagingLogger } from './messaging.js';
export type { MessagingProviderOptions } from './messaging.js';
export { DocumentTransition } from '@sanshen/messaging';
