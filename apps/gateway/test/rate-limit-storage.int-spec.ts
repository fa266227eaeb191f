import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisThrottlerStorage } from '../src/adapters/rate-limit/redis-throttler-storage.js';
import { GatewayRedis } from '../src/adapters/redis/gateway-redis.js';
import type { GatewayConfig } from '../src/config/gateway.config.js';
import { waitFor } from '../../../test/support/wait-for.js';

const logger = pino({ level: 'silent' });

function gatewayRedis(redisUrl: string): GatewayRedis {
  const namespace = process.env.SANSHEN_TEST_NAMESPACE ?? '';
  return new GatewayRedis({ base: { redisUrl, namespace: { name: namespace } } } as GatewayConfig, logger);
}

/** The rate-limit counters on the real Redis: one window per key, a block past the limit, then a fresh window. */
describe('RedisThrottlerStorage', () => {
  const redis = gatewayRedis(process.env.REDIS_URL ?? '');
  const storage = new RedisThrottlerStorage(redis, logger);
  const unreachable = gatewayRedis('redis://127.0.0.1:1');
  afterAll(() => {
    redis.onApplicationShutdown();
    unreachable.onApplicationShutdown();
  });

  it('counts hits in a window, blocks past the limit for the block duration, then starts afresh', async () => {
    await waitFor(async () => redis.connection.status === 'ready', { what: 'Redis to be ready', timeoutMs: 10_000, intervalMs: 50 });
    const key = `ip:test-${randomBytes(3).toString('hex')}`;
    const hits = [];
    for (let i = 0; i < 4; i += 1) hits.push(await storage.increment(key, 60_000, 3, 1_000, 'sign-in'));
    expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
    expect(hits[0]?.timeToExpire).toBe(60);
    expect(hits[3]?.timeToBlockExpire).toBe(1);
    // Another throttler's counter for the same tracker is its own.
    expect((await storage.increment(key, 60_000, 3, 1_000, 'api')).isBlocked).toBe(false);

    await waitFor(async () => !(await storage.increment(key, 60_000, 3, 1_000, 'sign-in')).isBlocked, {
      what: 'the block to end',
      timeoutMs: 5_000,
      intervalMs: 250,
    });
    expect((await storage.increment(key, 60_000, 3, 1_000, 'sign-in')).totalHits).toBe(2);
    expect(await redis.connection.keys(`${redis.keyPrefix}:rate:sign-in:${key}:*`)).toEqual([`${redis.keyPrefix}:rate:sign-in:${key}:hits`]);
  });

  it('keeps counting when Redis has lost its scripts (a restart): the script is loaded again', async () => {
    await waitFor(async () => redis.connection.status === 'ready', { what: 'Redis to be ready', timeoutMs: 10_000, intervalMs: 50 });
    const key = `user:test-${randomBytes(3).toString('hex')}`;
    expect((await storage.increment(key, 60_000, 10, 1_000, 'api')).totalHits).toBe(1);
    await redis.connection.script('FLUSH');
    expect((await storage.increment(key, 60_000, 10, 1_000, 'api')).totalHits).toBe(2);
  });

  it('lets requests through when Redis cannot be reached, rather than failing the API', async () => {
    const record = await new RedisThrottlerStorage(unreachable, logger).increment('ip:test', 60_000, 1, 60_000, 'api');
    expect(record).toEqual({ totalHits: 0, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });
});
