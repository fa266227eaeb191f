import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@sanshen/kernel';
import type { Role } from '@sanshen/kernel';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * The role × route matrix (issue #4). Every route of docs/api.md that the gateway serves is called
 * without a token (401) and by each of the eight roles of 工信局 (gx_<role>), and the status is
 * compared with an expectation table written from API.md and ARCHITECTURE.md ("Who uses it", the
 * state machine's "by" column, 三员分立) — not from the code.
 *
 * Expectations:
 * - `ok`: 2xx — the role may do it and the fixture's state allows it;
 * - `forbidden`: 403 — the role may not;
 * - `refused`: 403 or 404 — not allowed, or "not visible to you" (API.md allows either);
 * - `reached`: authorised, so anything but 401/403/5xx — the role may, but the outcome depends on
 *   state the table does not fix (e.g. 404 "no such finding", 409 "not in that state");
 * - a number: exactly that status.
 * Rows that change state run the refused roles first and the permitted role last, each row on its
 * own fixture document.
 */
type Expectation = 'ok' | 'forbidden' | 'refused' | 'reached' | number;
type Fixture = 'draft' | 'patch' | 'submit' | 'withdraw' | 'approve' | 'return' | 'secrecy' | 'decide' | 'none';

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The API.md path, with `:id` replaced by the fixture document. */
  route: string;
  fixture: Fixture;
  body?: (context: RowContext) => object;
  query?: string;
  /** Sign in afresh for each role (the route ends the session). */
  freshSession?: boolean;
  expect: Record<Role, Expectation>;
}

interface RowContext {
  documentId: string;
  version: number;
  tag: string;
  delegateId: string;
  grantTargetId: string;
  demoPassword: string;
}

const all = (expectation: Expectation): Record<Role, Expectation> =>
  Object.fromEntries(ROLES.map((role) => [role, expectation])) as Record<Role, Expectation>;
/** Only these roles may; everyone else gets 403. */
const only = (allowed: Partial<Record<Role, Expectation>>, others: Expectation = 'forbidden'): Record<Role, Expectation> =>
  ({ ...all(others), ...allowed }) as Record<Role, Expectation>;
/**
 * Reading a document of one's agency (docs/identity.md "Who may read a document"): the drafters and
 * head of its department, the deputy overseeing it and the principal always; the secrecy officer from
 * 保密审查 on; the publisher once cleared. The 三员 roles (admin, auditor) read no document content:
 * for them, as for anyone else who may not read it, the document does not exist (404).
 */
type Stage = 'draft' | 'secrecy' | 'cleared';
const documentReaders = (expectation: Expectation, stage: Stage = 'draft'): Record<Role, Expectation> =>
  only(
    {
      drafter: expectation,
      dept_head: expectation,
      deputy: expectation,
      principal: expectation,
      secrecy_officer: stage === 'draft' ? 404 : expectation,
      publisher: stage === 'cleared' ? expectation : 404,
    },
    404,
  );

const article = (tag: string) => ({ kind: 'article', title: `矩阵测试稿件 ${tag}`, column: 'gzdt', body: '<p>推进数字经济发展。</p>' });

/** The expectation table, from docs/api.md and docs/design.md. */
const TABLE: Row[] = [
  // Session
  { method: 'GET', route: '/api/v1/me', fixture: 'none', expect: all('ok') },
  { method: 'POST', route: '/api/v1/auth/logout', fixture: 'none', freshSession: true, expect: all(204) },
  // One's own password: every role may; a new password that breaks the policy gets 422 (nothing changes).
  { method: 'POST', route: '/api/v1/me/password', fixture: 'none', body: (c) => ({ oldPassword: c.demoPassword, newPassword: 'weak' }), expect: all(422) },

  // Documents (drafting): drafters write; the people of the flow read; 三员 roles neither.
  { method: 'POST', route: '/api/v1/documents', fixture: 'none', body: (c) => article(c.tag), expect: only({ drafter: 'ok' }) },
  {
    method: 'POST',
    route: '/api/v1/documents/import',
    fixture: 'none',
    body: () => ({ text: '海东市工业和信息化局2025年政府信息公开工作年度报告\n一、总体情况\n2025年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n' }),
    expect: only({ drafter: 'ok' }),
  },
  // Everyone may list: each sees only what they may read (the 三员 roles an empty list).
  { method: 'GET', route: '/api/v1/documents', fixture: 'none', expect: all('ok') },
  { method: 'GET', route: '/api/v1/documents/:id', fixture: 'draft', expect: documentReaders('ok') },
  { method: 'GET', route: '/api/v1/documents/:id/versions', fixture: 'draft', expect: documentReaders('ok') },
  { method: 'GET', route: '/api/v1/documents/:id/versions/1', fixture: 'draft', expect: documentReaders('ok') },
  { method: 'GET', route: '/api/v1/documents/:id/diff', query: '?from=1&to=1', fixture: 'draft', expect: documentReaders('reached') },
  { method: 'POST', route: '/api/v1/documents/:id/check', fixture: 'draft', expect: documentReaders('reached') },
  {
    method: 'PATCH',
    route: '/api/v1/documents/:id',
    fixture: 'patch',
    body: (c) => ({ version: c.version, content: { title: `改后的标题 ${c.tag}`, column: 'gzdt', body: '<p>改。</p>' } }),
    expect: only({ drafter: 'ok' }, 'refused'),
  },
  { method: 'POST', route: '/api/v1/documents/:id/submit', fixture: 'submit', body: (c) => ({ version: c.version }), expect: only({ drafter: 'ok' }, 'refused') },
  { method: 'POST', route: '/api/v1/documents/:id/withdraw', fixture: 'withdraw', body: (c) => ({ version: c.version }), expect: only({ drafter: 'ok' }, 'refused') },

  // Review (三审): the 一审 of a pending_l1 document is the department head's alone.
  { method: 'GET', route: '/api/v1/reviews/inbox', fixture: 'none', expect: only({ dept_head: 'ok', deputy: 'ok', principal: 'ok' }, 'reached') },
  // 批量审批: reviewers get per-item results (here: the one unknown document is not found); others 403.
  {
    method: 'POST',
    route: '/api/v1/reviews/batch-approve',
    fixture: 'none',
    body: () => ({ items: [{ documentId: randomUUID(), version: 1 }] }),
    expect: only({ dept_head: 'ok', deputy: 'ok', principal: 'ok' }),
  },
  { method: 'POST', route: '/api/v1/documents/:id/approve', fixture: 'approve', body: (c) => ({ version: c.version }), expect: only({ dept_head: 'ok' }, 'refused') },
  {
    method: 'POST',
    route: '/api/v1/documents/:id/return',
    fixture: 'return',
    body: (c) => ({ version: c.version, reason: '数据需要核实', to: 'drafter' }),
    expect: only({ dept_head: 'ok' }, 'refused'),
  },
  { method: 'GET', route: '/api/v1/documents/:id/approval-sheet', fixture: 'secrecy', expect: documentReaders('ok', 'secrecy') },
  // 门户预览: whoever may read the document.
  { method: 'GET', route: '/api/v1/documents/:id/preview', fixture: 'secrecy', expect: documentReaders('ok', 'secrecy') },
  {
    method: 'POST',
    route: '/api/v1/delegations',
    fixture: 'none',
    body: (c) => ({ toUserId: c.delegateId, from: '2099-01-01T00:00:00Z', until: '2099-01-02T00:00:00Z' }),
    // "the caller's review duties": the 三审 reviewers'; the secrecy officer's 保密审查 is not a 三审 duty.
    expect: only({ dept_head: 'ok', deputy: 'ok', principal: 'ok' }, 'refused'),
  },

  // Secrecy review (保密审查): the secrecy officer's.
  { method: 'GET', route: '/api/v1/documents/:id/secrecy', fixture: 'secrecy', expect: only({ secrecy_officer: 'ok' }, 'reached') },
  {
    method: 'POST',
    route: `/api/v1/documents/:id/secrecy/findings/${randomUUID()}`,
    fixture: 'secrecy',
    body: () => ({ disposition: 'ignored', reason: '不涉密' }),
    expect: only({ secrecy_officer: 'reached' }, 'refused'),
  },
  {
    method: 'POST',
    route: '/api/v1/documents/:id/secrecy/decision',
    fixture: 'decide',
    body: (c) => ({ version: c.version, conclusion: 'return', basis: '《保密法》', opinion: '请删除内部数据后重新提交' }),
    expect: only({ secrecy_officer: 'ok' }, 'refused'),
  },

  // Publication: the publisher's; scheduling also the principal's; retraction authorized by the principal.
  { method: 'GET', route: '/api/v1/documents/:id/publication', fixture: 'draft', expect: documentReaders('reached') },
  {
    method: 'POST',
    route: '/api/v1/documents/:id/schedule',
    fixture: 'draft',
    body: (c) => ({ version: c.version, publishAt: '2099-01-01T00:00:00Z' }),
    expect: only({ principal: 'reached', publisher: 'reached' }, 'refused'),
  },
  { method: 'POST', route: '/api/v1/documents/:id/publication/retry', fixture: 'draft', expect: only({ publisher: 'reached' }, 'refused') },
  { method: 'POST', route: '/api/v1/documents/:id/retract', fixture: 'draft', body: () => ({ reason: '内容有误' }), expect: only({ publisher: 'reached' }, 'refused') },
  { method: 'POST', route: '/api/v1/documents/:id/retract/authorize', fixture: 'draft', expect: only({ principal: 'reached' }, 'refused') },

  // Audit: the auditor's (and a document's own participants for its timeline); never the admin's (三员分立).
  { method: 'GET', route: '/api/v1/documents/:id/audit', fixture: 'draft', expect: only({ auditor: 'ok', drafter: 'ok', admin: 'forbidden' }, 'refused') },
  { method: 'GET', route: '/api/v1/audit/verify', fixture: 'none', expect: only({ auditor: 'ok' }) },
  { method: 'POST', route: '/api/v1/audit/verify', fixture: 'none', expect: only({ auditor: 'ok' }) },
  { method: 'GET', route: '/api/v1/audit/export', query: '?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z', fixture: 'none', expect: only({ auditor: 'ok' }) },

  // Organisation: the admin's, for their own agency; new agencies need a platform admin (none yet).
  { method: 'GET', route: '/api/v1/agencies', fixture: 'none', expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/agencies', fixture: 'none', body: (c) => ({ code: `m${c.tag}`, name: '海东市矩阵测试局', adminUsername: `m${c.tag}_admin`, adminDisplayName: '系统管理员' }), expect: all('forbidden') },
  { method: 'GET', route: '/api/v1/departments', fixture: 'none', expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/departments', fixture: 'none', body: (c) => ({ name: `矩阵科${c.tag}` }), expect: only({ admin: 'ok' }) },
  { method: 'GET', route: '/api/v1/users', fixture: 'none', expect: only({ admin: 'ok' }) },
  {
    method: 'POST',
    route: '/api/v1/users',
    fixture: 'none',
    body: (c) => ({ username: `matrix_${c.tag}`, displayName: '矩阵', password: 'Matrix-Pass-2026!', roles: ['publisher'] }),
    expect: only({ admin: 'ok' }),
  },
  { method: 'POST', route: '/api/v1/users/:grantTarget/roles', fixture: 'none', body: () => ({ action: 'grant', role: 'publisher' }), expect: only({ admin: 'ok' }) },
  { method: 'GET', route: '/api/v1/identity-audit', fixture: 'none', expect: only({ auditor: 'ok' }) },
  { method: 'GET', route: '/api/v1/admin/document-counts', fixture: 'none', expect: only({ admin: 'ok' }) },
  // Everyone has a task list (empty where nothing waits for the role).
  { method: 'GET', route: '/api/v1/tasks', fixture: 'none', expect: all('ok') },
  { method: 'GET', route: '/api/v1/tasks/counts', fixture: 'none', expect: all('ok') },
  // Beyond API.md, what an admin needs (docs/identity.md): admin only, for every one of them.
  { method: 'GET', route: '/api/v1/users/:grantTarget', fixture: 'none', expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/users/:delegate/oversight', fixture: 'none', body: () => ({ departmentIds: [] }), expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/users/:grantTarget/deactivate', fixture: 'none', expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/users/:grantTarget/activate', fixture: 'none', expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/users/:grantTarget/password', fixture: 'none', body: () => ({ password: 'Matrix-Reset-2026!' }), expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/users/:grantTarget/unlock', fixture: 'none', expect: only({ admin: 'ok' }) },
  {
    method: 'POST',
    route: '/api/v1/users/import',
    fixture: 'none',
    body: (c) => ({ csv: `username,display_name,roles\nmatrix_csv_${c.tag},矩阵导入,publisher\n` }),
    expect: only({ admin: 'ok' }),
  },
  // Notice channels (docs/review.md): everyone's own preferences; the agency admin's settings and dead letters.
  { method: 'GET', route: '/api/v1/me/notice-channels', fixture: 'none', expect: all('ok') },
  { method: 'PUT', route: '/api/v1/me/notice-channels', fixture: 'none', body: () => ({ channels: [] }), expect: all('ok') },
  { method: 'GET', route: '/api/v1/agencies/:agency/notice-channels', fixture: 'none', expect: only({ admin: 'ok' }) },
  { method: 'PUT', route: '/api/v1/agencies/:agency/notice-channels/:channel', fixture: 'none', body: () => ({ enabled: false }), expect: only({ admin: 'ok' }) },
  { method: 'GET', route: '/api/v1/agencies/:agency/notice-deliveries/failed', fixture: 'none', expect: only({ admin: 'ok' }) },
  { method: 'POST', route: '/api/v1/agencies/:agency/notice-deliveries/:deliveryId/requeue', fixture: 'none', expect: only({ admin: 404 }) },
  // Columns and the 政府信息公开目录 (docs/publication.md): every member reads them, the agency admin changes them.
  { method: 'GET', route: '/api/v1/agencies/:agency/columns', fixture: 'none', expect: all('ok') },
  { method: 'POST', route: '/api/v1/agencies/:agency/columns', fixture: 'none', body: (c) => ({ code: `m${c.tag}`, name: `矩阵${c.tag}` }), expect: only({ admin: 'ok' }) },
  { method: 'PATCH', route: '/api/v1/agencies/:agency/columns/:code', fixture: 'none', body: () => ({ retired: false }), expect: only({ admin: 'ok' }) },
  { method: 'PUT', route: '/api/v1/agencies/:agency/columns/order', fixture: 'none', body: () => ({ codes: ['gzdt'] }), expect: only({ admin: 400 }) },
  { method: 'GET', route: '/api/v1/agencies/:agency/catalogue-settings', fixture: 'none', expect: all('ok') },
  {
    method: 'PUT',
    route: '/api/v1/agencies/:agency/catalogue-settings',
    fixture: 'none',
    body: () => ({ agencyCode: 'MATRIX01', indexPattern: '{agency}/{column}-{year}-{serial:5}', topics: ['综合政务', '其他'] }),
    expect: only({ admin: 'ok' }),
  },
];

/** API.md routes, as `METHOD path`, with the table row that covers each (checked below). */
const API_MD_ROUTES = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'POST /api/v1/documents',
  'POST /api/v1/documents/import',
  'GET /api/v1/documents',
  'GET /api/v1/documents/:id',
  'PATCH /api/v1/documents/:id',
  'GET /api/v1/documents/:id/versions',
  'GET /api/v1/documents/:id/versions/:v',
  'POST /api/v1/reviews/batch-approve',
  'GET /api/v1/tasks',
  'GET /api/v1/documents/:id/preview',
  'GET /api/v1/tasks/counts',
  'GET /api/v1/admin/document-counts',
  'GET /api/v1/documents/:id/diff',
  'POST /api/v1/documents/:id/check',
  'POST /api/v1/documents/:id/submit',
  'POST /api/v1/documents/:id/withdraw',
  'GET /api/v1/reviews/inbox',
  'POST /api/v1/documents/:id/approve',
  'POST /api/v1/documents/:id/return',
  'GET /api/v1/documents/:id/approval-sheet',
  'POST /api/v1/delegations',
  'GET /api/v1/documents/:id/secrecy',
  'POST /api/v1/documents/:id/secrecy/findings/:findingId',
  'POST /api/v1/documents/:id/secrecy/decision',
  'GET /api/v1/documents/:id/publication',
  'POST /api/v1/documents/:id/schedule',
  'POST /api/v1/documents/:id/publication/retry',
  'POST /api/v1/documents/:id/retract',
  'POST /api/v1/documents/:id/retract/authorize',
  'GET /api/v1/documents/:id/audit',
  'GET /api/v1/audit/verify',
  'POST /api/v1/audit/verify',
  'GET /api/v1/audit/export',
  'GET /api/v1/agencies',
  'POST /api/v1/agencies',
  'GET /api/v1/departments',
  'POST /api/v1/departments',
  'GET /api/v1/users',
  'POST /api/v1/users',
  'POST /api/v1/users/:id/roles',
  'GET /api/v1/me/notice-channels',
  'PUT /api/v1/me/notice-channels',
  'GET /api/v1/agencies/:agencyId/notice-channels',
  'PUT /api/v1/agencies/:agencyId/notice-channels/:channel',
  'GET /api/v1/agencies/:agencyId/notice-deliveries/failed',
  'POST /api/v1/agencies/:agencyId/notice-deliveries/:deliveryId/requeue',
  'GET /api/v1/agencies/:agencyId/columns',
  'POST /api/v1/agencies/:agencyId/columns',
  'PATCH /api/v1/agencies/:agencyId/columns/:code',
  'PUT /api/v1/agencies/:agencyId/columns/order',
  'GET /api/v1/agencies/:agencyId/catalogue-settings',
  'PUT /api/v1/agencies/:agencyId/catalogue-settings',
];

/** `/a/{id}/b` and `/a/:id/b` and `/a/1/b` compare equal: every parameter becomes `:p`. */
function shape(route: string): string {
  return route
    .replace(/\{[^}]+\}/g, ':p')
    .replace(/:[A-Za-z]+/g, ':p')
    .replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/:p')
    .replace(/\/[0-9]+(?=\/|$)/g, '/:p');
}

function matches(status: number, expectation: Expectation): boolean {
  switch (expectation) {
    case 'ok':
      return status >= 200 && status < 300;
    case 'forbidden':
      return status === 403;
    case 'refused':
      return status === 403 || status === 404;
    case 'reached':
      return status !== 401 && status !== 403 && status < 500;
    default:
      return status === expectation;
  }
}

describe('role × route matrix', () => {
  let system: RunningSystem;
  const sessions = new Map<Role, Session>();
  const tag = randomBytes(3).toString('hex');
  let openApiRoutes: Set<string>;
  let delegateId = '';
  let grantTargetId = '';
  let agencyId = '';

  const gx = (role: Role) => {
    const session = sessions.get(role);
    if (!session) throw new Error(`no session for ${role}`);
    return session;
  };

  async function newDraft(): Promise<{ id: string; version: number }> {
    const created = await gx('drafter').post('/api/v1/documents', article(tag));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.id as string, version: created.body.version as number };
  }

  async function waitForTask(role: Role, documentId: string): Promise<void> {
    await waitFor(
      async () => {
        const inbox = await gx(role).get('/api/v1/reviews/inbox');
        return inbox.body.items?.some((item: { documentId: string }) => item.documentId === documentId);
      },
      { timeoutMs: 30_000, what: `a review task of ${documentId} for ${role}` },
    );
  }

  async function pendingL1(): Promise<{ id: string; version: number }> {
    const document = await newDraft();
    const submitted = await gx('drafter').post(`/api/v1/documents/${document.id}/submit`, { version: document.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    await waitForTask('dept_head', document.id);
    return document;
  }

  async function pendingSecrecy(): Promise<{ id: string; version: number }> {
    const document = await pendingL1();
    for (const [role, next] of [
      ['dept_head', 'deputy'],
      ['deputy', 'principal'],
      ['principal', null],
    ] as const) {
      const approved = await gx(role).post(`/api/v1/documents/${document.id}/approve`, { version: document.version });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      if (next) await waitForTask(next, document.id);
    }
    await waitFor(
      async () => (await gx('secrecy_officer').get(`/api/v1/documents/${document.id}/secrecy`)).status === 200,
      { timeoutMs: 30_000, what: 'the secrecy case' },
    );
    return document;
  }

  const fixtures = new Map<Fixture, { id: string; version: number }>();

  beforeAll(async () => {
    system = await startSystem();
    for (const role of ROLES) sessions.set(role, await signIn(system, `gx_${role}`));
    const docs = await request(system.gatewayUrl).get('/api/docs-json');
    const paths = (docs.body as { paths: Record<string, Record<string, unknown>> }).paths;
    openApiRoutes = new Set(
      Object.entries(paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${shape(path)}`),
      ),
    );
    const departments = await gx('admin').get('/api/v1/departments');
    const office = (departments.body.items as { id: string; name: string }[]).find((department) => department.name === '办公室');
    const delegate = await gx('admin').post('/api/v1/users', {
      username: `matrix_delegate_${tag}`,
      displayName: '矩阵代理人',
      departmentId: office?.id,
      password: 'Matrix-Pass-2026!',
      roles: ['dept_head', 'deputy', 'principal'],
    });
    expect(delegate.status, JSON.stringify(delegate.body)).toBe(201);
    delegateId = delegate.body.id as string;
    const target = await gx('admin').post('/api/v1/users', {
      username: `matrix_target_${tag}`,
      displayName: '矩阵授权对象',
      departmentId: office?.id,
      password: 'Matrix-Pass-2026!',
      roles: ['drafter'],
    });
    grantTargetId = target.body.id as string;
    agencyId = (await gx('admin').get('/api/v1/me')).body.agencyId as string;

    fixtures.set('draft', await newDraft());
    fixtures.set('patch', await newDraft());
    fixtures.set('submit', await newDraft());
    fixtures.set('withdraw', await pendingL1());
    fixtures.set('approve', await pendingL1());
    fixtures.set('return', await pendingL1());
    fixtures.set('secrecy', await pendingSecrecy());
    fixtures.set('decide', await pendingSecrecy());
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('covers every API.md route the gateway serves; lists those it does not serve', () => {
    const covered = new Set(TABLE.map((row) => `${row.method} ${shape(row.route)}`));
    const served = API_MD_ROUTES.filter((route) => openApiRoutes.has(shape(route)));
    const publicRoutes = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/refresh']);
    const uncovered = served.filter((route) => !publicRoutes.has(route) && !covered.has(shape(route)));
    expect(uncovered).toEqual([]);
    const notServed = API_MD_ROUTES.filter((route) => !openApiRoutes.has(shape(route)));
    // Printed for the record: API.md routes the gateway does not serve yet.
    console.info(`API.md routes not served by the gateway: ${notServed.length === 0 ? 'none' : notServed.join(', ')}`);
    expect(served.length).toBeGreaterThan(30);
  });

  it('every route the gateway serves, except sign-in, refresh and the public pages, refuses a request without a token', async () => {
    const publicRoutes = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/refresh']);
    const results: string[] = [];
    for (const route of openApiRoutes) {
      if (publicRoutes.has(route) || !route.includes('/api/v1/')) continue;
      const [method, path] = route.split(' ') as [string, string];
      const concrete = path.replace(/:p/g, randomUUID());
      const response = await request(system.gatewayUrl)[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](concrete).send({});
      if (response.status !== 401 || response.body.code !== 'AUTH.UNAUTHENTICATED') results.push(`${route} → ${response.status}`);
    }
    expect(results).toEqual([]);
    expect(openApiRoutes.size).toBeGreaterThan(30);
  });

  it('keeps sign-in, refresh and health open', async () => {
    expect((await request(system.gatewayUrl).post('/api/v1/auth/login').send({ username: 'gx_drafter', password: system.demoPassword })).status).toBe(200);
    expect((await request(system.gatewayUrl).post('/api/v1/auth/refresh').send({ refreshToken: 'x'.repeat(43) })).status).toBe(401);
    expect((await request(system.gatewayUrl).get('/health')).status).toBe(200);
    expect((await request(system.portalUrl).get('/feed.json')).status).toBe(200);
  });

  describe.each(TABLE.map((row) => [`${row.method} ${row.route}${row.query ?? ''}`, row] as const))('%s', (_name, row) => {
    const concrete = (): string => {
      const document = fixtures.get(row.fixture);
      return `${row.route.replace(':id', document?.id ?? randomUUID()).replace(':grantTarget', grantTargetId).replace(':delegate', delegateId).replace(':agency', agencyId).replace(':channel', 'wecom').replace(':deliveryId', 'none').replace(':code', 'gzdt')}${row.query ?? ''}`;
    };
    const context = (): RowContext => {
      const document = fixtures.get(row.fixture);
      return { documentId: document?.id ?? '', version: document?.version ?? 1, tag: `${tag}${randomBytes(2).toString('hex')}`, delegateId, grantTargetId, demoPassword: system.demoPassword };
    };
    const send = (token: string | null): Promise<Response> => {
      const method = row.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      const call = request(system.gatewayUrl)[method](concrete());
      if (token !== null) void call.set('Authorization', `Bearer ${token}`);
      return row.method === 'GET' ? call : call.send(row.body?.(context()) ?? {});
    };

    it('401 without a token', async () => {
      const response = await send(null);
      expect(response.status).toBe(401);
    });

    // Refused roles first; permitted roles last, so a state change cannot mask a refusal.
    const order = [...ROLES].sort((a, b) => Number(row.expect[a] === 'ok' || typeof row.expect[a] === 'number') - Number(row.expect[b] === 'ok' || typeof row.expect[b] === 'number'));
    it(`as each role: ${order.map((role) => `${role}=${String(row.expect[role])}`).join(', ')}`, async () => {
      const mismatches: string[] = [];
      for (const role of order) {
        const token = row.freshSession ? (await signIn(system, `gx_${role}`)).token : gx(role).token;
        const response = await send(token);
        if (!matches(response.status, row.expect[role])) {
          mismatches.push(`${role}: expected ${String(row.expect[role])}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
});
