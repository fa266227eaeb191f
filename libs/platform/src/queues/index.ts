/**
 * @sanshen/platform/queues — BullMQ on Redis: QueuesModule (the connection, BullMQ's root, the
 * service's queues and their metrics, readiness, shutdown), and `closeRedis`, the one way a Redis
 * connection of ours is closed.
 */
export { QueuesModule, queueTelemetry } from './queues.module.js';
export type { QueuesOptions } from './queues.module.js';
export { REDIS_CONNECTION, closeRedis } from './redis.js';
export { remakeJobsNowAndAfterRedisLoss } from './redis-reconnect.js';
