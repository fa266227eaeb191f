/**
 * @sanshen/platform/events — the event backbone in a service: EventsModule (libs/messaging's runtime
 * on the service's database and NATS, its lifecycle and metrics), EventOutbox for use cases, and the
 * transition guard use cases check a move with. Needs RpcModule (the NATS connection).
 */
export { EventsModule } from './events.module.js';
export { EventOutbox, MessagingLifecycle, MESSAGING_RUNTIME, messagingLogger } from './messaging.js';
export type { MessagingProviderOptions } from './messaging.js';
export { assertTransition } from './transition-guard.js';
