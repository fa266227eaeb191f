import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, databaseUrlFor } from '../support/env.js';
import { waitFor } from '../support/wait-for.js';
import { NODE, ROOT, freePort } from './support/system.js';

/** One service from its built bundle, alone, with exactly the environment given. */
function launch(app: string, env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(NODE, [`${ROOT}dist/apps/${app}/main.js`, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  children.push(child);
  return { child, output: () => output, exited };
}

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('configuration errors', () => {
  it('stops a service with two bad settings before it starts, with both in one JSON log line', async () => {
    const run = launch('drafting', {
      PORT: 'not-a-port',
      LOG_LEVEL: 'loud',
      INTERNAL_TOKEN_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });
    const code = await Promise.race([run.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    expect(code).not.toBe('timeout');
    expect(code).not.toBe(0);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? '') as { level: string; service: string; problems: { variable: string }[] };
    expect(report).toMatchObject({ level: 'fatal', service: 'drafting', code: 'CONFIG.INVALID' });
    expect(report.problems.map((entry) => entry.variable).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('reports the gateway’s own and base settings in the same line', async () => {
    const run = launch('gateway', { JWT_SECRET: 'short', PORT: '70000', SEED_DEMO: 'true' });
    expect(await run.exited).toBe(1);
    const report = JSON.parse(run.output().trim()) as { problems: { variable: string }[] };
    expect(report.problems.map((entry) => entry.variable).sort()).toEqual(['DEMO_PASSWORD', 'INTERNAL_TOKEN_SECRET', 'JWT_SECRET', 'PORT']);
  });
});

describe('liveness and readiness', () => {
  it('the portal is live and ready without NATS (it does not use it)', async () => {
    const port = await freePort();
    launch('portal', {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      SANSHEN_NAMESPACE: process.env.SANSHEN_NAMESPACE ?? '',
      // Nothing listens here: a NATS dependency would make the portal unready or stop it starting.
      NATS_URL: 'nats://127.0.0.1:1',
      PORTAL_PUSH_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
    });
    const base = `http://127.0.0.1:${port}`;
    const ready = await waitFor(
      async () => {
        const response = await fetch(`${base}/health/ready`).catch(() => null);
        return response?.ok ? ((await response.json()) as { details: Record<string, unknown> }) : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the portal to be ready' },
    );
    expect(Object.keys(ready.details)).toEqual(['postgres']);
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});

describe('the migration step of a release', () => {
  it('migrates each schema without starting the service (no NATS needed), once', async () => {
    // Named like the e2e systems' databases (sanshen_<run>_s…), so the run's teardown drops it.
    const name = `sanshen_${process.env.SANSHEN_NAMESPACE ?? ''}_smigrate`;
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const env = {
      DATABASE_URL: databaseUrlFor(name),
      NATS_URL: 'nats://127.0.0.1:1',
      INTERNAL_TOKEN_SECRET: randomBytes(32).toString('hex'),
      PORTAL_PUSH_SECRET: randomBytes(32).toString('hex'),
    };
    const migrate = async (app: string) => {
      const run = launch(app, env, ['migrate']);
      expect(await run.exited, `${app}: ${run.output()}`).toBe(0);
      const line = run.output().trim().split('\n').at(-1) ?? '';
      return JSON.parse(line) as { msg: string; schema: string; migrations: string[] };
    };
    for (const app of ['drafting', 'portal', 'gateway']) {
      const first = await migrate(app);
      expect(first.msg).toBe('migrated');
      expect(first.migrations.length, app).toBeGreaterThan(0);
      expect((await migrate(app)).migrations, app).toEqual([]);
    }
  });
});
