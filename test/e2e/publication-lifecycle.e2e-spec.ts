import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { portalPagesOf } from './support/database.js';
import {
  clearSecrecy,
  draftArticle,
  feedItemsOf,
  ledgerTypes,
  publishArticle,
  signInCast,
  signOff,
  waitForPublication,
} from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/** 定时发布, 撤稿 and 更正 through the real services, as the portal's visitors see them. */
describe('publication: schedule, retraction, correction', () => {
  let system: RunningSystem;
  let cast: Cast;

  beforeAll(async () => {
    system = await startSystem();
    cast = await signInCast(system);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('keeps a scheduled document off the portal until its time, then publishes it', async () => {
    const drafted = await draftArticle(cast, '<p>关于2026年元旦放假安排的通知。</p>');
    await signOff(cast, drafted.id, drafted.version);

    const soon = new Date(Date.now() + 30_000).toISOString();
    const byDrafter = await cast.drafter.post(`/api/v1/documents/${drafted.id}/schedule`, { version: drafted.version, publishAt: soon });
    expect(byDrafter.status).toBe(403);
    // Before clearance the document is not the publisher's to see (they read it once secrecy clears it).
    const byPublisher = await cast.publisher.post(`/api/v1/documents/${drafted.id}/schedule`, { version: drafted.version, publishAt: soon });
    expect(byPublisher.status).toBe(404);
    const past = await cast.principal.post(`/api/v1/documents/${drafted.id}/schedule`, {
      version: drafted.version,
      publishAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('PUBLICATION.SCHEDULE_INVALID');
    const stale = await cast.principal.post(`/api/v1/documents/${drafted.id}/schedule`, { version: drafted.version + 1, publishAt: soon });
    expect(stale.status).toBe(409);

    const scheduled = await cast.principal.post(`/api/v1/documents/${drafted.id}/schedule`, { version: drafted.version, publishAt: soon });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body).toMatchObject({ documentId: drafted.id, version: drafted.version, state: 'pending' });
    const publishAt = new Date(scheduled.body.publishAt as string);

    await clearSecrecy(cast, drafted.id, drafted.version);
    const waiting = await waitForPublication(cast.publisher, drafted.id, (p) => p.state === 'scheduled', 'the publication to wait for its time');
    expect(new Date(waiting.scheduledAt!).getTime()).toBe(publishAt.getTime());
    expect(waiting.receipt).toBeNull();
    // Not visible before its time: no page, nothing in the feed, the document still approved.
    const early = await request(system.portalUrl).get(`/items/${drafted.id}`);
    expect(early.status).toBe(404);
    expect(await feedItemsOf(system, drafted.id)).toHaveLength(0);
    expect(await portalPagesOf(system, drafted.id)).toHaveLength(0);
    expect((await cast.drafter.get(`/api/v1/documents/${drafted.id}`)).body.status).toBe('approved');
    expect(await ledgerTypes(cast, drafted.id)).not.toContain('document.publish_started');

    const published = await waitForPublication(cast.publisher, drafted.id, (p) => p.state === 'published', 'the scheduled publication', 60_000);
    expect(new Date(published.receipt!.publishedAt).getTime()).toBeGreaterThanOrEqual(publishAt.getTime());
    const page = await request(published.receipt!.url).get('');
    expect(page.status).toBe(200);
    expect(page.text).toContain('元旦放假安排');
    // Accessibility basics: the language, one h1, a skip link to the main content.
    expect(page.text).toContain('<html lang="zh-CN">');
    expect(page.text.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(page.text).toMatch(/<a class="skip" href="#main">/);
    expect(page.text).toMatch(/id="main"/);
    const sitemap = await request(system.portalUrl).get('/sitemap.xml');
    expect(sitemap.status).toBe(200);
    expect(sitemap.text).toContain(`<loc>${published.receipt!.url}</loc>`);

    const entries = await waitFor(async () => {
      const response = await cast.auditor.get(`/api/v1/documents/${drafted.id}/audit`);
      const list = response.body.entries as { eventType: string; occurredAt: string; payload: { scheduledAt?: string }; violation: string | null }[];
      return list?.some((entry) => entry.eventType === 'document.published') ? list : undefined;
    }, { timeoutMs: 20_000, what: 'the ledger to record the publication' });
    const started = entries.find((entry) => entry.eventType === 'document.publish_started')!;
    expect(new Date(started.payload.scheduledAt!).getTime()).toBe(publishAt.getTime());
    expect(new Date(started.occurredAt).getTime()).toBeGreaterThanOrEqual(publishAt.getTime() - 1_000);
    expect(entries.every((entry) => entry.violation === null)).toBe(true);

    // Once published, there is nothing left to schedule.
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const again = await cast.principal.post(`/api/v1/documents/${drafted.id}/schedule`, { version: drafted.version, publishAt: later });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DOCUMENT.INVALID_TRANSITION');
  });

  it('retracts a published document on a publisher’s request and the principal’s authorization', async () => {
    const published = await publishArticle(cast, '<p>关于征集2026年民生实事项目的公告。</p>');
    const url = published.publication.receipt!.url;

    const notRequested = await cast.principal.post(`/api/v1/documents/${published.id}/retract/authorize`);
    expect(notRequested.status).toBe(409);
    expect(notRequested.body.code).toBe('PUBLICATION.RETRACTION_NOT_REQUESTED');
    const byDrafter = await cast.drafter.post(`/api/v1/documents/${published.id}/retract`, { reason: '内容有误' });
    expect(byDrafter.status).toBe(403);

    const reason = '公告中的征集截止日期有误，撤回后重新发布';
    const requested = await cast.publisher.post(`/api/v1/documents/${published.id}/retract`, { reason });
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    expect(requested.body.state).toBe('published');
    expect(requested.body.retraction).toMatchObject({ reason, requestedBy: cast.publisher.userId, authorizedBy: null });
    expect((await request(url).get('')).status).toBe(200);

    const selfAuthorized = await cast.publisher.post(`/api/v1/documents/${published.id}/retract/authorize`);
    expect(selfAuthorized.status).toBe(403);

    const authorized = await cast.principal.post(`/api/v1/documents/${published.id}/retract/authorize`);
    expect(authorized.status, JSON.stringify(authorized.body)).toBe(200);
    expect(authorized.body.state).toBe('retracted');
    expect(authorized.body.retraction).toMatchObject({ reason, requestedBy: cast.publisher.userId, authorizedBy: cast.principal.userId });

    const gone = await request(url).get('');
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('已撤稿');
    expect(gone.text).toContain(reason);
    expect(gone.text).not.toContain('民生实事项目的公告。');
    expect(await feedItemsOf(system, published.id)).toHaveLength(0);
    expect((await request(system.portalUrl).get('/sitemap.xml')).text).not.toContain(url);

    const entries = await waitFor(async () => {
      const response = await cast.auditor.get(`/api/v1/documents/${published.id}/audit`);
      const list = response.body.entries as { eventType: string; actor: { userId: string }; payload: Record<string, unknown>; violation: string | null }[];
      return list?.at(-1)?.eventType === 'document.retracted' ? list : undefined;
    }, { timeoutMs: 20_000, what: 'retracted in the ledger' });
    const retracted = entries.at(-1)!;
    expect(retracted.actor.userId).toBe(cast.principal.userId);
    expect(retracted.payload).toMatchObject({ reason, authorizedBy: cast.principal.userId, requestedBy: cast.publisher.userId });
    expect(entries.every((entry) => entry.violation === null)).toBe(true);
    await waitFor(async () => (await cast.drafter.get(`/api/v1/documents/${published.id}`)).body.status === 'retracted', {
      what: 'drafting to project the retraction',
    });

    const twice = await cast.principal.post(`/api/v1/documents/${published.id}/retract/authorize`);
    expect(twice.status).toBe(409);
  });

  it('corrects a published document: the new version replaces the page with a 更正说明, the old one stays in the ledger', async () => {
    const published = await publishArticle(cast, '<p>报名截止时间为12月1日。</p>');
    const url = published.publication.receipt!.url;

    // Editing a published page is not a PATCH: the answer says to start a correction.
    await waitFor(async () => ((await cast.drafter.get(`/api/v1/documents/${published.id}`)).body.status === 'published' ? true : undefined), {
      what: 'drafting to know the document is published',
    });
    const direct = await cast.drafter.patch(`/api/v1/documents/${published.id}`, {
      version: published.version,
      content: { title: published.title, column: 'tzgg', body: '<p>报名截止时间为12月5日。</p>' },
    });
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('DOCUMENT.CORRECTION_REQUIRED');

    const byPublisher = await cast.publisher.post(`/api/v1/documents/${published.id}/correction`, { reason: '截止时间有误' });
    expect(byPublisher.status).toBe(403);
    const reopened = await cast.drafter.post(`/api/v1/documents/${published.id}/correction`, { reason: '截止时间有误' });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body.correctionStartedAt).not.toBeNull();
    const twice = await cast.drafter.post(`/api/v1/documents/${published.id}/correction`, {});
    expect(twice.status).toBe(409);

    // Back with drafting, editable; the page stays live meanwhile.
    await waitFor(async () => (await cast.drafter.get(`/api/v1/documents/${published.id}`)).body.status === 'draft', {
      what: 'drafting to reopen the document',
    });
    expect((await request(url).get('')).text).toContain('12月1日');
    const revised = await cast.drafter.patch(`/api/v1/documents/${published.id}`, { version: 1, content: { body: '<p>报名截止时间为12月15日。</p>' } });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body.version).toBe(2);

    await signOff(cast, published.id, 2);
    await clearSecrecy(cast, published.id, 2);
    const corrected = await waitForPublication(cast.drafter, published.id, (p) => p.version === 2 && p.state === 'published', 'the corrected version');
    expect(corrected.receipt!.url).toBe(url);
    expect(corrected.receipt!.contentHash).toBe(revised.body.contentHash);

    const page = await request(url).get('');
    expect(page.status).toBe(200);
    expect(page.text).toContain('12月15日');
    expect(page.text).not.toContain('12月1日。');
    expect(page.text).toContain('更正说明');
    const pages = await portalPagesOf(system, published.id);
    expect(pages.map((row) => row.version)).toEqual([1, 2]);
    expect(pages[0]!.superseded_at).not.toBeNull();
    expect(pages[1]!.superseded_at).toBeNull();
    const feed = await feedItemsOf(system, published.id);
    expect(feed).toHaveLength(1);
    expect(feed[0]!._sanshen.version).toBe(2);

    const entries = await waitFor(async () => {
      const response = await cast.auditor.get(`/api/v1/documents/${published.id}/audit`);
      const list = response.body.entries as { eventType: string; payload: { version: number }; violation: string | null }[];
      return list?.filter((entry) => entry.eventType === 'document.published').length === 2 ? list : undefined;
    }, { timeoutMs: 20_000, what: 'both publications in the ledger' });
    expect(entries.filter((entry) => entry.eventType === 'document.published').map((entry) => entry.payload.version)).toEqual([1, 2]);
    const types = entries.map((entry) => entry.eventType);
    expect(types.indexOf('document.correction_started')).toBeGreaterThan(types.indexOf('document.published'));
    expect(types).toContain('document.revised');
    expect(entries.every((entry) => entry.violation === null)).toBe(true);
    const verify = await cast.auditor.get(`/api/v1/audit/verify?documentId=${published.id}`);
    expect(verify.body).toMatchObject({ ok: true, checked: entries.length });
  });
});
