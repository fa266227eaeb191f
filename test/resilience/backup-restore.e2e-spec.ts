import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSanshenCli } from '../e2e/support/cli.js';
import { withDatabase } from '../e2e/support/database.js';
import { verifyLedgerNow } from '../e2e/support/ledger-verification.js';
import { signInCast } from '../e2e/support/publication-flow.js';
import type { Cast } from '../e2e/support/publication-flow.js';
import { startSystem } from '../e2e/support/system.js';
import type { RunningSystem } from '../e2e/support/system.js';
import { waitFor } from '../support/wait-for.js';
import { carryManyToPortal, carryOn } from './support/document-flow.js';
import { eventAccounts } from './support/event-accounts.js';
import { startOwnInfrastructure } from './support/infrastructure.js';
import type { OwnInfrastructure } from './support/infrastructure.js';

const DOCUMENTS = 40;
const TIMEOUT_MS = 120_000;

/**
 * Issue #17 point 9, the procedure of docs/operations.md#backup-and-restore: a pg_dump of the whole
 * database (every service's schema) taken while documents flow, restored into a fresh database; the
 * JetStream stream is removed and Redis starts empty (both are rebuilt, not restored); the services
 * start on the restored database. The ledger verifies end to end, and the outboxes and inboxes carry
 * on from the backup: every document then reaches the portal once, every event is in the ledger once.
 */
describe('backup and restore', () => {
  let infra: OwnInfrastructure;
  let before: RunningSystem;
  let after: RunningSystem | undefined;

  beforeAll(async () => {
    infra = await startOwnInfrastructure();
    before = await startSystem({ LOG_LEVEL: 'warn' }, { infrastructure: infra });
  });

  afterAll(async () => {
    await before?.stop();
    await after?.stop();
    await infra?.stop();
  });

  it('restores a backup taken while documents flow, and the system carries on from it', async () => {
    const database = new URL(before.databaseUrl).pathname.slice(1);
    const dump = `${infra.dir}/sanshen.dump`;
    let published = 0;
    const flow = carryManyToPortal(await signInCast(before), { count: DOCUMENTS, concurrency: 6, timeoutMs: TIMEOUT_MS, progress: (n) => (published = n) });
    await waitFor(() => published >= 10, { timeoutMs: TIMEOUT_MS, intervalMs: 100, what: '10 documents published' });
    const dumpStarted = Date.now();
    await infra.pgTool('pg_dump', ['--format=custom', `--file=${dump}`, database]);
    const dumpMs = Date.now() - dumpStarted;
    await flow;
    await before.stop();

    // Restore into a fresh database; what JetStream and Redis hold is newer than the backup: rebuilt.
    const restored = `${database}_restored`;
    await infra.pgTool('createdb', [restored]);
    await infra.pgTool('pg_restore', ['--exit-on-error', `--dbname=${restored}`, dump]);
    // The operator's step: the image's command line removes the stream (docs/operations.md).
    const removed = await runSanshenCli({ NATS_URL: infra.natsUrl, SANSHEN_NAMESPACE: before.namespace }, ['stream:remove']);
    expect(removed.status, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: true });
    await infra.restartRedis();
    const restoredUrl = infra.databaseUrl(restored);
    const documents = await withDatabase({ databaseUrl: restoredUrl }, async (client) => {
      const result = await client.query<{ id: string; version: number; status: string }>(`SELECT id, version, status FROM drafting.documents WHERE kind = 'article'`);
      return result.rows;
    });
    // The backup caught documents on their way: published ones and others still in review or publishing.
    expect(documents.filter((document) => document.status === 'published').length).toBeGreaterThan(0);
    expect(documents.filter((document) => document.status !== 'published').length).toBeGreaterThan(0);

    after = await startSystem({ LOG_LEVEL: 'warn' }, { infrastructure: infra, existing: { namespace: before.namespace, databaseUrl: restoredUrl } });
    const cast: Cast = await signInCast(after);
    // The ledger of the backup verifies end to end on the restored database.
    const verifiedAtStart = await verifyLedgerNow(cast.auditor);
    expect(verifiedAtStart).toMatchObject({ ok: true, mode: 'full' });
    expect(verifiedAtStart.checked).toBeGreaterThan(0);

    // Every document of the backup goes on from where it was, and new ones flow too.
    const carried = Promise.all(documents.map((document) => carryOn(cast, document.id, document.version, TIMEOUT_MS)));
    const fresh = carryManyToPortal(cast, { count: 5, concurrency: 2, timeoutMs: TIMEOUT_MS });
    const ids = [...documents.map((document) => document.id), ...(await fresh)];
    await carried;

    const accounts = await waitFor(
      async () => {
        const now = await eventAccounts(after as RunningSystem, ids);
        return now.unsent === 0 && now.missingFromLedger === 0 ? now : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'every event in the ledger' },
    );
    expect(accounts).toMatchObject({ ledgerEntries: accounts.events, violations: 0, deadLetters: 0 });
    expect([...accounts.pages.values()].every((n) => n === 1)).toBe(true);
    const verified = await verifyLedgerNow(cast.auditor);
    const entries = await withDatabase({ databaseUrl: restoredUrl }, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.ledger_entry')).rows[0]?.n);
    expect(verified).toMatchObject({ ok: true, mode: 'full', checked: entries, throughPosition: entries });
    console.info(`backup of ${documents.length} documents (pg_dump while they flowed): ${dumpMs} ms`);
  });
});
