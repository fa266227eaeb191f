import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import { withDatabase } from './support/database.js';
import { verifyLedgerNow } from './support/ledger-verification.js';
import { publishArticle, signInCast } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The ledger as auditors use it: the period export, and a superuser's rewrite found by verification. */
describe('audit ledger: export and tamper evidence', () => {
  let system: RunningSystem;
  let cast: Cast;
  let documentId: string;

  beforeAll(async () => {
    system = await startSystem();
    cast = await signInCast(system);
    const published = await publishArticle(cast, '<p>关于公布行政事业性收费目录清单的通知。</p>');
    documentId = published.id;
    await waitFor(async () => {
      const response = await cast.auditor.get(`/api/v1/documents/${documentId}/audit`);
      return response.body.entries?.some((entry: { eventType: string }) => entry.eventType === 'document.published');
    }, { timeoutMs: 20_000, what: 'the publication in the ledger' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('exports a period as JSON Lines with a final digest line, for auditors only', async () => {
    const from = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const to = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const response = await cast.auditor.get(`/api/v1/audit/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const text = response.text;
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    const digestLine = JSON.parse(lines.at(-1)!) as { type: string; digest: string; count: number; lastHash: string };
    const entries = lines.slice(0, -1).map((line) => JSON.parse(line) as { type: string; documentId: string; eventType: string; position: number; canonical: string; prevHash: string; hash: string });
    expect(digestLine.type).toBe('digest');
    expect(digestLine.count).toBe(entries.length);
    expect(digestLine.digest).toBe(`sha256:${sha256(lines.slice(0, -1).map((line) => `${line}\n`).join(''))}`);
    expect(digestLine.lastHash).toBe(entries.at(-1)!.hash);

    const mine = entries.filter((entry) => entry.documentId === documentId);
    expect(mine.map((entry) => entry.eventType)).toEqual([
      'document.created',
      'document.submitted',
      'document.approved_l1',
      'document.approved_l2',
      'document.approved_l3',
      'document.secrecy_cleared',
      'document.publish_started',
      'document.published',
    ]);
    // Each line carries what was hashed: the chain can be checked from the export alone.
    for (const entry of mine) expect(entry.hash).toBe(sha256(entry.prevHash + entry.canonical));
    const positions = entries.map((entry) => entry.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const empty = await cast.auditor.get(`/api/v1/audit/export?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z`);
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.text.trim())).toMatchObject({ type: 'digest', count: 0, digest: `sha256:${sha256('')}` });

    const admin = await signIn(system, 'gx_admin');
    const byAdmin = await admin.get(`/api/v1/audit/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.code).toBe('AUDIT.FORBIDDEN');
    const byDrafter = await cast.drafter.get(`/api/v1/audit/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(byDrafter.status).toBe(403);
    const tooLong = await cast.auditor.get('/api/v1/audit/export?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('AUDIT.EXPORT_RANGE_INVALID');
    const missing = await cast.auditor.get('/api/v1/audit/export');
    expect(missing.status).toBe(400);
  });

  it('names exactly the entry a superuser rewrote in PostgreSQL', async () => {
    const before = await verifyLedgerNow(cast.auditor);
    expect(before).toMatchObject({ ok: true, mode: 'full', running: null });
    expect(before.throughPosition).toBe(before.headPosition);
    expect(before.ageSeconds).toBeGreaterThanOrEqual(0);

    const timeline = await cast.auditor.get(`/api/v1/documents/${documentId}/audit`);
    const target = (timeline.body.entries as { eventType: string; eventId: string; position: number }[]).find(
      (entry) => entry.eventType === 'document.approved_l2',
    )!;
    // A superuser bypasses the append-only trigger and rewrites the deputy's comment, text and all.
    await withDatabase(system, async (client) => {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      const updated = await client.query(
        `UPDATE audit.ledger_entry
            SET envelope = jsonb_set(envelope, '{payload,comment}', '"不同意"'),
                canonical = replace(canonical, '"comment":"同意"', '"comment":"不同意"')
          WHERE event_id = $1`,
        [target.eventId],
      );
      expect(updated.rowCount).toBe(1);
      await client.query('COMMIT');
    });

    // The background verification's last result is what the GET answers; an auditor asks for a run now.
    const global = await verifyLedgerNow(cast.auditor);
    expect(global.ok).toBe(false);
    expect(global.firstBroken).toMatchObject({ position: target.position, eventId: target.eventId, code: 'ENTRY_HASH_MISMATCH' });
    expect(global.checked).toBe(target.position - 1);
    expect(global.throughPosition).toBe(target.position - 1);

    const one = await cast.auditor.get(`/api/v1/audit/verify?documentId=${documentId}`);
    expect(one.body.ok).toBe(false);
    expect(one.body.firstBroken).toMatchObject({ position: target.position, eventId: target.eventId });

    // Put the row back (the e2e files of a run share the ledger): the chain verifies again.
    await withDatabase(system, async (client) => {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `UPDATE audit.ledger_entry
            SET envelope = jsonb_set(envelope, '{payload,comment}', '"同意"'),
                canonical = replace(canonical, '"comment":"不同意"', '"comment":"同意"')
          WHERE event_id = $1`,
        [target.eventId],
      );
      await client.query('COMMIT');
    });
    await expect(verifyLedgerNow(cast.auditor)).resolves.toMatchObject({ ok: true });
  });
});
