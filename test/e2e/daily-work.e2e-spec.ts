import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { draftArticle, signInCast } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/** Daily work of reviewers over HTTP (issue #12): 批量审批. */
describe('daily work', () => {
  let system: RunningSystem;
  let cast: Cast;

  beforeAll(async () => {
    system = await startSystem();
    cast = await signInCast(system);
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
  });

  async function pendingL1(): Promise<{ id: string; version: number }> {
    const drafted = await draftArticle(cast);
    const submitted = await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version });
    expect(submitted.status).toBe(200);
    await waitFor(
      async () => ((await cast.head.get('/api/v1/reviews/inbox')).body.items as { documentId: string }[]).some((item) => item.documentId === drafted.id) || undefined,
      { what: `the 一审 task of ${drafted.id}` },
    );
    return { id: drafted.id, version: drafted.version };
  }

  it('批量审批: approves several documents in one request, each under the usual checks, with a result per item', async () => {
    const first = await pendingL1();
    const second = await pendingL1();
    const stale = await pendingL1();
    const zwDocument = await (async () => {
      const zw = await signInCast(system, 'zw');
      return draftArticle(zw);
    })();
    const batch = await cast.head.post('/api/v1/reviews/batch-approve', {
      items: [
        { documentId: first.id, version: first.version },
        { documentId: zwDocument.id, version: 1 },
        { documentId: stale.id, version: stale.version + 1 },
        { documentId: second.id, version: second.version },
        { documentId: randomUUID(), version: 1 },
      ],
      comment: '同意',
    });
    expect(batch.status).toBe(200);
    const results = batch.body.results as { documentId: string; ok: boolean; decision?: { status: string }; error?: { code: string } }[];
    expect(results.map((result) => [result.documentId, result.ok, result.decision?.status ?? result.error?.code])).toEqual([
      [first.id, true, 'pending_l2'],
      [zwDocument.id, false, 'DOCUMENT.NOT_FOUND'],
      [stale.id, false, 'DOCUMENT.VERSION_CONFLICT'],
      [second.id, true, 'pending_l2'],
      [results[4]!.documentId, false, 'DOCUMENT.NOT_FOUND'],
    ]);
    // The approved ones moved on; the refused one still waits for the head.
    for (const id of [first.id, second.id]) {
      await waitFor(
        async () => ((await cast.deputy.get('/api/v1/reviews/inbox')).body.items as { documentId: string }[]).some((item) => item.documentId === id) || undefined,
        { what: `the 二审 task of ${id}` },
      );
    }
    const inbox = (await cast.head.get('/api/v1/reviews/inbox')).body.items as { documentId: string }[];
    expect(inbox.some((item) => item.documentId === stale.id)).toBe(true);
    // Someone without a review duty has nothing to approve.
    const byDrafter = await cast.drafter.post('/api/v1/reviews/batch-approve', { items: [{ documentId: first.id, version: 1 }] });
    expect(byDrafter.status).toBe(403);
    expect(byDrafter.body.code).toBe('REVIEW.NOT_A_REVIEWER');
    // Malformed batches are refused whole, before anything is decided.
    const empty = await cast.head.post('/api/v1/reviews/batch-approve', { items: [] });
    expect(empty.status).toBe(400);
    const tooMany = await cast.head.post('/api/v1/reviews/batch-approve', {
      items: Array.from({ length: 51 }, () => ({ documentId: randomUUID(), version: 1 })),
    });
    expect(tooMany.status).toBe(400);
  });
});
