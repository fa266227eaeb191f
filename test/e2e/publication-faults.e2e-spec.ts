import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { portalPagesOf, publicationRowsOf } from './support/database.js';
import { clearSecrecy, draftArticle, feedItemsOf, ledgerTypes, signInCast, signOff, waitForPublication } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * Real process faults around a push: the publication service killed (SIGKILL) while the portal holds
 * the answer to a push it already stored, and the portal down while pushes are attempted. Whatever
 * happens, exactly one page per version, and one `published` in the ledger.
 */
describe('publication under faults', () => {
  let system: RunningSystem;
  let cast: Cast;

  beforeAll(async () => {
    system = await startSystem();
    cast = await signInCast(system);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('publishes exactly one page when the publication process is killed in the middle of a push', async () => {
    // A slow portal: it stores the page, then holds the answer back for 4 s.
    system.setEnv('portal', { PORTAL_TEST_DELAY_MS: '4000' });
    await system.restart('portal');

    const drafted = await draftArticle(cast, '<p>关于推进政务服务“一网通办”的实施意见。</p>');
    await signOff(cast, drafted.id, drafted.version);
    await clearSecrecy(cast, drafted.id, drafted.version);

    // The push reached the portal (the page is stored) and its answer is still held back: kill now.
    await waitFor(async () => (await portalPagesOf(system, drafted.id)).length === 1, { timeoutMs: 30_000, intervalMs: 50, what: 'the page to be stored' });
    await system.kill('publication', 'SIGKILL');
    // The receipt never arrived: the publication is still in flight.
    expect((await publicationRowsOf(system, drafted.id)).map((row) => row.state)).toEqual(['publishing']);

    await system.start('publication');
    const publication = await waitForPublication(
      cast.drafter,
      drafted.id,
      (p) => p.state === 'published',
      'the publication to finish after the restart',
      120_000,
    );

    const pages = await portalPagesOf(system, drafted.id);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.publication_id).toBe(publication.publicationId);
    expect(publication.receipt?.url).toBe(pages[0]!.url);
    const page = await request(publication.receipt!.url).get('');
    expect(page.status).toBe(200);
    expect(page.text).toContain('一网通办');
    expect(await feedItemsOf(system, drafted.id)).toHaveLength(1);

    const types = await waitFor(async () => {
      const seen = await ledgerTypes(cast, drafted.id);
      return seen.includes('document.published') ? seen : undefined;
    }, { timeoutMs: 20_000, what: 'published in the ledger' });
    expect(types.filter((type) => type === 'document.publish_started')).toHaveLength(1);
    expect(types.filter((type) => type === 'document.published')).toHaveLength(1);
    expect(types).not.toContain('document.publish_failed');

    system.setEnv('portal', { PORTAL_TEST_DELAY_MS: '0' });
    await system.restart('portal');
  });

  it('publishes once the portal is back after being down, with no duplicate page', async () => {
    await system.kill('portal', 'SIGTERM');
    const drafted = await draftArticle(cast, '<p>关于做好冬季安全生产工作的通知。</p>');
    await signOff(cast, drafted.id, drafted.version);
    await clearSecrecy(cast, drafted.id, drafted.version);

    // Pushes fail and are retried with backoff while the portal is down.
    const failing = await waitForPublication(
      cast.publisher,
      drafted.id,
      (p) => p.attempts.filter((attempt) => attempt.outcome === 'retrying').length >= 2,
      'two failed push attempts',
    );
    expect(failing.state).toBe('publishing');
    expect(failing.receipt).toBeNull();
    expect(await portalPagesOf(system, drafted.id)).toHaveLength(0);

    await system.start('portal');
    const publication = await waitForPublication(cast.publisher, drafted.id, (p) => p.state === 'published', 'the publication after the portal recovered', 90_000);
    expect(publication.attempts.at(-1)?.outcome).toBe('succeeded');
    expect(publication.attempts.filter((attempt) => attempt.outcome === 'retrying').length).toBeGreaterThanOrEqual(2);

    const pages = await portalPagesOf(system, drafted.id);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.publication_id).toBe(publication.publicationId);
    const page = await request(publication.receipt!.url).get('');
    expect(page.status).toBe(200);
    expect(page.text).toContain('冬季安全生产');

    const types = await waitFor(async () => {
      const seen = await ledgerTypes(cast, drafted.id);
      return seen.includes('document.published') ? seen : undefined;
    }, { timeoutMs: 20_000, what: 'published in the ledger' });
    expect(types.filter((type) => type === 'document.published')).toHaveLength(1);
    expect(types).not.toContain('document.publish_failed');
  });
});
