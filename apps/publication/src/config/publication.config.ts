import { parseEnv } from '@sanshen/platform/core';
import { z } from 'zod';

/** Where pushes go: the bundled portal by default; another CMS is another adapter named here. */
export const PORTAL_TARGETS = ['sanshen-portal'] as const;
export type PortalTargetName = (typeof PORTAL_TARGETS)[number];

const schema = z.object({
  PORTAL_PUSH_SECRET: z.string().min(32, 'at least 32 characters'),
  PORTAL_URL: z.url().default('http://127.0.0.1:3100'),
  PORTAL_TARGET: z.enum(PORTAL_TARGETS).default('sanshen-portal'),
  PUBLISH_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  PUBLISH_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
});

export interface PublicationConfig {
  /** HMAC key of the portal push signature (shared with the portal). */
  portalPushSecret: string;
  portalUrl: string;
  portalTarget: PortalTargetName;
  /** Push attempts per publication run (first try included). */
  publishAttempts: number;
  /** First retry delay; BullMQ doubles it per attempt (8 attempts at 30 s ≈ one hour). */
  publishBackoffMs: number;
}

export const PUBLICATION_CONFIG = Symbol('PUBLICATION_CONFIG');

/** The publication service's own variables, checked once at boot. */
export function loadPublicationConfig(env: NodeJS.ProcessEnv): PublicationConfig {
  const parsed = parseEnv(schema, env);
  return {
    portalPushSecret: parsed.PORTAL_PUSH_SECRET,
    portalUrl: parsed.PORTAL_URL.replace(/\/+$/, ''),
    portalTarget: parsed.PORTAL_TARGET,
    publishAttempts: parsed.PUBLISH_ATTEMPTS,
    publishBackoffMs: parsed.PUBLISH_BACKOFF_MS,
  };
}
