import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, bench, describe } from 'vitest';
import { RedisThrottlerStorage } from '../apps/gateway/src/adapters/rate-limit/redis-throttler-storage.js';
import { GatewayRedis } from '../apps/gateway/src/adapters/redis/gateway-redis.js';
import type { GatewayConfig } from '../apps/gateway/src/config/gateway.config.js';

/**
 * What the gateway's rate limit adds to every API request: one atomic script on Redis (the local
 * server at REDIS_URL, default 127.0.0.1:6379), in a namespace of its own, removed afterwards.
 */
const namespace = `bench_${randomBytes(3).toString('hex')}`;
const config = { base: { redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', namespace: { name: namespace } } } as GatewayConfig;
const redis = new GatewayRedis(config, pino({ level: 'silent' }));
const storage = new RedisThrottlerStorage(redis, pino({ level: 'warn' }));
const USERS = 1_000;

// The gateway's connection refuses commands until it is connected (and the storage then lets requests
// through): benchmark only once it is.
await new Promise<void>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`Redis at ${config.base.redisUrl} did not answer within 10 s (scripts/infra/ensure.sh starts it)`)), 10_000);
  redis.connection.once('ready', () => {
    clearTimeout(timer);
    resolve();
  });
});
let next = 0;

afterAll(async () => {
  const keys = await redis.connection.keys(`${redis.keyPrefix}:*`);
  if (keys.length > 0) await redis.connection.del(...keys);
  redis.onApplicationShutdown();
});

describe('rate limit: RedisThrottlerStorage.increment on local Redis', () => {
  bench('one user, under the limit', async () => {
    await storage.increment('user:bench', 60_000, 1_000_000_000, 60_000, 'api');
  });

  bench(`${USERS.toLocaleString('en')} users in turn`, async () => {
    next = (next + 1) % USERS;
    await storage.increment(`user:${next}`, 60_000, 1_000_000_000, 60_000, 'api');
  });

  bench('a blocked address (refusal path)', async () => {
    await storage.increment('ip:blocked', 60_000, 0, 60_000, 'sign-in');
  });
});
