import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/** A valid 18-character 居民身份证号 (the GB 11643 example; check character X). */
const ID_NUMBER = '11010519491231002X';

interface FindingBody {
  id: string;
  type: string;
  severity: string;
  matched: string;
  disposition: { disposition: string; reason: string; byId: string } | null;
}

/**
 * 保密审查 over HTTP with every service a real process: an article carrying a citizen's ID number
 * passes 三审, the secrecy service scans the signed version, clearing is refused until the officer
 * dispositions the blocking finding, then it clears and publishes, with the disposition in the ledger.
 * And the dictionary the scan uses is data that admins change through the API, every change versioned.
 */
describe('secrecy review: findings, dispositions, decision, dictionary', () => {
  let system: RunningSystem;
  let drafter: Session;
  let head: Session;
  let deputy: Session;
  let principal: Session;
  let officer: Session;
  let admin: Session;
  let auditor: Session;

  beforeAll(async () => {
    system = await startSystem();
    [drafter, head, deputy, principal, officer, admin, auditor] = await Promise.all(
      ['gx_drafter', 'gx_dept_head', 'gx_deputy', 'gx_principal', 'gx_secrecy_officer', 'gx_admin', 'gx_auditor'].map((username) =>
        signIn(system, username),
      ),
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('holds an article with an ID number until the officer dispositions the finding, then clears and publishes it', async () => {
    const title = `关于公示补助对象名单的通知 ${randomUUID().slice(0, 8)}`;
    const created = await drafter.post('/api/v1/documents', {
      kind: 'article',
      title,
      column: 'tzgg',
      body: `<p>现将补助对象公示如下：张某，身份证号${ID_NUMBER}。</p>`,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    // The same check as secrecy's stops the submit until the drafter explains the ID number (issue #12 point 6).
    const unexplained = await drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 });
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.code).toBe('DOCUMENT.FINDINGS_UNEXPLAINED');
    const blocking = unexplained.body.details.findings as { key: string; type: string; matched: string }[];
    expect(blocking).toEqual([expect.objectContaining({ type: 'id_card_number', matched: ID_NUMBER })]);
    const check = await drafter.post(`/api/v1/documents/${id}/check`, {});
    expect((check.body.findings as { key: string }[]).map((finding) => finding.key)).toContain(blocking[0]!.key);
    const submitted = await drafter.post(`/api/v1/documents/${id}/submit`, {
      version: 1,
      findingExplanations: { [blocking[0]!.key]: '公示补助对象需要，已征得本人同意' },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    // Every reviewer (and the secrecy officer) sees the explanation on the document.
    const seen = await head.get(`/api/v1/documents/${id}`);
    expect(seen.body.findingExplanations).toEqual([
      expect.objectContaining({ key: blocking[0]!.key, type: 'id_card_number', explanation: '公示补助对象需要，已征得本人同意' }),
    ]);
    await waitFor(async () => {
      const inbox = await head.get('/api/v1/reviews/inbox');
      return inbox.body.items?.some((item: { documentId: string }) => item.documentId === id);
    }, { what: 'the 一审 task' });
    for (const reviewer of [head, deputy, principal]) {
      const approved = await reviewer.post(`/api/v1/documents/${id}/approve`, { version: 1, comment: '同意' });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    }

    const review = await waitFor(async () => {
      const response = await officer.get(`/api/v1/documents/${id}/secrecy`);
      return response.status === 200 && response.body.status === 'pending_secrecy' && response.body.scan ? response.body : undefined;
    }, { timeoutMs: 20_000, what: 'the scan of the signed version' });
    expect(review.scan).toMatchObject({ version: 1, contentHash: created.body.contentHash, dictionaryVersion: expect.any(Number) });
    const finding = (review.findings as FindingBody[]).find((item) => item.type === 'id_card_number');
    expect(finding).toMatchObject({ severity: 'blocking', matched: ID_NUMBER, disposition: null });
    expect(review.openBlockingFindings).toBe(1);

    const decide = () =>
      officer.post(`/api/v1/documents/${id}/secrecy/decision`, {
        version: 1,
        conclusion: 'public',
        basis: '《中华人民共和国保守国家秘密法》第三十五条；《中华人民共和国政府信息公开条例》第十七条',
        opinion: '经审查，不涉及国家秘密，同意公开。',
      });
    const refused = await decide();
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'SECRECY.BLOCKING_FINDINGS_OPEN', details: { findingIds: [finding!.id] } });
    expect(refused.body.message).toMatch(/阻断性/);

    const byReviewer = await principal.post(`/api/v1/documents/${id}/secrecy/findings/${finding!.id}`, { disposition: 'ignored', reason: '公示需要' });
    expect(byReviewer.status).toBe(403);
    const noReason = await officer.post(`/api/v1/documents/${id}/secrecy/findings/${finding!.id}`, { disposition: 'ignored' });
    expect(noReason.status).toBe(400);

    const reason = '依据补助公示规定须公示身份信息，已经主管领导确认';
    const disposed = await officer.post(`/api/v1/documents/${id}/secrecy/findings/${finding!.id}`, { disposition: 'ignored', reason });
    expect(disposed.status, JSON.stringify(disposed.body)).toBe(200);
    expect(disposed.body.disposition).toMatchObject({ disposition: 'ignored', reason, byId: officer.userId });

    const cleared = await decide();
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(201);
    expect(cleared.body).toMatchObject({ conclusion: 'public', version: 1, contentHash: created.body.contentHash, reviewerId: officer.userId });

    const publication = await waitFor(async () => {
      const response = await drafter.get(`/api/v1/documents/${id}/publication`);
      return response.status === 200 && response.body.receipt ? response.body : undefined;
    }, { timeoutMs: 30_000, what: 'the portal receipt' });
    expect(publication.state).toBe('published');
    expect(publication.receipt.contentHash).toBe(created.body.contentHash);

    const expected = [
      'document.created',
      'document.submitted',
      'document.approved_l1',
      'document.approved_l2',
      'document.approved_l3',
      'document.secrecy.finding_disposed',
      'document.secrecy_cleared',
      'document.publish_started',
      'document.published',
    ];
    const timeline = await waitFor(async () => {
      const response = await auditor.get(`/api/v1/documents/${id}/audit`);
      return response.status === 200 && response.body.entries.length === expected.length ? response.body : undefined;
    }, { timeoutMs: 20_000, what: 'every event in the ledger' });
    const entries = timeline.entries as { eventType: string; sequence: number; violation: unknown; actor: { userId: string } }[];
    expect(entries.map((entry) => entry.eventType)).toEqual(expected);
    expect(entries.map((entry) => entry.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(entries.every((entry) => entry.violation === null)).toBe(true);
    expect(entries[5]?.actor.userId).toBe(officer.userId);

    const after = await officer.get(`/api/v1/documents/${id}/secrecy`);
    expect(after.body).toMatchObject({ openBlockingFindings: 0, decision: { id: cleared.body.id } });
  });

  it('lets admins change the dictionary through the API, every change a new version with who and why', async () => {
    const denied = await drafter.get('/api/v1/dictionary/entries');
    expect(denied.status).toBe(403);
    const starter = await admin.get('/api/v1/dictionary/entries?q=保守国家秘密法');
    expect(starter.status).toBe(200);
    expect(starter.body.items).toContainEqual(expect.objectContaining({ wrong: '中华人民共和国保密法', right: '中华人民共和国保守国家秘密法' }));

    const wrong = `测试错词${randomUUID().slice(0, 6)}`;
    const byOfficer = await officer.post('/api/v1/dictionary/entries', { wrong, right: '测试正词', category: 'typo', reason: '试' });
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.code).toBe('DICTIONARY.ADMIN_ONLY');
    const added = await admin.post('/api/v1/dictionary/entries', { wrong, right: '测试正词', category: 'typo', severity: 'blocking', reason: '检查中发现的新错词' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);

    // Drafting's pre-check runs with its copy of the dictionary, which holds the new version once the change answered.
    const article = await drafter.post('/api/v1/documents', { kind: 'article', title: '词典生效测试', column: 'tzgg', body: `<p>本文含有${wrong}一词。</p>` });
    expect(article.status, JSON.stringify(article.body)).toBe(201);
    const checked = await drafter.post(`/api/v1/documents/${article.body.id as string}/check`, {});
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.dictionaryVersion).toBe(added.body.version);
    expect(checked.body.findings).toContainEqual(expect.objectContaining({ matched: wrong, suggestion: '测试正词', severity: 'blocking' }));
    const exception = await admin.post('/api/v1/dictionary/exceptions', { phrase: `例外短语${randomUUID().slice(0, 6)}`, reason: '专有名称' });
    expect(exception.status).toBe(201);
    expect(exception.body.version).toBe(added.body.version + 1);

    const removed = await request(system.gatewayUrl)
      .delete(`/api/v1/dictionary/entries/${added.body.id as string}`)
      .set({ Authorization: `Bearer ${admin.token}` })
      .send({ reason: '录入有误' });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ version: exception.body.version + 1, change: { op: 'remove', kind: 'entry' } });

    const versions = await officer.get('/api/v1/dictionary/versions?limit=3');
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((item: { version: number; reason: string; createdById: string }) => [item.version, item.reason, item.createdById])).toEqual([
      [removed.body.version, '录入有误', admin.userId],
      [exception.body.version, '专有名称', admin.userId],
      [added.body.version, '检查中发现的新错词', admin.userId],
    ]);
    expect((await admin.get(`/api/v1/dictionary/entries?q=${encodeURIComponent(wrong)}`)).body.items).toEqual([]);
    const rechecked = await drafter.post(`/api/v1/documents/${article.body.id as string}/check`, {});
    expect(rechecked.body.dictionaryVersion).toBe(removed.body.version);
    expect(rechecked.body.findings.map((finding: { matched: string }) => finding.matched)).not.toContain(wrong);
  });
});
