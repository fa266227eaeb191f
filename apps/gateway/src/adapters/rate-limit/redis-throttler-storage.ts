import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { GatewayRedis } from '../redis/gateway-redis.js';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key, shared by every gateway replica. KEYS: the window's hit counter and the
 * block marker; ARGV: window ms, limit, block ms. Going over the limit blocks the key for the block
 * duration and starts a fresh window after it. Returns hits, window ms left, blocked (0/1), block ms left.
 */
const INCREMENT = `
local blockedFor = redis.call('PTTL', KEYS[2])
if blockedFor > 0 then
  return {tonumber(ARGV[2]) + 1, blockedFor, 1, blockedFor}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowLeft = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return {hits, windowLeft, 1, tonumber(ARGV[3])}
end
return {hits, windowLeft, 0, 0}
`;

const INCREMENT_COMMAND = 'sanshenRateIncrement';

/**
 * @nestjs/throttler's storage on the gateway's Redis, so limits hold across replicas. When Redis is
 * unreachable the request is let through and a warning logged: rate limits protect the API, they must
 * not take it down (sign-in keeps its per-user lockout in PostgreSQL).
 *
 * Why not @nest-lab/throttler-storage-redis (1.2.0, measured against this Redis, issue #16): its peer
 * range stops at Nest 11 (npm refuses to install it beside Nest 12 without --legacy-peer-deps); a
 * blocked key keeps counting in its window, so when a 1 s block over a 60 s window ends the client is
 * blocked again at once (hits 5, blocked) where this storage starts a fresh window; its keys
 * (`{key:throttler}:hits`) carry no namespace; and it throws when Redis is down. Adopting it would
 * need an override of its peers plus a wrapper for the namespace and the outage, to get a different
 * block rule — more code of ours than this script.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  /**
   * The script as a command of the connection: sent by its SHA (EVALSHA) on every request after the
   * first, not as its whole text; ioredis loads it again when Redis has lost it (a restart).
   */
  private readonly incrementScript: (...args: (string | number)[]) => Promise<number[]>;

  constructor(
    private readonly redis: GatewayRedis,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    const connection = redis.connection as unknown as Redis & Record<typeof INCREMENT_COMMAND, (...args: (string | number)[]) => Promise<number[]>>;
    connection.defineCommand(INCREMENT_COMMAND, { numberOfKeys: 2, lua: INCREMENT });
    this.incrementScript = connection[INCREMENT_COMMAND].bind(connection);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.redis.keyPrefix}:rate:${throttlerName}:${key}`;
    try {
      const reply = await this.incrementScript(`${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration);
      const [totalHits = 0, windowLeft = ttl, blocked = 0, blockLeft = 0] = reply;
      return { totalHits, timeToExpire: toSeconds(windowLeft), isBlocked: blocked === 1, timeToBlockExpire: toSeconds(blockLeft) };
    } catch (error) {
      this.logger.warn({ err: error, throttler: throttlerName }, 'rate limit not checked: Redis unavailable');
      return { totalHits: 0, timeToExpire: toSeconds(ttl), isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

function toSeconds(milliseconds: number): number {
  return Math.max(0, Math.ceil(milliseconds / 1000));
}
