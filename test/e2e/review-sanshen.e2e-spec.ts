import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * 三审 against the real services (issue #4, points 5–12): separation of duties, races, return and
 * resubmission (unchanged: resumes; changed: starts again), 驳回上一级, delegation ("X 代 Y"),
 * reminders and escalation (one "working day" = 1 s here), and the 信息发布审批单.
 * Each test works in its own documents; tests that delegate use an agency no other test here uses
 * at the same time, and revoke what they granted.
 */

interface LedgerEntry {
  eventType: string;
  sequence: number;
  violation: string | null;
  actor: { userId: string; roles: string[]; onBehalfOf?: { userId: string; displayName: string } | null };
  payload: Record<string, unknown>;
}

type Team = Record<'drafter' | 'head' | 'deputy' | 'principal' | 'secrecy' | 'publisher' | 'auditor', Session>;

describe('三审 review: duties, races, returns, delegation, reminders, approval sheet', () => {
  let system: RunningSystem;
  const teams = {} as Record<'gx' | 'zw' | 'pp', Team>;

  beforeAll(async () => {
    system = await startSystem({ REVIEW_REMINDER_UNIT_MS: '1000', REVIEW_REMINDER_DAYS: '3', REVIEW_ESCALATION_DAYS: '6', REVIEW_REMINDER_SWEEP_MS: '500' });
    for (const code of ['gx', 'zw', 'pp'] as const) {
      const [drafter, head, deputy, principal, secrecy, publisher, auditor] = await Promise.all(
        ['drafter', 'dept_head', 'deputy', 'principal', 'secrecy_officer', 'publisher', 'auditor'].map((role) => signIn(system, `${code}_${role}`)),
      );
      teams[code] = { drafter: drafter!, head: head!, deputy: deputy!, principal: principal!, secrecy: secrecy!, publisher: publisher!, auditor: auditor! };
    }
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function submitArticle(team: Team, title = `审核测试 ${randomUUID().slice(0, 8)}`): Promise<{ id: string; contentHash: string }> {
    const created = await team.drafter.post('/api/v1/documents', { kind: 'article', title, column: 'gzdt', body: '<p>正文</p>' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const submitted = await team.drafter.post(`/api/v1/documents/${created.body.id}/submit`, { version: 1 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    await inInbox(team.head, created.body.id as string);
    return { id: created.body.id as string, contentHash: created.body.contentHash as string };
  }

  async function inInbox(session: Session, id: string, level?: number): Promise<Record<string, unknown>> {
    return waitFor(async () => {
      const inbox = await session.get('/api/v1/reviews/inbox');
      return (inbox.body.items as Record<string, unknown>[] | undefined)?.find(
        (item) => item.documentId === id && (level === undefined || item.level === level),
      );
    }, { what: `document ${id} in ${session.username}'s inbox${level ? ` at level ${level}` : ''}` });
  }

  async function approve(session: Session, id: string, version: number, expected: string): Promise<void> {
    const response = await session.post(`/api/v1/documents/${id}/approve`, { version, comment: '同意' });
    expect(response.status, `${session.username}: ${JSON.stringify(response.body)}`).toBe(200);
    expect(response.body.status).toBe(expected);
  }

  async function drafterSees(team: Team, id: string, status: string): Promise<Record<string, unknown>> {
    return waitFor(async () => {
      const response = await team.drafter.get(`/api/v1/documents/${id}`);
      return response.body.status === status ? (response.body as Record<string, unknown>) : undefined;
    }, { what: `drafting to show ${id} as ${status}` });
  }

  async function ledger(team: Team, id: string, count: number): Promise<LedgerEntry[]> {
    return waitFor(async () => {
      const response = await team.auditor.get(`/api/v1/documents/${id}/audit`);
      const entries = response.body.entries as LedgerEntry[] | undefined;
      return entries && entries.length >= count ? entries : undefined;
    }, { timeoutMs: 20_000, what: `${count} ledger entries of ${id}` });
  }

  async function delegate(from: Session, to: Session): Promise<string> {
    const now = Date.now();
    const response = await from.post('/api/v1/delegations', {
      toUserId: to.userId,
      from: new Date(now - 60_000).toISOString(),
      until: new Date(now + 3_600_000).toISOString(),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }

  async function revoke(from: Session, delegationId: string): Promise<void> {
    const response = await request(from, 'DELETE', `/api/v1/delegations/${delegationId}`);
    expect(response.status).toBe(200);
  }

  async function request(session: Session, method: 'DELETE', path: string) {
    const { default: supertest } = await import('supertest');
    return supertest(system.gatewayUrl).delete(path).set({ Authorization: `Bearer ${session.token}` }).send();
  }

  describe('separation of duties (gx)', () => {
    it('refuses the drafter’s signature on their own document even under a delegation: REVIEW.SELF_APPROVAL', async () => {
      const team = teams.gx;
      const { id } = await submitArticle(team);
      const delegationId = await delegate(team.head, team.drafter);
      try {
        const response = await team.drafter.post(`/api/v1/documents/${id}/approve`, { version: 1 });
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('REVIEW.SELF_APPROVAL');
        const inbox = await team.drafter.get('/api/v1/reviews/inbox');
        expect((inbox.body.items as { documentId: string }[]).map((item) => item.documentId)).not.toContain(id);
      } finally {
        await revoke(team.head, delegationId);
      }
    });

    it('lets one person sign at most one level of a version: REVIEW.ALREADY_SIGNED', async () => {
      const team = teams.gx;
      const { id } = await submitArticle(team);
      const delegationId = await delegate(team.deputy, team.head);
      try {
        await approve(team.head, id, 1, 'pending_l2');
        // The head now also holds the deputy's 二审 duty, but signed 一审 of this version already.
        await inInbox(team.head, id, 2);
        const second = await team.head.post(`/api/v1/documents/${id}/approve`, { version: 1 });
        expect(second.status).toBe(403);
        expect(second.body.code).toBe('REVIEW.ALREADY_SIGNED');
      } finally {
        await revoke(team.deputy, delegationId);
      }
      await approve(team.deputy, id, 1, 'pending_l3');
    });

    it('binds a signature to (document, version, content hash): a stale version is refused, a changed version is signed anew', async () => {
      const team = teams.gx;
      const { id, contentHash } = await submitArticle(team);
      const stale = await team.head.post(`/api/v1/documents/${id}/approve`, { version: 2 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('DOCUMENT.VERSION_CONFLICT');
      await approve(team.head, id, 1, 'pending_l2');
      const entries = await ledger(team, id, 3);
      expect(entries[2]).toMatchObject({ eventType: 'document.approved_l1', payload: { version: 1, contentHash } });
    });
  });

  describe('races (gx): exactly one wins, the other gets 409', () => {
    it('two reviewers approving the same task at once', async () => {
      const team = teams.gx;
      const { id } = await submitArticle(team);
      const delegationId = await delegate(team.head, team.publisher);
      try {
        await inInbox(team.publisher, id, 1);
        const responses = await Promise.all([
          team.head.post(`/api/v1/documents/${id}/approve`, { version: 1, level: 1 }),
          team.publisher.post(`/api/v1/documents/${id}/approve`, { version: 1, level: 1 }),
        ]);
        expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
        expect(responses.find((response) => response.status === 409)?.body.code).toBe('DOCUMENT.INVALID_TRANSITION');
      } finally {
        await revoke(team.head, delegationId);
      }
      const entries = await ledger(team, id, 3);
      expect(entries.filter((entry) => entry.eventType === 'document.approved_l1')).toHaveLength(1);
      expect(entries.every((entry) => entry.violation === null)).toBe(true);
    });

    it('two department heads of the same department approving at once (second head made through the admin API)', async () => {
      const team = teams.gx;
      const { id } = await submitArticle(team);
      const document = await team.drafter.get(`/api/v1/documents/${id}`);
      const admin = await signIn(system, 'gx_admin');
      const username = `gx_head_${randomUUID().slice(0, 8)}`;
      const made = await admin.post('/api/v1/users', {
        username,
        displayName: '钱副科长',
        departmentId: document.body.departmentId,
        password: system.demoPassword,
        roles: ['dept_head'],
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const secondHead = await signIn(system, username);
      await inInbox(secondHead, id, 1);
      const responses = await Promise.all([
        team.head.post(`/api/v1/documents/${id}/approve`, { version: 1 }),
        secondHead.post(`/api/v1/documents/${id}/approve`, { version: 1 }),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const entries = await ledger(team, id, 3);
      expect(entries.filter((entry) => entry.eventType === 'document.approved_l1')).toHaveLength(1);
    });

    it('a withdrawal racing an approval', async () => {
      const team = teams.gx;
      const { id } = await submitArticle(team);
      const [withdrawal, approval] = await Promise.all([
        team.drafter.post(`/api/v1/documents/${id}/withdraw`, { version: 1 }),
        team.head.post(`/api/v1/documents/${id}/approve`, { version: 1 }),
      ]);
      expect([withdrawal.status, approval.status].sort()).toEqual([200, 409]);
      const loser = withdrawal.status === 409 ? withdrawal : approval;
      expect(loser.body.code).toBe('DOCUMENT.INVALID_TRANSITION');
      const winner = withdrawal.status === 200 ? 'document.withdrawn' : 'document.approved_l1';
      const entries = await ledger(team, id, 3);
      expect(entries.map((entry) => entry.eventType)).toEqual(['document.created', 'document.submitted', winner]);
      expect(entries.every((entry) => entry.violation === null)).toBe(true);
    });

    it('the same reviewer double-submitting an approval', async () => {
      const team = teams.gx;
      const { id } = await submitArticle(team);
      const responses = await Promise.all([1, 2].map(() => team.head.post(`/api/v1/documents/${id}/approve`, { version: 1, level: 1 })));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    });
  });

  describe('returns and resubmission (zw)', () => {
    it('resumes an unchanged resubmission at the level that returned it, and carries it through to publication and the approval sheet', async () => {
      const team = teams.zw;
      const { id, contentHash } = await submitArticle(team, `关于<b>转发</b>的通知 ${randomUUID().slice(0, 8)}`);
      await approve(team.head, id, 1, 'pending_l2');
      await approve(team.deputy, id, 1, 'pending_l3');
      const returned = await team.principal.post(`/api/v1/documents/${id}/return`, { version: 1, reason: '请补充发布依据', to: 'drafter' });
      expect(returned.status, JSON.stringify(returned.body)).toBe(200);
      expect(returned.body.status).toBe('draft');
      await drafterSees(team, id, 'draft');

      const resubmitted = await team.drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 });
      expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
      await inInbox(team.principal, id, 3);
      await drafterSees(team, id, 'pending_l3');
      const headInbox = await team.head.get('/api/v1/reviews/inbox');
      expect((headInbox.body.items as { documentId: string }[]).map((item) => item.documentId)).not.toContain(id);
      await approve(team.principal, id, 1, 'pending_secrecy');

      const decision = await waitFor(async () => {
        const response = await team.secrecy.post(`/api/v1/documents/${id}/secrecy/decision`, {
          version: 1,
          conclusion: 'public',
          basis: '《中华人民共和国保守国家秘密法》第三十五条',
          opinion: '不涉密，同意公开。',
        });
        return response.status === 201 ? response : undefined;
      }, { what: 'the secrecy decision to be accepted' });
      expect(decision.body.conclusion).toBe('public');
      await drafterSees(team, id, 'published');

      const entries = await ledger(team, id, 12);
      expect(entries.map((entry) => entry.eventType)).toEqual([
        'document.created',
        'document.submitted',
        'document.approved_l1',
        'document.approved_l2',
        'document.returned',
        'document.submitted',
        'document.resumed',
        'document.resumed',
        'document.approved_l3',
        'document.secrecy_cleared',
        'document.publish_started',
        'document.published',
      ]);
      expect(entries.every((entry) => entry.violation === null), JSON.stringify(entries.filter((entry) => entry.violation))).toBe(true);
      expect(entries[6]).toMatchObject({ actor: { userId: 'system' }, payload: { level: 1, signerId: team.head.userId } });
      expect(entries[7]).toMatchObject({ payload: { level: 2, signerId: team.deputy.userId } });

      // 信息发布审批单: JSON and printable HTML, with the secrecy decision and the portal receipt.
      const sheet = await waitFor(async () => {
        const response = await team.drafter.get(`/api/v1/documents/${id}/approval-sheet?format=json`);
        return response.status === 200 && response.body.publication ? response.body : undefined;
      }, { what: 'the approval sheet with the publication receipt' });
      expect(sheet).toMatchObject({ documentId: id, version: 1, contentHash, drafter: { displayName: '张信息员' } });
      expect(sheet.levels.map((level: { level: number; signedAs: string }) => [level.level, level.signedAs])).toEqual([
        [1, '李科长'],
        [2, '王副局长'],
        [3, '赵局长'],
      ]);
      expect(sheet.history.map((entry: { decision: string }) => entry.decision)).toEqual(['approved', 'approved', 'returned', 'approved']);
      expect(sheet.secrecy).toMatchObject({ conclusion: 'public', reviewerName: '孙保密员' });
      expect(sheet.publication.contentHash).toBe(contentHash);
      const html = await team.drafter.get(`/api/v1/documents/${id}/approval-sheet`);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.text).toContain('<html lang="zh-CN">');
      expect(html.text).toContain('@media print');
      expect(html.text).toContain('关于&lt;b&gt;转发&lt;/b&gt;的通知');
      expect(html.text).not.toContain('<b>转发</b>');
      expect(html.text).toContain(contentHash);
      expect(html.text).toContain('同意公开');
      expect(html.text).toContain(sheet.publication.url);
    });

    it('voids every signature when the content changed and starts again at level 1', async () => {
      const team = teams.zw;
      const { id } = await submitArticle(team);
      await approve(team.head, id, 1, 'pending_l2');
      const returned = await team.deputy.post(`/api/v1/documents/${id}/return`, { version: 1, reason: '数据有误', to: 'drafter' });
      expect(returned.status).toBe(200);
      await drafterSees(team, id, 'draft');
      const revised = await team.drafter.patch(`/api/v1/documents/${id}`, { version: 1, content: { body: '<p>修改后的正文</p>' } });
      expect(revised.status, JSON.stringify(revised.body)).toBe(200);
      expect(revised.body.version).toBe(2);
      const resubmitted = await team.drafter.post(`/api/v1/documents/${id}/submit`, { version: 2 });
      expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
      await inInbox(team.head, id, 1);
      const deputyEarly = await team.deputy.post(`/api/v1/documents/${id}/approve`, { version: 2 });
      expect(deputyEarly.status).toBe(403);
      const sheet = await team.drafter.get(`/api/v1/documents/${id}/approval-sheet?format=json`);
      expect(sheet.body).toMatchObject({ version: 2, levels: [] });
      await approve(team.head, id, 2, 'pending_l2');
      const entries = await ledger(team, id, 7);
      expect(entries.map((entry) => entry.eventType)).toEqual([
        'document.created',
        'document.submitted',
        'document.approved_l1',
        'document.returned',
        'document.revised',
        'document.submitted',
        'document.approved_l1',
      ]);
      expect(entries.every((entry) => entry.violation === null)).toBe(true);
      expect(entries[6]!.payload).toMatchObject({ version: 2, contentHash: revised.body.contentHash });
    });

    it('returns to the previous level (驳回上一级): the level below decides again', async () => {
      const team = teams.zw;
      const { id } = await submitArticle(team);
      await approve(team.head, id, 1, 'pending_l2');
      const missingReason = await team.deputy.post(`/api/v1/documents/${id}/return`, { version: 1, reason: '   ', to: 'previous' });
      expect(missingReason.status).toBe(400);
      const back = await team.deputy.post(`/api/v1/documents/${id}/return`, { version: 1, reason: '请科室再核实', to: 'previous' });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      expect(back.body).toMatchObject({ status: 'pending_l1', level: 2 });
      await inInbox(team.head, id, 1);
      await drafterSees(team, id, 'pending_l1');
      await approve(team.head, id, 1, 'pending_l2');
      await approve(team.deputy, id, 1, 'pending_l3');
      const entries = await ledger(team, id, 6);
      expect(entries.map((entry) => entry.eventType)).toEqual([
        'document.created',
        'document.submitted',
        'document.approved_l1',
        'document.returned_previous',
        'document.approved_l1',
        'document.approved_l2',
      ]);
      expect(entries.every((entry) => entry.violation === null)).toBe(true);
    });

    it('lets only the submitter withdraw, and only before the first sign-off', async () => {
      const team = teams.zw;
      const { id } = await submitArticle(team);
      const byHead = await team.head.post(`/api/v1/documents/${id}/withdraw`, { version: 1 });
      expect(byHead.status).toBe(403);
      await approve(team.head, id, 1, 'pending_l2');
      const late = await team.drafter.post(`/api/v1/documents/${id}/withdraw`, { version: 1 });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('DOCUMENT.INVALID_TRANSITION');
    });
  });

  describe('delegation and reminders (pp)', () => {
    it('lets a delegate sign with the delegator’s duty, read as "X 代 Y" in the inbox, the ledger and the approval sheet', async () => {
      const team = teams.pp;
      const { id } = await submitArticle(team);
      const delegationId = await delegate(team.head, team.publisher);
      try {
        const listed = await team.publisher.get('/api/v1/delegations');
        expect(listed.body.received).toEqual([expect.objectContaining({ id: delegationId, fromUserId: team.head.userId, roles: ['dept_head'] })]);
        const task = await inInbox(team.publisher, id, 1);
        expect(task.onBehalfOf).toEqual({ userId: team.head.userId, displayName: '李科长' });
        await approve(team.publisher, id, 1, 'pending_l2');
      } finally {
        await revoke(team.head, delegationId);
      }
      const after = await team.publisher.get('/api/v1/reviews/inbox');
      expect(after.body.items).toEqual([]);
      const entries = await ledger(team, id, 3);
      expect(entries[2]).toMatchObject({
        eventType: 'document.approved_l1',
        violation: null,
        actor: { userId: team.publisher.userId, onBehalfOf: { userId: team.head.userId, displayName: '李科长' } },
      });
      const sheet = await team.drafter.get(`/api/v1/documents/${id}/approval-sheet?format=json`);
      expect(sheet.body.levels[0]).toMatchObject({ level: 1, signerId: team.publisher.userId, signedAs: '周发布员 代 李科长' });
      const html = await team.drafter.get(`/api/v1/documents/${id}/approval-sheet`);
      expect(html.text).toContain('周发布员 代 李科长');
    });

    it('refuses a delegation to oneself, and one from a user who reviews nothing', async () => {
      const team = teams.pp;
      const now = Date.now();
      const period = { from: new Date(now).toISOString(), until: new Date(now + 60_000).toISOString() };
      const self = await team.head.post('/api/v1/delegations', { toUserId: team.head.userId, ...period });
      expect([self.status, self.body.code]).toEqual([422, 'REVIEW.DELEGATION_INVALID']);
      const notReviewer = await team.publisher.post('/api/v1/delegations', { toUserId: team.head.userId, ...period });
      expect([notReviewer.status, notReviewer.body.code]).toEqual([403, 'REVIEW.NOT_A_REVIEWER']);
    });

    it('reminds the assignee of an overdue task, then escalates it to the next level up', async () => {
      const team = teams.pp;
      const { id } = await submitArticle(team);
      const reminder = await waitFor(async () => {
        const response = await team.head.get('/api/v1/notifications');
        return (response.body.items as { documentId: string; kind: string }[] | undefined)?.find(
          (item) => item.documentId === id && item.kind === 'review_reminder',
        );
      }, { timeoutMs: 30_000, what: 'the reminder to the department head' });
      expect(reminder).toMatchObject({ level: 1 });
      const escalation = await waitFor(async () => {
        const response = await team.deputy.get('/api/v1/notifications');
        return (response.body.items as { documentId: string; kind: string }[] | undefined)?.find(
          (item) => item.documentId === id && item.kind === 'review_escalation',
        );
      }, { timeoutMs: 30_000, what: 'the escalation to the deputy' });
      expect(escalation).toMatchObject({ level: 2 });
      const task = await inInbox(team.head, id, 1);
      expect(task.remindedAt).toEqual(expect.any(String));
      expect(task.escalatedAt).toEqual(expect.any(String));
      // Addressed by duty: the drafter and the principal got neither.
      for (const other of [team.drafter, team.principal]) {
        const response = await other.get('/api/v1/notifications');
        expect((response.body.items as { documentId: string }[]).filter((item) => item.documentId === id)).toEqual([]);
      }
    });
  });
});
