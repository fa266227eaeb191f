/**
 * @sanshen/platform — the service kit, all of it. Each part is its own entry, and a service takes
 * the parts it composes:
 * - `@sanshen/platform/core`: CoreModule — config, logging, database, health, metrics, error filter, boot;
 * - `@sanshen/platform/rpc`: RpcModule — NATS, ServiceClient, signed requests, `@RpcPattern`;
 * - `@sanshen/platform/events`: EventsModule — the event backbone (libs/messaging), EventOutbox;
 * - `@sanshen/platform/queues`: QueuesModule — Redis and BullMQ.
 * This entry re-exports them all, so it reaches NATS: the portal (core only) never imports it
 * (eslint and test/architecture/import-graph.spec.ts refuse it).
 */
export * from './core/index.js';
export * from './rpc/index.js';
export * from './events/index.js';
export * from './queues/index.js';
