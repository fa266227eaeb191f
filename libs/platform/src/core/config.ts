import { isIP } from 'node:net';
import { isValidNamespace } from '@sanshen/contracts';
import type { Namespace } from '@sanshen/contracts';
import type { TracingConfig } from '@sanshen/telemetry';
import { z } from 'zod';

/*
 * Why not @nestjs/config: the configuration is needed before Nest exists and outside it — the
 * one-line fatal report must come before any logger or module (a bad PORT must not half-start a
 * service), Fastify's adapter takes HOST/PORT/TRUST_PROXY, and `migrate` and the gateway's command
 * line read it without starting the HTTP app. So each service parses its environment here, once,
 * with zod, into typed objects that the kit provides to Nest (BASE_CONFIG, the services' own tokens).
 * ConfigModule would only add a second, string-keyed view of the same variables (ConfigService.get),
 * .env loading we do not want in production, and validation that runs later; the package is not a
 * dependency.
 */

/** One invalid setting: the variable and what is wrong with it (never its value: it may be a secret). */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** Every problem of a service's configuration, gathered before failing (one report, not one per start). */
export class ConfigurationError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((entry) => `${entry.variable}: ${entry.problem}`).join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

const SECRET_PROBLEM = 'required: at least 32 characters, the same in every service';

function trustProxySetting() {
  return z
    .string()
    .default('loopback')
    .transform((value, context) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        for (const entry of error.problems) context.addIssue({ code: 'custom', message: entry.problem });
        return z.NEVER;
      }
    });
}

function baseSchema(defaultPort: number, internalRequests: boolean) {
  const secret = z.string({ error: SECRET_PROBLEM }).min(32, SECRET_PROBLEM);
  return z.object({
    SANSHEN_NAMESPACE: z.string().default('').refine(isValidNamespace, 'lowercase letters, digits and _ only'),
    DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/sanshen'),
    NATS_URL: z.string().default('nats://127.0.0.1:4222'),
    REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(1).max(65535).default(defaultPort),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
    INTERNAL_TOKEN_SECRET: internalRequests ? secret : secret.optional(),
    TRUST_PROXY: trustProxySetting(),
    HANDOVER_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(3000),
    ...tracingSchema(),
  });
}

/** An empty variable (`OTEL_EXPORTER_OTLP_ENDPOINT=` in a ConfigMap or .env) counts as unset. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema);

const OTLP_PROTOCOL = z.enum(['http/protobuf', 'http/json'], { error: 'http/protobuf or http/json (grpc is not supported)' });

/** The standard OpenTelemetry variables we read; the exporter itself reads OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT, _COMPRESSION. */
function tracingSchema() {
  return {
    OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
    OTEL_EXPORTER_OTLP_ENDPOINT: unsetWhenEmpty(z.url().optional()),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: unsetWhenEmpty(z.url().optional()),
    OTEL_EXPORTER_OTLP_PROTOCOL: OTLP_PROTOCOL.default('http/protobuf'),
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: OTLP_PROTOCOL.optional(),
    OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  };
}

type TracingEnv = z.output<z.ZodObject<ReturnType<typeof tracingSchema>>>;

/** Tracing is on when an OTLP endpoint is set (and the SDK not disabled): off by default. */
function tracingConfig(env: TracingEnv): TracingConfig | null {
  if (env.OTEL_SDK_DISABLED === 'true') return null;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`);
  if (tracesUrl === undefined) return null;
  return { tracesUrl, protocol: env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL, sampleRatio: env.OTEL_TRACES_SAMPLER_ARG };
}

export interface BaseConfig {
  namespace: Namespace;
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
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
  /** OpenTelemetry traces by OTLP/HTTP: null (the default) when no OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing: TracingConfig | null;
}

export interface BaseConfigOptions {
  /** The service sends or answers NATS requests, so INTERNAL_TOKEN_SECRET is required (default true). */
  internalRequests?: boolean;
}

export const BASE_CONFIG = Symbol('BASE_CONFIG');

/**
 * Reads and checks the environment once, at boot; bad values throw a ConfigurationError naming
 * every wrong variable. Nothing reads process.env after this.
 */
export function loadBaseConfig(env: NodeJS.ProcessEnv, defaultPort: number, options: BaseConfigOptions = {}): BaseConfig {
  const parsed = parseEnv(baseSchema(defaultPort, options.internalRequests ?? true), env);
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
    trustProxy: parsed.TRUST_PROXY,
    handOverWaitMs: parsed.HANDOVER_WAIT_MS,
    tracing: tracingConfig(parsed),
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
  const problem = (text: string) => new ConfigurationError([{ variable: 'TRUST_PROXY', problem: text }]);
  if (entries.length === 0) throw problem('empty (use false to trust no proxy)');
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (wrong.length > 0) throw problem(`not an address, CIDR or ${PROXY_NAMES.join('/')}: ${wrong.join(', ')}`);
  return entries;
}

/** Parses a service's own variables with its schema; throws a ConfigurationError listing every problem. */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => ({ variable: issue.path.join('.') || '(environment)', problem: issue.message })),
    );
  }
  return parsed.data;
}

/**
 * Reads the parts of one service's configuration (the base settings, its own) and reports the
 * problems of all of them together: one ConfigurationError, or every part's result in order.
 */
export function collectConfig<const T extends readonly unknown[]>(...readers: { [K in keyof T]: () => T[K] }): T {
  const problems: ConfigProblem[] = [];
  const results = readers.map((read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new ConfigurationError(problems);
  return results as unknown as T;
}

/** The one log line of a configuration that cannot start: JSON, every problem, no stack trace. */
export function configurationReport(service: string, error: ConfigurationError, now: Date = new Date()): string {
  return JSON.stringify({
    level: 'fatal',
    time: now.toISOString(),
    service,
    code: 'CONFIG.INVALID',
    msg: `invalid configuration: ${error.problems.map((entry) => entry.variable).join(', ')}`,
    problems: error.problems,
  });
}

/**
 * Loads a service's configuration at boot; when it is invalid, writes the one-line report to stderr
 * and exits with status 1 before anything starts.
 */
export function loadConfigOrExit<T>(service: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${configurationReport(service, error)}\n`);
    process.exit(1);
  }
}
