import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * One article the whole way, every service a real process: drafted, submitted, signed at three
 * levels, cleared by the secrecy officer, pushed to the portal, served there, and recorded in the
 * audit ledger in order — with the HTTP request's correlation id carried into the events.
 */
describe('walking skeleton: an article from draft to the portal', () => {
  let system: RunningSystem;
  let drafter: Session;
  let head: Session;
  let deputy: Session;
  let principal: Session;
  let secrecyOfficer: Session;
  let auditor: Session;

  beforeAll(async () => {
    system = await startSystem();
    [drafter, head, deputy, principal, secrecyOfficer, auditor] = await Promise.all(
      ['gx_drafter', 'gx_dept_head', 'gx_deputy', 'gx_principal', 'gx_secrecy_officer', 'gx_auditor'].map((username) =>
        signIn(system, username),
      ),
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('refuses requests without a token, with a stable code and a Chinese message', async () => {
    const response = await request(system.gatewayUrl).get('/api/v1/documents');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('AUTH.UNAUTHENTICATED');
    expect(response.body.message).toMatch(/登录/);
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await request(system.gatewayUrl).post('/api/v1/auth/login').send({ username: 'gx_drafter', password: 'not-it-at-all' });
    const unknown = await request(system.gatewayUrl).post('/api/v1/auth/login').send({ username: 'nobody', password: 'not-it-at-all' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('publishes an article through 三审 and 保密审查 to the portal, with every step in the ledger', async () => {
    const correlationId = `e2e-${randomUUID()}`;
    const title = `海东市工业和信息化局召开数字经济工作推进会 ${randomUUID().slice(0, 8)}`;
    const created = await drafter.post(
      '/api/v1/documents',
      { kind: 'article', title, column: 'gzdt', body: '<p>会议强调，要推进数字经济高质量发展。</p><script>alert(1)</script>' },
      { 'X-Correlation-Id': correlationId },
    );
    expect(created.status).toBe(201);
    expect(created.headers['x-correlation-id']).toBe(correlationId);
    expect(created.body).toMatchObject({ kind: 'article', status: 'draft', version: 1, title });
    expect(created.body.content.body).not.toContain('<script>');
    const id = created.body.id as string;

    const submitted = await drafter.post(`/api/v1/documents/${id}/submit`, { version: 1 }, { 'X-Correlation-Id': correlationId });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('pending_l1');

    await waitFor(async () => {
      const inbox = await head.get('/api/v1/reviews/inbox');
      return inbox.body.items?.some((item: { documentId: string }) => item.documentId === id);
    }, { what: 'the 一审 task in the department head’s inbox' });

    const selfApproval = await deputy.post(`/api/v1/documents/${id}/approve`, { version: 1 });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.code).toBe('DOCUMENT.ROLE_NOT_ALLOWED');

    const stale = await head.post(`/api/v1/documents/${id}/approve`, { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('DOCUMENT.VERSION_CONFLICT');

    for (const [reviewer, next] of [
      [head, 'pending_l2'],
      [deputy, 'pending_l3'],
      [principal, 'pending_secrecy'],
    ] as const) {
      const approved = await reviewer.post(`/api/v1/documents/${id}/approve`, { version: 1, comment: '同意' });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body.status).toBe(next);
    }

    const decision = await waitFor(async () => {
      const response = await secrecyOfficer.post(`/api/v1/documents/${id}/secrecy/decision`, {
        version: 1,
        conclusion: 'public',
        basis: '《中华人民共和国保守国家秘密法》第三十五条',
        opinion: '经审查，不涉及国家秘密和工作秘密，同意公开。',
      });
      return response.status === 201 ? response : undefined;
    }, { what: 'the secrecy decision to be accepted' });
    expect(decision.body).toMatchObject({ conclusion: 'public', version: 1, contentHash: created.body.contentHash });

    const publication = await waitFor(async () => {
      const response = await drafter.get(`/api/v1/documents/${id}/publication`);
      return response.status === 200 && response.body.receipt ? response.body : undefined;
    }, { timeoutMs: 30_000, what: 'the portal receipt' });
    expect(publication.state).toBe('published');
    expect(publication.receipt.contentHash).toBe(created.body.contentHash);

    const page = await request(publication.receipt.url as string).get('');
    expect(page.status).toBe(200);
    expect(page.text).toContain(title);
    expect(page.text).toContain('推进数字经济高质量发展');
    expect(page.text).not.toContain('<script>alert');

    const expected = [
      'document.created',
      'document.submitted',
      'document.approved_l1',
      'document.approved_l2',
      'document.approved_l3',
      'document.secrecy_cleared',
      'document.publish_started',
      'document.published',
    ];
    const timeline = await waitFor(async () => {
      const response = await auditor.get(`/api/v1/documents/${id}/audit`);
      return response.status === 200 && response.body.entries.length === expected.length ? response.body : undefined;
    }, { timeoutMs: 20_000, what: 'all eight events in the ledger' });
    const entries = timeline.entries as { eventType: string; sequence: number; violation: string | null; actor: { userId: string }; hash: string; prevHash: string }[];
    expect(entries.map((entry) => entry.eventType)).toEqual(expected);
    expect(entries.map((entry) => entry.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(entries.every((entry) => entry.violation === null)).toBe(true);
    expect(entries.slice(0, 3).map((entry) => entry.actor.userId)).toEqual([drafter.userId, drafter.userId, head.userId]);

    expect(entries.slice(0, 2).map((entry) => (entry as { correlationId?: string }).correlationId)).toEqual([correlationId, correlationId]);
    const verify = await auditor.get(`/api/v1/audit/verify?documentId=${id}`);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, checked: expected.length });

    const projected = await waitFor(async () => {
      const response = await drafter.get(`/api/v1/documents/${id}`);
      return response.body.status === 'published' ? response.body : undefined;
    }, { what: 'drafting to project the published status' });
    expect(projected.version).toBe(1);
  });

  it('carries the correlation id from the HTTP request into the events', async () => {
    const correlationId = `e2e-corr-${randomUUID()}`;
    const created = await drafter.post(
      '/api/v1/documents',
      { kind: 'article', title: '关联编号测试', column: 'tzgg', body: '<p>测试</p>' },
      { 'X-Correlation-Id': correlationId },
    );
    expect(created.status).toBe(201);
    const entry = await waitFor(async () => {
      const response = await auditor.get(`/api/v1/documents/${created.body.id}/audit`);
      return response.body.entries?.[0];
    }, { what: 'the created event in the ledger' });
    expect(entry.eventType).toBe('document.created');
    expect(entry.correlationId).toBe(correlationId);
  });
});
