import { parseEnv } from '@sanshen/platform/core';
import { z } from 'zod';

const portalSchema = z.object({
  PORTAL_PUSH_SECRET: z.string({ error: 'required' }).min(32, 'at least 32 characters'),
  PORTAL_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:3100')
    .transform((url) => url.replace(/\/+$/, '')),
  PORTAL_SITE_NAME: z.string().min(1).default('政府信息公开'),
  /** Largest attachment accepted at PUT /api/attachments/<sha256> (bytes); at least the gateway's. */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  // Fault injection for the e2e fault tests only: never set in a deployment.
  PORTAL_TEST_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
});

export interface PortalConfig {
  /** The HMAC key shared with the publication service (or another sender). */
  pushSecret: string;
  /** Where the portal is reached from outside, without a trailing slash: receipts' URLs start with it. */
  publicUrl: string;
  siteName: string;
  attachmentMaxBytes: number;
  /**
   * Test-only fault injection: when set, the answer to a push is held back this long after the page
   * was stored (a slow portal; lets a fault test kill the sender mid-push, after the page exists).
   */
  testDelayMs: number | null;
}

export const PORTAL_CONFIG = Symbol('PORTAL_CONFIG');

/** The portal's own variables, checked once at boot. */
export function loadPortalConfig(env: NodeJS.ProcessEnv): PortalConfig {
  const parsed = parseEnv(portalSchema, env);
  return {
    pushSecret: parsed.PORTAL_PUSH_SECRET,
    publicUrl: parsed.PORTAL_PUBLIC_URL,
    siteName: parsed.PORTAL_SITE_NAME,
    attachmentMaxBytes: parsed.ATTACHMENT_MAX_BYTES,
    testDelayMs: parsed.PORTAL_TEST_DELAY_MS ?? null,
  };
}
