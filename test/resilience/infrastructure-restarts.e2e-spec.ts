import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedgerNow } from '../e2e/support/ledger-verification.js';
import { signInCast } from '../e2e/support/publication-flow.js';
import type { Cast } from '../e2e/support/publication-flow.js';
import { APPS, startSystem } from '../e2e/support/system.js';
import type { AppName, RunningSystem } from '../e2e/support/system.js';
import { waitFor } from '../support/wait-for.js';
import { carryManyToPortal } from './support/document-flow.js';
import { eventAccounts } from './support/event-accounts.js';
import { startOwnInfrastructure } from './support/infrastructure.js';
import type { OwnInfrastructure } from './support/infrastructure.js';

const DOCUMENTS = Number(process.env.RESILIENCE_DOCUMENTS ?? 200);

/** What an operator sees of one service while a server is away. */
interface Seen {
  ready: number;
  readyDetails: Record<string, { status: string }>;
  metrics: number;
}

/** An operator's probe gives up after 5 s (status 0), as Kubernetes' would. */
async function probe(url: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: '{}' };
  }
}

async function look(system: RunningSystem, app: AppName): Promise<Seen> {
  const base = `http://127.0.0.1:${system.ports[app]}`;
  const ready = await probe(`${base}/health/ready`);
  const body = JSON.parse(ready.body) as { details?: Record<string, { status: string }> };
  return { ready: ready.status, readyDetails: body.details ?? {}, metrics: (await probe(`${base}/metrics`)).status };
}

/**
 * Issue #17 point 11: the system runs on its own PostgreSQL, NATS and Redis, and while a few hundred
 * articles go from draft to the portal each server is restarted in turn — NATS keeping its JetStream
 * store, PostgreSQL with a fast shutdown, Redis losing its data, NATS losing its store. No service is
 * restarted: they reconnect by themselves, every article is published exactly once, no event is lost
 * or applied twice, and the ledger verifies.
 */
describe('the infrastructure fails while documents flow', () => {
  let infra: OwnInfrastructure;
  let system: RunningSystem;
  let cast: Cast;
  let pids: Partial<Record<AppName, number>>;

  beforeAll(async () => {
    infra = await startOwnInfrastructure();
    system = await startSystem({ LOG_LEVEL: 'warn' }, { infrastructure: infra });
    cast = await signInCast(system);
    pids = Object.fromEntries(APPS.map((app) => [app, system.pid(app)]));
  });

  afterAll(async () => {
    await system?.stop();
    await infra?.stop();
  });

  it('publishes every document exactly once through four server restarts, without restarting a service', async () => {
    let published = 0;
    const seen: Record<string, { during: Seen; api: { status: number; retryAfter?: string } }> = {};
    const atLeast = (n: number) => waitFor(() => published >= n, { timeoutMs: 120_000, intervalMs: 200, what: `${n} documents published` });
    const started = Date.now();
    const during = (label: string, app: AppName) => async () => {
      console.info(`${label} down at ${Math.round((Date.now() - started) / 1000)} s, ${published} published`);
      // Readiness follows the dependency within a probe or two; the API answers 503 with Retry-After.
      await waitFor(async () => (await probe(`http://127.0.0.1:${system.ports[app]}/health/ready`)).status === 503, {
        timeoutMs: 10_000,
        intervalMs: 100,
        what: `${app} not ready during ${label}`,
      });
      const api = await cast.drafter.get('/api/v1/documents?limit=1');
      seen[label] = { during: await look(system, app), api: { status: api.status, retryAfter: api.headers['retry-after'] as string | undefined } };
    };

    const flow = carryManyToPortal(cast, { count: DOCUMENTS, concurrency: 6, timeoutMs: 180_000, progress: (n) => (published = n) });
    const faults = (async () => {
      await atLeast(20);
      await infra.restartNats({ keepStore: true }, during('nats', 'drafting'));
      await atLeast(published + 20);
      await infra.restartPostgres(during('postgres', 'drafting'));
      await atLeast(published + 20);
      await infra.restartRedis(during('redis', 'publication'));
      await atLeast(published + 20);
      await infra.restartNats({ keepStore: false }, during('nats-store-lost', 'review'));
    })();
    const [ids] = await Promise.all([flow, faults]);
    console.info(`${DOCUMENTS} documents published in ${Math.round((Date.now() - started) / 1000)} s`);

    // The operator's view while each server was away.
    expect.soft(seen.postgres).toMatchObject({ during: { ready: 503, readyDetails: { postgres: { status: 'down' } }, metrics: 200 }, api: { status: 503, retryAfter: '5' } });
    expect.soft(seen.nats).toMatchObject({ during: { ready: 503, readyDetails: { nats: { status: 'down' } }, metrics: 200 }, api: { status: 503, retryAfter: '5' } });
    expect.soft(seen['nats-store-lost']?.during).toMatchObject({ ready: 503, readyDetails: { nats: { status: 'down' } } });
    // The gateway keeps serving without Redis (rate limits let requests through); publication is not ready.
    expect.soft(seen.redis).toMatchObject({ during: { ready: 503, readyDetails: { redis: { status: 'down' } } }, api: { status: 200 } });

    // Every service came back by itself: the same processes, all ready.
    expect(Object.fromEntries(APPS.map((app) => [app, system.pid(app)]))).toEqual(pids);
    for (const app of APPS) expect((await look(system, app)).ready).toBe(200);

    // Exactly once: every event sent and in the ledger once, none parked, one portal page per document.
    expect(new Set(ids).size).toBe(DOCUMENTS);
    const accounts = await waitFor(
      async () => {
        const now = await eventAccounts(system, ids);
        return now.unsent === 0 && now.missingFromLedger === 0 ? now : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'every event in the ledger' },
    );
    expect(accounts.events).toBeGreaterThanOrEqual(DOCUMENTS * 6);
    expect(accounts).toMatchObject({ ledgerEntries: accounts.events, violations: 0, deadLetters: 0 });
    expect([...accounts.pages.values()].every((n) => n === 1)).toBe(true);
    await expect(verifyLedgerNow(cast.auditor)).resolves.toMatchObject({ ok: true });
  }, 600_000);
});
