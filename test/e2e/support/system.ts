import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_PG_ADMIN_URL } from '../../support/env.js';
import { waitFor } from '../../support/wait-for.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const NODE = `${ROOT}node_modules/.bin/node`;
/** Start order: the gateway last, it calls the others. */
export const APPS = ['drafting', 'review', 'secrecy', 'publication', 'audit', 'portal', 'gateway'] as const;
export type AppName = (typeof APPS)[number];

export interface RunningSystem {
  gatewayUrl: string;
  /** This system's own namespace and database (tests that reach into PostgreSQL or NATS use these). */
  namespace: string;
  databaseUrl: string;
  portalUrl: string;
  /** The HMAC key the portal checks pushes with (tests that push to the portal directly sign with it). */
  portalPushSecret: string;
  demoPassword: string;
  ports: Record<AppName, number>;
  /** Stops one service with a signal (fault tests) and starts it again with the same settings. */
  restart(app: AppName, signal?: NodeJS.Signals): Promise<void>;
  /** Stops one service with a signal and leaves it down (fault tests); `start` brings it back. */
  kill(app: AppName, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a service stopped with `kill`, with the same settings and port. */
  start(app: AppName): Promise<void>;
  /** Appends to the run's environment for services started from now on (e.g. after a `kill`). */
  setEnv(app: AppName, env: Record<string, string>): void;
  /** The process id of a running service (a test shows it was never restarted). */
  pid(app: AppName): number | undefined;
  stop(): Promise<void>;
}

/** Where the servers are: by default the test run's shared ones (test/support/env.ts). */
export interface InfrastructureUrls {
  pgAdminUrl: string;
  natsUrl: string;
  redisUrl: string;
}

export interface SystemOptions {
  /** Servers of the test's own (test/resilience/support/infrastructure.ts); default: the run's. */
  infrastructure?: InfrastructureUrls;
  /** Start on this existing database in this namespace (a restored backup) instead of a new one. */
  existing?: { namespace: string; databaseUrl: string };
  /** Extra Node flags for every service (the system benchmark's `--cpu-prof`). */
  nodeArgs?: readonly string[];
  /**
   * `--enable-source-maps` (default: on, for readable failures in tests). The system benchmark runs
   * as the image does, without: the maps of every loaded package cost each process about 20 MiB.
   */
  sourceMaps?: boolean;
}

/** A free port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function createDatabase(name: string, adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts every service as its own process from the built bundles (dist/), against the real
 * PostgreSQL, NATS and Redis, in this test run's namespace and database, on free loopback ports.
 */
export async function startSystem(overrides: Record<string, string> = {}, options: SystemOptions = {}): Promise<RunningSystem> {
  for (const app of APPS) {
    if (!existsSync(`${ROOT}dist/apps/${app}/main.js`)) {
      throw new Error(`dist/apps/${app}/main.js is missing: run \`nest build --all\` (scripts/test.sh does)`);
    }
  }
  const runNamespace = process.env.SANSHEN_NAMESPACE ?? '';
  if (runNamespace === '' && !options.existing) throw new Error('no test namespace: run through the e2e vitest project');
  const infrastructure = options.infrastructure ?? {
    pgAdminUrl: TEST_PG_ADMIN_URL,
    natsUrl: process.env.NATS_URL ?? '',
    redisUrl: process.env.REDIS_URL ?? '',
  };
  // Every system gets its own namespace and database, so e2e files never see each other's data.
  const namespace = options.existing?.namespace ?? `${runNamespace}_s${randomBytes(3).toString('hex')}`;
  const databaseUrl = options.existing?.databaseUrl ?? (await createDatabase(`sanshen_${namespace}`, infrastructure.pgAdminUrl));
  const ports = Object.fromEntries(await Promise.all(APPS.map(async (app) => [app, await freePort()]))) as Record<AppName, number>;
  const portalUrl = `http://127.0.0.1:${ports.portal}`;
  // Derived from the namespace, so a system restarted on the same database signs in with the same one.
  const demoPassword = `E2e-${createHash('sha256').update(`demo:${namespace}`).digest('base64url').slice(0, 12)}`;
  const portalPushSecret = randomBytes(32).toString('hex');
  const common: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    SANSHEN_NAMESPACE: namespace,
    DATABASE_URL: databaseUrl,
    NATS_URL: infrastructure.natsUrl,
    REDIS_URL: infrastructure.redisUrl,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORTAL_PUSH_SECRET: portalPushSecret,
    INTERNAL_TOKEN_SECRET: process.env.INTERNAL_TOKEN_SECRET ?? randomBytes(32).toString('hex'),
    PORTAL_URL: portalUrl,
    PORTAL_PUBLIC_URL: portalUrl,
    SEED_DEMO: 'true',
    DEMO_PASSWORD: demoPassword,
    PUBLISH_BACKOFF_MS: '500',
    // Tests sign in and poll far faster than people; rate-limits.e2e-spec sets its own low limits.
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000',
    // The services' shared attachment store; the portal keeps its own copy (below).
    ATTACHMENT_DIR: `${ROOT}.run/e2e-attachments/${namespace}/services`,
    ...overrides,
  };
  const logDir = `${ROOT}.run/e2e-logs/${namespace}`;
  mkdirSync(logDir, { recursive: true });
  const processes = new Map<AppName, ChildProcess>();
  const extraEnv = new Map<AppName, Record<string, string>>();

  const launch = async (app: AppName): Promise<void> => {
    const log = createWriteStream(`${logDir}/${app}.log`, { flags: 'a' });
    const child = spawn(NODE, [...(options.sourceMaps === false ? [] : ['--enable-source-maps']), ...(options.nodeArgs ?? []), `${ROOT}dist/apps/${app}/main.js`], {
      env: { ...common, ...(app === 'portal' ? { ATTACHMENT_DIR: `${ROOT}.run/e2e-attachments/${namespace}/portal` } : {}), ...extraEnv.get(app), PORT: String(ports[app]) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    processes.set(app, child);
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}; see ${logDir}/${app}.log`);
        return healthy(ports[app]);
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `${app} to be healthy` },
    );
  };

  const terminate = async (app: AppName, signal: NodeJS.Signals): Promise<void> => {
    const child = processes.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };

  try {
    for (const app of APPS) await launch(app);
  } catch (error) {
    for (const app of APPS) await terminate(app, 'SIGKILL');
    throw error;
  }

  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    namespace,
    databaseUrl,
    portalUrl,
    portalPushSecret,
    demoPassword,
    ports,
    restart: async (app, signal = 'SIGTERM') => {
      await terminate(app, signal);
      await launch(app);
    },
    kill: (app, signal = 'SIGTERM') => terminate(app, signal),
    start: (app) => launch(app),
    setEnv: (app, env) => {
      extraEnv.set(app, { ...extraEnv.get(app), ...env });
    },
    pid: (app) => processes.get(app)?.pid,
    stop: async () => {
      for (const app of [...APPS].reverse()) await terminate(app, 'SIGTERM');
    },
  };
}
