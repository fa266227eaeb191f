import request from 'supertest';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { clearSecrecy, draftArticle, signInCast, signOff, waitForPublication } from './support/publication-flow.js';
import type { Cast } from './support/publication-flow.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

/**
 * Who may read a document (issue #11 §1), walked over HTTP: every document route × every reader ×
 * own department / other department / other agency, at each stage of the flow. The expectation is
 * written from the rule in docs/identity.md, not from the code:
 * - drafters and the head of its department, the deputy overseeing it, the principal: always;
 * - the agency's secrecy officer from 保密审查 on; its publisher once cleared;
 * - the system administrator and the security auditor: never (三员分立); another agency: never.
 * A document that is not visible answers every route, read or write, with 404 DOCUMENT.NOT_FOUND.
 */
const PASSWORD = 'Visibility-Test-2026!';

type Reader =
  | 'drafter'
  | 'dept_head'
  | 'deputy'
  | 'principal'
  | 'secrecy_officer'
  | 'publisher'
  | 'admin'
  | 'auditor'
  | 'other_drafter'
  | 'other_head'
  | 'zw_drafter'
  | 'zw_principal';
type Fixture = 'draft' | 'secrecy' | 'cleared' | 'other_department';

/** Fixtures in 办公室 (department 0 of 工信局, overseen by gx_deputy) except `other_department` (信息化推进科, not overseen). */
const VISIBLE: Record<Fixture, Reader[]> = {
  draft: ['drafter', 'dept_head', 'deputy', 'principal'],
  secrecy: ['drafter', 'dept_head', 'deputy', 'principal', 'secrecy_officer'],
  cleared: ['drafter', 'dept_head', 'deputy', 'principal', 'secrecy_officer', 'publisher'],
  other_department: ['other_drafter', 'other_head', 'principal'],
};
const READERS: Reader[] = [
  'drafter',
  'dept_head',
  'deputy',
  'principal',
  'secrecy_officer',
  'publisher',
  'admin',
  'auditor',
  'other_drafter',
  'other_head',
  'zw_drafter',
  'zw_principal',
];
const FIXTURES: Fixture[] = ['draft', 'secrecy', 'cleared', 'other_department'];

/** Content reads: those that exist at every stage, and those that exist once the stage is reached. */
const READS: { path: (id: string) => string; method: 'GET' | 'POST'; from: Fixture[] }[] = [
  { method: 'GET', path: (id) => `/api/v1/documents/${id}`, from: FIXTURES },
  { method: 'GET', path: (id) => `/api/v1/documents/${id}/versions`, from: FIXTURES },
  { method: 'GET', path: (id) => `/api/v1/documents/${id}/versions/1`, from: FIXTURES },
  { method: 'GET', path: (id) => `/api/v1/documents/${id}/diff?from=1&to=1`, from: FIXTURES },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/check`, from: FIXTURES },
  { method: 'GET', path: (id) => `/api/v1/documents/${id}/approval-sheet?format=json`, from: ['secrecy', 'cleared'] },
  { method: 'GET', path: (id) => `/api/v1/documents/${id}/preview`, from: FIXTURES },
  { method: 'GET', path: (id) => `/api/v1/documents/${id}/secrecy`, from: ['secrecy', 'cleared'] },
  { method: 'GET', path: (id) => `/api/v1/documents/${id}/publication`, from: ['cleared'] },
];

/** Writes: for someone who may not read the document, each is the same 404 as an unknown document. */
const WRITES: { method: 'POST' | 'PATCH'; path: (id: string) => string; body: object }[] = [
  { method: 'PATCH', path: (id) => `/api/v1/documents/${id}`, body: { version: 1, content: { title: '越权修改', column: 'gzdt', body: '<p>改</p>' } } },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/submit`, body: { version: 1 } },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/withdraw`, body: { version: 1 } },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/approve`, body: { version: 1, comment: '同意' } },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/return`, body: { version: 1, reason: '越权退回', to: 'drafter' } },
  {
    method: 'POST',
    path: (id) => `/api/v1/documents/${id}/secrecy/decision`,
    body: { version: 1, conclusion: 'public', basis: '《保密法》', opinion: '同意公开' },
  },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/secrecy/findings/00000000-0000-4000-8000-000000000000`, body: { disposition: 'ignored', reason: '不涉密' } },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/publication/retry`, body: {} },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/schedule`, body: { version: 1, publishAt: '2099-01-01T00:00:00Z' } },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/retract`, body: { reason: '越权撤稿' } },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/retract/authorize`, body: {} },
  { method: 'POST', path: (id) => `/api/v1/documents/${id}/correction`, body: { reason: '越权更正' } },
];

function call(session: Session, method: string, path: string, body?: object): Promise<Response> {
  if (method === 'GET') return session.get(path);
  if (method === 'PATCH') return session.patch(path, body ?? {});
  return session.post(path, body ?? {});
}

describe('document visibility (least privilege, 三员分立)', () => {
  let system: RunningSystem;
  let cast: Cast;
  const readers = {} as Record<Reader, Session>;
  const documents = {} as Record<Fixture, { id: string; title: string }>;

  beforeAll(async () => {
    system = await startSystem();
    cast = await signInCast(system);
    const admin = await signIn(system, 'gx_admin');
    const departments = (await admin.get('/api/v1/departments')).body.items as { id: string; name: string }[];
    const other = departments.find((department) => department.name === '信息化推进科')!;
    for (const [username, role] of [
      ['gx_vis_drafter', 'drafter'],
      ['gx_vis_head', 'dept_head'],
    ] as const) {
      const created = await admin.post('/api/v1/users', { username, displayName: username, departmentId: other.id, password: PASSWORD, roles: [role] });
      expect(created.status).toBe(201);
    }
    Object.assign(readers, {
      drafter: cast.drafter,
      dept_head: cast.head,
      deputy: cast.deputy,
      principal: cast.principal,
      secrecy_officer: cast.secrecyOfficer,
      publisher: cast.publisher,
      auditor: cast.auditor,
      admin,
      other_drafter: await signIn(system, 'gx_vis_drafter', PASSWORD),
      other_head: await signIn(system, 'gx_vis_head', PASSWORD),
      zw_drafter: await signIn(system, 'zw_drafter'),
      zw_principal: await signIn(system, 'zw_principal'),
    });

    const draft = await draftArticle(cast, '<p>起草中的内部稿件。</p>', '可见性测试草稿');
    const secrecy = await draftArticle(cast, '<p>待保密审查的稿件。</p>', '可见性测试保密');
    await signOff(cast, secrecy.id, secrecy.version);
    const cleared = await draftArticle(cast, '<p>已通过保密审查的稿件。</p>', '可见性测试发布');
    await signOff(cast, cleared.id, cleared.version);
    await clearSecrecy(cast, cleared.id, cleared.version);
    await waitForPublication(cast.drafter, cleared.id, (publication) => publication.state === 'published', 'the cleared fixture to publish');
    const otherTitle = `可见性测试他科 ${Date.now()}`;
    const otherDraft = await readers.other_drafter.post('/api/v1/documents', { kind: 'article', title: otherTitle, column: 'gzdt', body: '<p>他科稿件。</p>' });
    expect(otherDraft.status).toBe(201);
    Object.assign(documents, {
      draft: { id: draft.id, title: draft.title },
      secrecy: { id: secrecy.id, title: secrecy.title },
      cleared: { id: cleared.id, title: cleared.title },
      other_department: { id: otherDraft.body.id as string, title: otherTitle },
    });
    // Secrecy has taken the signed fixture (its case exists) before the walk starts.
    await waitFor(async () => ((await cast.secrecyOfficer.get(`/api/v1/documents/${secrecy.id}/secrecy`)).status === 200 ? true : undefined), {
      timeoutMs: 20_000,
      what: 'the secrecy case',
    });
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
  });

  const cases = FIXTURES.flatMap((fixture) => READERS.map((reader) => [fixture, reader, VISIBLE[fixture].includes(reader)] as const));

  it.each(cases)('the %s document, read by %s: visible=%s on every read route', async (fixture, reader, visible) => {
    const { id } = documents[fixture];
    for (const route of READS.filter((read) => read.from.includes(fixture))) {
      const response = await call(readers[reader], route.method, route.path(id), {});
      const what = `${route.method} ${route.path(id)} as ${reader}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
      if (visible) {
        expect(response.status, what).toBeGreaterThanOrEqual(200);
        expect(response.status, what).toBeLessThan(300);
      } else {
        expect(response.status, what).toBe(404);
        expect(response.body.code, what).toBe('DOCUMENT.NOT_FOUND');
      }
    }
  });

  it.each(cases.filter(([, , visible]) => !visible))('the %s document is not there for %s on any write route either', async (fixture, reader) => {
    const { id } = documents[fixture];
    for (const route of WRITES) {
      const response = await call(readers[reader], route.method, route.path(id), route.body);
      const what = `${route.method} ${route.path(id)} as ${reader}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
      expect(response.status, what).toBe(404);
      expect(response.body.code, what).toBe('DOCUMENT.NOT_FOUND');
    }
  });

  it.each(READERS)('lists and searches (q) only what %s may read', async (reader) => {
    for (const fixture of FIXTURES) {
      const { id, title } = documents[fixture];
      const list = await readers[reader].get(`/api/v1/documents?q=${encodeURIComponent(title)}`);
      expect(list.status).toBe(200);
      const ids = (list.body.items as { id: string }[]).map((item) => item.id);
      expect(ids.includes(id), `${reader} listing ${fixture}`).toBe(VISIBLE[fixture].includes(reader));
    }
  });

  it("a delegate reads the delegator's department while the delegation holds, and not after it is revoked", async () => {
    const { id } = documents.draft;
    const delegate = readers.other_head;
    expect((await delegate.get(`/api/v1/documents/${id}`)).status).toBe(404);
    const now = Date.now();
    const given = await cast.head.post('/api/v1/delegations', {
      toUserId: delegate.userId,
      from: new Date(now - 60_000).toISOString(),
      until: new Date(now + 3_600_000).toISOString(),
    });
    expect(given.status).toBe(201);
    expect((await delegate.get(`/api/v1/documents/${id}`)).status).toBe(200);
    expect((await delegate.get(`/api/v1/documents/${id}/versions/1`)).status).toBe(200);
    const revoked = await request(system.gatewayUrl).delete(`/api/v1/delegations/${given.body.id as string}`).set({ Authorization: `Bearer ${cast.head.token}` });
    expect(revoked.status).toBe(200);
    expect((await delegate.get(`/api/v1/documents/${id}`)).status).toBe(404);
  });

  it('gives the administrator counts by state without titles or content, and nobody else', async () => {
    const counts = await readers.admin.get('/api/v1/admin/document-counts');
    expect(counts.status).toBe(200);
    const items = counts.body.items as { status: string; kind: string; count: number }[];
    expect(items.find((item) => item.status === 'draft' && item.kind === 'article')?.count).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(counts.body);
    for (const fixture of FIXTURES) expect(text).not.toContain(documents[fixture].title);
    for (const reader of ['drafter', 'principal', 'auditor'] as const) {
      expect((await readers[reader].get('/api/v1/admin/document-counts')).status).toBe(403);
    }
  });

  it('keeps the 本级汇总 (report content) from the administrator and the auditor', async () => {
    for (const reader of ['admin', 'auditor', 'drafter'] as const) {
      expect((await readers[reader].get('/api/v1/annual-reports/aggregate?year=2025')).status).toBe(403);
    }
    expect((await readers.principal.get('/api/v1/annual-reports/aggregate?year=2025')).status).toBe(200);
  });

  it('refuses an import by a role that may not import before the file is read', async () => {
    // Garbage that would be 422 if parsed: the refusal comes first.
    const response = await request(system.gatewayUrl)
      .post('/api/v1/documents/import')
      .set({ Authorization: `Bearer ${readers.publisher.token}` })
      .attach('file', Buffer.from('%PDF-1.7 not really a pdf'), { filename: 'report.pdf', contentType: 'application/pdf' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
  });
});
