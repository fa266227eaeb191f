import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { RedisThrottlerStorage } from './redis-throttler-storage.js';
import { addressTracker, rateLimited, signInThrottler } from './rate-limits.js';

/**
 * The per-address sign-in limit for sign-in forms outside Nest's routing (the operators' console):
 * the same counter as the API's login, so switching doors gains nothing.
 */
@Injectable()
export class SignInRateLimit {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly storage: RedisThrottlerStorage,
  ) {}

  /** Counts one attempt from `ip`; REQUEST.RATE_LIMITED (with retryAfterSeconds) once over the limit. */
  async count(ip: string): Promise<void> {
    const { name, ttl, limit } = signInThrottler(this.config.rateLimits);
    const record = await this.storage.increment(addressTracker(ip), ttl, limit, ttl, name);
    if (record.isBlocked) throw rateLimited(record.timeToBlockExpire);
  }
}
