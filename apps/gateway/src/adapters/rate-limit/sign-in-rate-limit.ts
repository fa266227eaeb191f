import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/contracts';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { RedisThrottlerStorage } from './redis-throttler-storage.js';
import { RATE_WINDOW_MS, SIGN_IN_THROTTLER, addressTracker } from './rate-limits.js';

/**
 * The per-address sign-in limit for sign-in forms outside Nest's routing (the operators' console):
 * the same counter as the API's login and refresh, so switching doors gains nothing.
 */
@Injectable()
export class SignInRateLimit {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly storage: RedisThrottlerStorage,
  ) {}

  /** Counts one attempt from `ip`; REQUEST.RATE_LIMITED (with retryAfterSeconds) once over the limit. */
  async count(ip: string): Promise<void> {
    const limit = this.config.rateLimits.signInPerMinute;
    const record = await this.storage.increment(addressTracker(ip), RATE_WINDOW_MS, limit, RATE_WINDOW_MS, SIGN_IN_THROTTLER);
    if (record.isBlocked) throw new DomainError('REQUEST.RATE_LIMITED', { retryAfterSeconds: record.timeToBlockExpire });
  }
}
