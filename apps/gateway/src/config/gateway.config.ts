import { collectConfig, loadBaseConfig, loadBlobStore, parseEnv } from '@sanshen/platform/core';
import type { BaseConfig, BlobStore } from '@sanshen/platform/core';
import { z } from 'zod';
import { loadChannelsConfig } from './channels.config.js';
import type { ChannelsConfig } from './channels.config.js';

const gatewaySchema = z.object({
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(3600).default(7 * 24 * 3600),
  /** Lifetime of the operators' console cookie (a working day by default). */
  OPS_SESSION_TTL_SECONDS: z.coerce.number().int().min(300).max(24 * 3600).default(8 * 3600),
  /** Requests per minute per signed-in user (per client address before sign-in), across the API. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  /**
   * Sign-in attempts per minute per client address (API and operators' console together). An agency
   * whose staff reach the gateway through one NAT address shares it: raise it for large agencies.
   */
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Seeds the demo agencies and users at boot (idempotent); DEMO_PASSWORD is then required. */
  SEED_DEMO: z.enum(['true', 'false']).default('false'),
  DEMO_PASSWORD: z.string().min(12).optional(),
  PORTAL_PUBLIC_URL: z.url().default('http://127.0.0.1:3100'),
  /** Largest attachment (附件) a drafter may upload, in bytes (default 20 MiB). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
}).refine((env) => env.SEED_DEMO !== 'true' || env.DEMO_PASSWORD !== undefined, {
  path: ['DEMO_PASSWORD'],
  message: 'required when SEED_DEMO=true',
  // Checked even when other variables are wrong, so one start reports them all.
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});

export interface GatewayConfig {
  base: BaseConfig;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  opsSessionTtlSeconds: number;
  rateLimits: RateLimitConfig;
  seedDemo: boolean;
  demoPassword: string | null;
  portalPublicUrl: string;
  channels: ChannelsConfig;
  /** Largest attachment accepted (bytes); larger uploads are 413 ATTACHMENT.TOO_LARGE, nothing stored. */
  attachmentMaxBytes: number;
  /** Where attachment bytes go (ATTACHMENT_STORE …): drafting and publication read the same store. */
  attachmentStore: BlobStore;
}

export interface RateLimitConfig {
  perMinute: number;
  signInPerMinute: number;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** The gateway's settings and the base ones, checked together: a ConfigurationError lists every problem. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const [base, parsed, channels, attachmentStore] = collectConfig(
    () => loadBaseConfig(env, 3000),
    () => parseEnv(gatewaySchema, env),
    () => loadChannelsConfig(env),
    () => loadBlobStore(env),
  );
  return {
    base,
    jwtSecret: parsed.JWT_SECRET,
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS,
    opsSessionTtlSeconds: parsed.OPS_SESSION_TTL_SECONDS,
    rateLimits: { perMinute: parsed.RATE_LIMIT_PER_MINUTE, signInPerMinute: parsed.SIGN_IN_RATE_LIMIT_PER_MINUTE },
    seedDemo: parsed.SEED_DEMO === 'true',
    demoPassword: parsed.DEMO_PASSWORD ?? null,
    portalPublicUrl: parsed.PORTAL_PUBLIC_URL,
    channels,
    attachmentMaxBytes: parsed.ATTACHMENT_MAX_BYTES,
    attachmentStore,
  };
}
