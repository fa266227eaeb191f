import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../e2e/support/system.js';
import type { InfrastructureUrls } from '../../e2e/support/system.js';
import { waitFor } from '../../support/wait-for.js';

const run = promisify(execFile);

/**
 * PostgreSQL, NATS (JetStream) and Redis of one test file alone: own loopback ports and data
 * directories under /tmp, never the machine's shared servers, so a test may stop, restart and wipe
 * them. `stop()` removes everything; call it in `afterAll` (it is also run when the process exits).
 */
export interface OwnInfrastructure extends InfrastructureUrls {
  /**
   * `pg_ctl stop -m fast` (rolls back open transactions, closes every connection), `whileDown`, then
   * start again. Each restart runs `whileDown` (what the test looks at during the outage) in between.
   */
  restartPostgres(whileDown?: () => Promise<void>): Promise<void>;
  /** Stops NATS; starts it again with the JetStream store it had (`keepStore`) or with an empty one. */
  restartNats(options: { keepStore: boolean }, whileDown?: () => Promise<void>): Promise<void>;
  /** Stops Redis without saving (its data is lost) and starts an empty one on the same port. */
  restartRedis(whileDown?: () => Promise<void>): Promise<void>;
  /** Runs one of PostgreSQL's client programs (pg_dump, pg_restore …) of the server's own version. */
  pgTool(program: string, args: string[]): Promise<string>;
  /** A URL of `database` on this PostgreSQL. */
  databaseUrl(database: string): string;
  /** A scratch directory the PostgreSQL programs may write to (dump files). */
  dir: string;
  stop(): Promise<void>;
}

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').filter((name) => existsSync(`/usr/lib/postgresql/${name}/bin/initdb`));
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');
  return `/usr/lib/postgresql/${newest}/bin`;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function asPostgres(program: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Runs what the test looks at while a server is down, and starts the server again whatever happens. */
async function outage(whileDown: (() => Promise<void>) | undefined, start: () => Promise<void>): Promise<void> {
  try {
    await whileDown?.();
  } finally {
    await start();
  }
}

export async function startOwnInfrastructure(): Promise<OwnInfrastructure> {
  for (const program of ['nats-server', 'redis-server']) {
    await run('sh', ['-c', `command -v ${program}`]).catch(() => {
      throw new Error(`${program} is not installed: the resilience suite runs its own (scripts/infra/ensure.sh installs Debian's package)`);
    });
  }
  const root = mkdtempSync(join(tmpdir(), 'sanshen-infra-'));
  const [pgPort, natsPort, redisPort] = [await freePort(), await freePort(), await freePort()];
  const bin = postgresBin();
  const pgData = join(root, 'pg');
  const natsStore = join(root, 'nats');
  const children: { nats: ChildProcess | null; redis: ChildProcess | null } = { nats: null, redis: null };
  let pgRunning = false;

  const postgres = async (program: string, args: string[]): Promise<string> => {
    const [command, argv] = asPostgres(`${bin}/${program}`, args);
    const { stdout } = await run(command, argv, { cwd: '/tmp', maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  };
  const startPostgres = async (): Promise<void> => {
    await postgres('pg_ctl', [
      '-D', pgData, '-l', join(root, 'pg.log'), '-w', '-t', '60', 'start',
      '-o', `-p ${pgPort} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c max_connections=300`,
    ]);
    pgRunning = true;
  };
  const stopPostgres = async (mode: 'fast' | 'immediate'): Promise<void> => {
    if (!pgRunning) return;
    await postgres('pg_ctl', ['-D', pgData, '-m', mode, '-w', '-t', '60', 'stop']);
    pgRunning = false;
  };
  const startNats = async (): Promise<void> => {
    children.nats = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', natsStore], { stdio: 'ignore' });
    await waitFor(() => answers(natsPort), { timeoutMs: 30_000, what: 'own NATS to listen' });
  };
  const startRedis = async (): Promise<void> => {
    children.redis = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no', '--dir', root], {
      stdio: 'ignore',
    });
    await waitFor(() => answers(redisPort), { timeoutMs: 30_000, what: 'own Redis to listen' });
  };

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    await stopChild(children.nats);
    await stopChild(children.redis);
    await stopPostgres('immediate').catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  // A crashed test run must not leave servers behind: the children go with the test process.
  const killOnExit = (): void => {
    children.nats?.kill('SIGKILL');
    children.redis?.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  try {
    if (process.getuid?.() === 0) chownSync(root, Number((await run('id', ['-u', 'postgres'])).stdout), Number((await run('id', ['-g', 'postgres'])).stdout));
    await postgres('initdb', ['-D', pgData, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    await startPostgres();
    await startNats();
    await startRedis();
  } catch (error) {
    await stop();
    throw error;
  }

  const databaseUrl = (database: string): string => `postgres://postgres@127.0.0.1:${pgPort}/${database}`;
  return {
    pgAdminUrl: databaseUrl('postgres'),
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    databaseUrl,
    dir: root,
    restartPostgres: async (whileDown) => {
      await stopPostgres('fast');
      await outage(whileDown, startPostgres);
    },
    restartNats: async ({ keepStore }, whileDown) => {
      await stopChild(children.nats);
      if (!keepStore) rmSync(natsStore, { recursive: true, force: true });
      await outage(whileDown, startNats);
    },
    restartRedis: async (whileDown) => {
      await stopChild(children.redis);
      await outage(whileDown, startRedis);
    },
    pgTool: (program, args) => postgres(program, ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', ...args]),
    stop,
  };
}
