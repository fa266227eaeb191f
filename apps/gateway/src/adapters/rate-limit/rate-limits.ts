import { SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp } from '@nestjs/throttler';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { DomainError } from '@sanshen/kernel';
import type { FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../../config/gateway.config.js';

/** Every API request, counted per signed-in user (per client address before sign-in). */
const API_THROTTLER = 'api';
/** Sign-in, counted per client address: password guessing across many usernames (lockout is per username). */
const SIGN_IN_THROTTLER = 'sign-in';
const RATE_WINDOW_MS = 60_000;

const SIGN_IN_ROUTE = 'sanshen:sign-in-route';
/** Probes and scrapes come from the platform at a steady rate; they are not clients of the API. */
const UNTHROTTLED_PATHS = ['/health', '/health/live', '/health/ready', '/metrics'];
const reflector = new Reflector();

/** Marks a route whose calls count against the per-address sign-in limit (besides the API limit). */
export const SignInRoute = (): MethodDecorator & ClassDecorator => SetMetadata(SIGN_IN_ROUTE, true);

/** The guard's options (the storage is the Redis one, provided under the throttler's storage token). */
export function throttlerOptions(config: RateLimitConfig): ThrottlerModuleOptions {
  return {
    skipIf: isUnthrottled,
    // Retry-After only, set with the refusal (the library would name it per throttler).
    setHeaders: false,
    throttlers: [
      { name: API_THROTTLER, ttl: RATE_WINDOW_MS, limit: config.perMinute },
      { ...signInThrottler(config), skipIf: (context) => !isSignInRoute(context) },
    ],
  };
}

/** The per-address sign-in limit: the guard's on `@SignInRoute` routes, and the console form's. */
export function signInThrottler(config: RateLimitConfig): { name: string; ttl: number; limit: number } {
  return { name: SIGN_IN_THROTTLER, ttl: RATE_WINDOW_MS, limit: config.signInPerMinute };
}

/** The refusal once over a limit; the error filter answers it with 429 and `Retry-After`. */
export function rateLimited(retryAfterSeconds: number): DomainError {
  return new DomainError('REQUEST.RATE_LIMITED', { retryAfterSeconds });
}

/** Whom a request is counted against before sign-in: its client address (an IPv6 /64 as one). */
export function addressTracker(ip: string): string {
  return `ip:${normalizeIp(ip)}`;
}

function isSignInRoute(context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean | undefined>(SIGN_IN_ROUTE, [context.getHandler(), context.getClass()]) === true;
}

function isUnthrottled(context: ExecutionContext): boolean {
  const path = (context.switchToHttp().getRequest<FastifyRequest>().url.split('?')[0] ?? '').replace(/\/+$/, '');
  return UNTHROTTLED_PATHS.includes(path);
}
