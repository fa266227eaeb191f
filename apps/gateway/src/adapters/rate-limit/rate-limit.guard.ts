import { Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/request-context.js';
import { addressTracker, rateLimited } from './rate-limits.js';

/**
 * @nestjs/throttler's guard, run after authentication: a signed-in user is counted as themself
 * (colleagues behind one agency NAT do not share a budget), anyone else by address. One counter per
 * tracker across all routes, not one per route; over the limit → 429 REQUEST.RATE_LIMITED with Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { sanshen, ip } = request as unknown as AuthenticatedRequest;
    return Promise.resolve(sanshen ? `user:${sanshen.actor.userId}` : addressTracker(ip));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  /** The error filter turns the refusal's retryAfterSeconds into `Retry-After`. */
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    return Promise.reject(rateLimited(detail.timeToBlockExpire));
  }
}
