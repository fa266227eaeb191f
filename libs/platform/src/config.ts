import { isIP } from 'node:net';
import { isValidNamespace } from '@sanshen/contracts';
import type { Namespace } from '@sanshen/contracts';
import { z } from 'zod';

const baseSchema = z.object({
  SANSHEN_NAMESPACE: z.string().default('').refine(isValidNamespace, 'lowercase letters, digits and _ only'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/sanshen'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  INTERNAL_TOKEN_SECRET: z.string().min(32, 'INTERNAL_TOKEN_SECRET must be at least 32 characters').optional(),
  TRUST_PROXY: z.string().default('loopback'),
  HANDOVER_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(3000),
});

export interface BaseConfig {
  namespace: Namespace;
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof baseSchema>['LOG_LEVEL'];
  streamReplicas: number;
  /** HMAC key of service-to-service requests (signed actor); null only in a service that makes and answers none (the portal). */
  internalTokenSecret: string | null;
  /**
   * Whose X-Forwarded-For / -Proto / -Host to believe (Fastify's trustProxy): `false`, `true`, or
   * addresses and CIDRs (`loopback`, `uniquelocal`, `10.0.0.0/8`, …). The client address that rate
   * limits and logs use comes from here, so trust only your own proxies.
   */
  trustProxy: boolean | string[];
  /**
   * How long a step that hands a document to another service waits, after its commit, for that
   * service (and the document read model) to apply the event before it answers (0: no wait).
   */
  handOverWaitMs: number;
}

export interface BaseConfigOptions {
  /** The service sends or answers NATS requests, so INTERNAL_TOKEN_SECRET is required (default true). */
  internalRequests?: boolean;
}

export const BASE_CONFIG = Symbol('BASE_CONFIG');

/**
 * Reads and checks the environment once, at boot; a bad value stops the service with a message
 * naming the variable. Nothing reads process.env after this.
 */
export function loadBaseConfig(env: NodeJS.ProcessEnv, defaultPort: number, options: BaseConfigOptions = {}): BaseConfig {
  const parsed = parseEnv(baseSchema.extend({ PORT: z.coerce.number().int().min(1).max(65535).default(defaultPort) }), env);
  if ((options.internalRequests ?? true) && parsed.INTERNAL_TOKEN_SECRET === undefined) {
    throw new Error('Invalid configuration: INTERNAL_TOKEN_SECRET is required (at least 32 characters, the same in every service)');
  }
  return {
    namespace: { name: parsed.SANSHEN_NAMESPACE },
    databaseUrl: parsed.DATABASE_URL,
    natsUrl: parsed.NATS_URL,
    redisUrl: parsed.REDIS_URL,
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    streamReplicas: parsed.STREAM_REPLICAS,
    internalTokenSecret: parsed.INTERNAL_TOKEN_SECRET ?? null,
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    handOverWaitMs: parsed.HANDOVER_WAIT_MS,
  };
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** `true` / `false`, or a comma-separated list of addresses, CIDRs and proxy-addr names. */
export function parseTrustProxy(value: string): boolean | string[] {
  const trimmed = value.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  const entries = trimmed.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new Error('Invalid configuration: TRUST_PROXY is empty (use false to trust no proxy)');
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (wrong.length > 0) throw new Error(`Invalid configuration: TRUST_PROXY: not an address, CIDR or ${PROXY_NAMES.join('/')}: ${wrong.join(', ')}`);
  return entries;
}

/** Parses a service's own variables with its schema; fails fast with every problem listed. */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
