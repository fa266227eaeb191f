import { parseEnv } from '@sanshen/platform';
import { z } from 'zod';
import { parseAllowedHosts } from '../domain/channels/webhook-policy.js';

const channelsSchema = z
  .object({
    /** Hosts robot webhooks may point at (SSRF guard), comma-separated; default the vendors' hosts. */
    CHANNEL_ALLOWED_HOSTS: z.string().optional(),
    /** Attempts per outbound delivery before it is a dead letter. */
    CHANNEL_DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** First retry delay; each later one doubles (exponential backoff). */
    CHANNEL_RETRY_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
    /**
     * How often deliveries recorded but not yet in the queue (Redis was away) are put in it; one
     * queued this long ago and not finished is put in again (a no-op unless Redis lost it).
     */
    CHANNEL_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
    /** How long one POST to a robot or the SMS provider may take. */
    CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    /** `http`: the generic HTTP SMS provider below; `none`: SMS cannot be enabled. */
    SMS_PROVIDER: z.enum(['none', 'http']).default('none'),
    SMS_HTTP_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMS_HTTP_KEY_ID: z.string().min(1).default('sanshen'),
    SMS_HTTP_SECRET: z.string().min(16, 'SMS_HTTP_SECRET must be at least 16 characters').optional(),
    /** AES-256 key (64 hex characters) that seals the robots' webhook URLs and secrets in the database. */
    CHANNEL_SECRETS_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'CHANNEL_SECRETS_KEY must be 64 hex characters (openssl rand -hex 32)')
      .optional(),
    /** The 短信签名 used when an agency sets none. */
    SMS_SIGN_NAME: z.string().min(2).max(12).default('三审'),
  })
  .refine((env) => env.SMS_PROVIDER !== 'http' || (env.SMS_HTTP_URL !== undefined && env.SMS_HTTP_SECRET !== undefined), {
    path: ['SMS_HTTP_URL'],
    message: 'SMS_HTTP_URL and SMS_HTTP_SECRET are required when SMS_PROVIDER=http',
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

export interface HttpSmsConfig {
  url: string;
  keyId: string;
  secret: string;
}

/** Outbound notice channels (企业微信, 钉钉, SMS): system-wide settings from the environment. */
export interface ChannelsConfig {
  allowedHosts: string[];
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
  sweepIntervalMs: number;
  /** Null when no SMS provider is configured. */
  sms: HttpSmsConfig | null;
  smsSignName: string;
  /** Seals stored webhook URLs and secrets; null: stored as they are. */
  secretsKey: Buffer | null;
}

export function loadChannelsConfig(env: NodeJS.ProcessEnv): ChannelsConfig {
  const parsed = parseEnv(channelsSchema, env);
  return {
    allowedHosts: parseAllowedHosts(parsed.CHANNEL_ALLOWED_HOSTS),
    attempts: parsed.CHANNEL_DELIVERY_ATTEMPTS,
    backoffMs: parsed.CHANNEL_RETRY_BACKOFF_MS,
    timeoutMs: parsed.CHANNEL_TIMEOUT_MS,
    sweepIntervalMs: parsed.CHANNEL_SWEEP_INTERVAL_MS,
    sms:
      parsed.SMS_PROVIDER === 'http' && parsed.SMS_HTTP_URL !== undefined && parsed.SMS_HTTP_SECRET !== undefined
        ? { url: parsed.SMS_HTTP_URL, keyId: parsed.SMS_HTTP_KEY_ID, secret: parsed.SMS_HTTP_SECRET }
        : null,
    smsSignName: parsed.SMS_SIGN_NAME,
    secretsKey: parsed.CHANNEL_SECRETS_KEY === undefined ? null : Buffer.from(parsed.CHANNEL_SECRETS_KEY, 'hex'),
  };
}
