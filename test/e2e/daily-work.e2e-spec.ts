import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { draftArticle, signInCast, signOff } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/** Daily work over HTTP (issue #12): notices, 批量审批, the last return on the document, 删除草稿, task lists, the approval sheet, preview. */
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

  it('shows the drafter the last return on the document itself: who, when, why, which level', async () => {
    const document = await pendingL1();
    const returned = await cast.head.post(`/api/v1/documents/${document.id}/return`, { version: document.version, reason: '请补充发文依据', to: 'drafter' });
    expect(returned.status).toBe(200);
    const view = await waitFor(
      async () => {
        const response = await cast.drafter.get(`/api/v1/documents/${document.id}`);
        return response.body.status === 'draft' && response.body.lastReturn ? response.body : undefined;
      },
      { what: 'the returned document in drafting' },
    );
    expect(view.lastReturn).toMatchObject({ stage: 'review', level: 1, stageLabel: '科室负责人审核（一审）', reason: '请补充发文依据', byName: '李科长', version: document.version });
    expect(Date.parse(view.lastReturn.at)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('删除草稿: the author or the department head discards a never-published draft; it leaves every list, its year is free, the ledger keeps it', async () => {
    const year = 2031;
    const report = await cast.drafter.post('/api/v1/documents', { kind: 'annual_report', year });
    expect(report.status).toBe(201);
    const id = report.body.id as string;
    const second = await cast.drafter.post('/api/v1/documents', { kind: 'annual_report', year });
    expect(second.body.code).toBe('ANNUAL_REPORT.ALREADY_EXISTS');

    expect((await cast.drafter.post(`/api/v1/documents/${id}/discard`, { version: 1, reason: '   ' })).body.code).toBe('DOCUMENT.REASON_REQUIRED');
    expect((await cast.publisher.post(`/api/v1/documents/${id}/discard`, { version: 1, reason: '重复' })).status).toBe(404);
    const discarded = await cast.drafter.post(`/api/v1/documents/${id}/discard`, { version: 1, reason: '误建，重新起草' });
    expect(discarded.status, JSON.stringify(discarded.body)).toBe(200);
    expect(discarded.body.status).toBe('discarded');

    expect((await cast.drafter.get(`/api/v1/documents/${id}`)).status).toBe(404);
    const listed = (await cast.drafter.get(`/api/v1/documents?kind=annual_report&year=${year}`)).body.items as { id: string }[];
    expect(listed.map((item) => item.id)).not.toContain(id);
    const again = await cast.drafter.post('/api/v1/documents', { kind: 'annual_report', year });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const ledger = await waitFor(
      async () => {
        const response = await cast.auditor.get(`/api/v1/documents/${id}/audit`);
        const types = ((response.body.entries ?? []) as { eventType: string; payload: { reason?: string } }[]).map((entry) => entry.eventType);
        return types.includes('document.discarded') ? response.body.entries : undefined;
      },
      { what: 'the discard in the ledger' },
    );
    expect(ledger.at(-1)).toMatchObject({ eventType: 'document.discarded', payload: { reason: '误建，重新起草' } });
    expect((await cast.auditor.get(`/api/v1/audit/verify?documentId=${id}`)).body).toMatchObject({ ok: true });

    // The department head may discard a draft of the department; a submitted one is not a draft.
    const byHead = await draftArticle(cast);
    expect((await cast.head.post(`/api/v1/documents/${byHead.id}/discard`, { version: byHead.version, reason: '不再需要' })).status).toBe(200);
    const submitted = await pendingL1();
    const refused = await cast.drafter.post(`/api/v1/documents/${submitted.id}/discard`, { version: submitted.version, reason: '不再需要' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('DOCUMENT.NOT_DISCARDABLE');
  });

  it('gives each role one task list with names, not ids, and counts for badges', async () => {
    const review = await pendingL1();
    const secrecy = await draftArticle(cast, '<p>联系人身份证号码11010519491231002X。</p>', '待办测试保密');
    const explain = await cast.drafter.post(`/api/v1/documents/${secrecy.id}/check`, {});
    const explanations = Object.fromEntries(
      (explain.body.findings as { key: string; severity: string }[]).filter((finding) => finding.severity === 'blocking').map((finding) => [finding.key, '公示需要']),
    );
    await signOff(cast, secrecy.id, secrecy.version, explanations);

    type Row = { kind: string; documentId: string; title: string; column: string | null; authorName: string; departmentName: string; level: number | null; dueAt: string | null; overdue: boolean; openFindings: { total: number; blocking: number } | null };
    const headTasks = (await cast.head.get('/api/v1/tasks')).body.items as Row[];
    expect(headTasks.find((row) => row.documentId === review.id)).toMatchObject({
      kind: 'review',
      level: 1,
      column: '通知公告',
      authorName: '张信息员',
      departmentName: '办公室',
      overdue: false,
      openFindings: { total: 0, blocking: 0 },
    });
    expect(headTasks.find((row) => row.documentId === review.id)?.dueAt).toEqual(expect.any(String));

    const officerTasks = await waitFor(
      async () => {
        const rows = (await cast.secrecyOfficer.get('/api/v1/tasks')).body.items as Row[];
        const row = rows.find((candidate) => candidate.documentId === secrecy.id);
        return row?.openFindings?.blocking ? rows : undefined;
      },
      { what: 'the secrecy task with its scan' },
    );
    expect(officerTasks.find((row) => row.documentId === secrecy.id)).toMatchObject({ kind: 'secrecy_review', title: secrecy.title, authorName: '张信息员', departmentName: '办公室' });
    // The drafts and review tasks of others are not the officer's.
    expect(officerTasks.some((row) => row.documentId === review.id)).toBe(false);

    const counts = (await cast.secrecyOfficer.get('/api/v1/tasks/counts')).body as { total: number; byKind: Record<string, number> };
    expect(counts.byKind.secrecy_review).toBeGreaterThanOrEqual(1);
    expect(counts.total).toBe(officerTasks.length);
    // The 三员 roles and a drafter have nothing waiting.
    for (const session of [cast.auditor, cast.drafter]) {
      const empty = await session.get('/api/v1/tasks');
      expect(empty.status).toBe(200);
      expect(empty.body.items).toEqual([]);
    }
  });

  it('信息发布审批单: 科室 and 栏目, a clean history, earlier returns, room to sign and seal, the current status; opens with the console’s cookie session', async () => {
    const first = await pendingL1();
    expect((await cast.head.post(`/api/v1/documents/${first.id}/return`, { version: 1, reason: '请补充发文依据', to: 'drafter' })).status).toBe(200);
    const revised = await cast.drafter.patch(`/api/v1/documents/${first.id}`, {
      version: 1,
      content: { title: `审批单测试 ${randomUUID().slice(0, 6)}`, column: 'tzgg', body: '<p>依据《条例》第二十条。</p>' },
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect((await cast.drafter.post(`/api/v1/documents/${first.id}/submit`, { version: 2 })).status).toBe(200);
    expect((await cast.head.post(`/api/v1/documents/${first.id}/approve`, { version: 2, comment: '同意' })).status).toBe(200);

    const sheet = (await cast.deputy.get(`/api/v1/documents/${first.id}/approval-sheet?format=json`)).body;
    expect(sheet).toMatchObject({ version: 2, status: 'pending_l2', departmentName: '办公室', column: '通知公告' });
    expect(sheet.earlierReturns).toEqual([expect.objectContaining({ version: 1, level: 1, decision: 'returned', opinion: '请补充发文依据' })]);

    // The console signs in with a cookie; the sheet opens in the browser without a bearer header.
    const login = await request(system.gatewayUrl).post('/api/v1/auth/login').send({ username: 'gx_deputy', password: system.demoPassword, cookie: true });
    expect(login.status).toBe(200);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
    const page = await request(system.gatewayUrl).get(`/api/v1/documents/${first.id}/approval-sheet`).set('Cookie', cookies);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<tr><th>科室</th><td>办公室</td></tr>');
    expect(page.text).toContain('此前版本的退回');
    expect(page.text).not.toContain('同意（同意）');
    expect(page.text).toContain('（盖章）');
  });

  it('previews a document exactly as the portal will show it, publishing nothing', async () => {
    const drafted = await draftArticle(cast, '<p>预览正文：请于<strong>12月15日</strong>前报送。</p>', '预览测试');
    const preview = await cast.drafter.get(`/api/v1/documents/${drafted.id}/preview`);
    expect(preview.status, preview.text.slice(0, 300)).toBe(200);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.text).toContain('<html lang="zh-CN">');
    expect(preview.text).toContain(drafted.title);
    expect(preview.text).toContain('<strong>12月15日</strong>');
    expect(preview.text).toContain('本页尚未发布');
    expect(preview.text).toContain('栏目：通知公告');
    // Nothing reached the portal.
    expect((await request(system.portalUrl).get(`/items/${drafted.id}`)).status).toBe(404);
    // An annual report previews in the national layout.
    const report = await cast.drafter.post('/api/v1/documents', { kind: 'annual_report', year: 2032 });
    const reportPreview = await cast.drafter.get(`/api/v1/documents/${report.body.id as string}/preview`);
    expect(reportPreview.status).toBe(200);
    expect(reportPreview.text).toContain('政府信息公开工作年度报告');
  });

  it('notifies the people each transition concerns, at once: in-app with read/unread, and live over server-sent events', async () => {
    // The department head listens before the drafter submits.
    const controller = new AbortController();
    const stream = await fetch(`${system.gatewayUrl}/api/v1/notifications/stream`, {
      headers: { Authorization: `Bearer ${cast.head.token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    let received = '';
    const drafted = await draftArticle(cast, '<p>通知测试正文。</p>', '通知测试');
    expect((await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version })).status).toBe(200);
    const deadline = Date.now() + 15_000;
    while (!received.includes(drafted.title) && Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
      if (chunk === null || chunk.done) break;
      received += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(received).toContain('event: unread');
    expect(received).toContain('event: notice');
    expect(received).toContain(`《${drafted.title}》待您科室负责人审核（一审）`);

    // The head approves; the deputy returns it: the drafter and the head (who signed) are told why.
    expect((await cast.head.post(`/api/v1/documents/${drafted.id}/approve`, { version: 1, comment: '同意' })).status).toBe(200);
    expect((await cast.deputy.post(`/api/v1/documents/${drafted.id}/return`, { version: 1, reason: '请补充依据', to: 'drafter' })).status).toBe(200);
    type Notice = { id: string; documentId: string; kind: string; message: string; readAt: string | null };
    const returnedFor = async (session: typeof cast.drafter): Promise<Notice | undefined> =>
      ((await session.get('/api/v1/notices')).body.items as Notice[]).find((notice) => notice.documentId === drafted.id && notice.kind === 'returned');
    const toDrafter = await waitFor(() => returnedFor(cast.drafter), { what: 'the return notice to the drafter' });
    expect(toDrafter.message).toContain('请补充依据');
    expect(await waitFor(() => returnedFor(cast.head), { what: 'the return notice to the head who signed' })).toBeDefined();
    // Whoever acted is not told of their own step.
    expect(await returnedFor(cast.deputy)).toBeUndefined();

    const before = (await cast.drafter.get('/api/v1/notices/unread-count')).body.count as number;
    expect(before).toBeGreaterThanOrEqual(1);
    const read = await cast.drafter.post('/api/v1/notices/read', { ids: [toDrafter.id] });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ updated: 1, unread: before - 1 });
    expect((await cast.drafter.get('/api/v1/notices?unread=true')).body.items.some((notice: Notice) => notice.id === toDrafter.id)).toBe(false);
    // Another person's notice cannot be marked read by someone else.
    expect((await cast.deputy.post('/api/v1/notices/read', { ids: [toDrafter.id] })).body.updated).toBe(0);
  });
});

