import { DRAFTING_RPC, REVIEW_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DocumentsController } from './documents.controller.js';
import { DOCUMENT_EXAMPLE, IDS } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

const drafter = actorWith(['drafter']);
const url = `/api/v1/documents/${IDS.document}`;

describe('DocumentsController', () => {
  let http: HttpTestApp;

  beforeAll(async () => {
    http = await HttpTestApp.start(DocumentsController, {
      replies: {
        [DRAFTING_RPC.create]: DOCUMENT_EXAMPLE,
        [DRAFTING_RPC.list]: { items: [], nextCursor: null },
        [DRAFTING_RPC.get]: DOCUMENT_EXAMPLE,
        [DRAFTING_RPC.revise]: DOCUMENT_EXAMPLE,
        [DRAFTING_RPC.getVersion]: DOCUMENT_EXAMPLE,
        [DRAFTING_RPC.submit]: DOCUMENT_EXAMPLE,
        [DRAFTING_RPC.check]: { errors: [] },
        [DRAFTING_RPC.importReport]: { document: DOCUMENT_EXAMPLE, unplaced: [] },
        [REVIEW_RPC.withdraw]: { documentId: IDS.document, version: 3, status: 'draft', level: null },
      },
    });
  });
  afterAll(() => http.close());
  beforeEach(() => {
    http.calls.length = 0;
  });

  it('asks for a signed-in caller before anything reaches a service', async () => {
    const response = await http.request('GET', url);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', message: '请先登录' });
    expect(http.calls).toEqual([]);
  });

  it('creates an article with what the drafter wrote, on behalf of the signed-in actor', async () => {
    const body = { kind: 'article', title: '通知', column: '通知公告', body: '<p>正文</p>' };
    const response = await http.request('POST', '/api/v1/documents', { as: drafter, body });
    expect(response.statusCode).toBe(201);
    expect(http.payloadsOf(DRAFTING_RPC.create)).toEqual([body]);
    expect(http.calls.find((call) => call.pattern === DRAFTING_RPC.create)?.actor).toMatchObject({ userId: drafter.userId, roles: ['drafter'] });
  });

  it('refuses unknown fields and fields a kind needs with 400 REQUEST.INVALID naming them', async () => {
    const unknown = await http.request('POST', '/api/v1/documents', { as: drafter, body: { kind: 'annual_report', year: 2025, colour: 'red' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'REQUEST.INVALID', message: '请求参数不正确', details: { errors: [{ field: 'colour', problems: ['不允许的字段'] }] } });
    const untitled = await http.request('POST', '/api/v1/documents', { as: drafter, body: { kind: 'article', column: '通知公告', body: '<p>正文</p>' } });
    expect(untitled.statusCode).toBe(400);
    expect(untitled.json().details.errors).toEqual([expect.objectContaining({ field: 'title' })]);
    const year = await http.request('POST', '/api/v1/documents', { as: drafter, body: { kind: 'annual_report', year: 1e12 } });
    expect(year.json().details.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    expect(http.payloadsOf(DRAFTING_RPC.create)).toEqual([]);
  });

  it('passes a list query on with its numbers converted', async () => {
    const response = await http.request('GET', '/api/v1/documents?status=draft&year=2025&limit=10', { as: drafter });
    expect(response.statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.list)).toEqual([{ status: 'draft', year: 2025, limit: 10 }]);
    const tooMany = await http.request('GET', '/api/v1/documents?limit=101', { as: drafter });
    expect(tooMany.json()).toMatchObject({ code: 'REQUEST.INVALID', details: { errors: [expect.objectContaining({ field: 'limit' })] } });
  });

  it('checks ids and version numbers in the path', async () => {
    expect((await http.request('GET', '/api/v1/documents/not-a-uuid', { as: drafter })).json()).toMatchObject({ code: 'REQUEST.INVALID' });
    expect((await http.request('GET', `${url}/versions/2147483648`, { as: drafter })).statusCode).toBe(400);
    const version = await http.request('GET', `${url}/versions/2`, { as: drafter });
    expect(version.statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.getVersion)).toEqual([{ documentId: IDS.document, version: 2 }]);
  });

  it('revises and submits with the version the drafter saw', async () => {
    expect((await http.request('PATCH', url, { as: drafter, body: { version: 3, content: { title: '新标题' } } })).statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.revise)).toEqual([{ documentId: IDS.document, version: 3, content: { title: '新标题' } }]);
    const submitted = await http.request('POST', `${url}/submit`, { as: drafter, body: { version: 3, findingExplanations: { k: '说明' } } });
    expect(submitted.statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.submit)).toEqual([{ documentId: IDS.document, version: 3, findingExplanations: { k: '说明' } }]);
    expect((await http.request('POST', `${url}/check`, { as: drafter, body: {} })).statusCode).toBe(200);
    expect((await http.request('POST', `${url}/check`, { as: drafter })).statusCode).toBe(200);
    expect(http.payloadsOf(DRAFTING_RPC.check)).toEqual([{ documentId: IDS.document }, { documentId: IDS.document }]);
  });

  it('answers a service’s refusal with its code and status', async () => {
    http.reply(DRAFTING_RPC.revise, new DomainError('DOCUMENT.VERSION_CONFLICT'));
    const response = await http.request('PATCH', url, { as: drafter, body: { version: 2, content: {} } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'DOCUMENT.VERSION_CONFLICT', message: '文档已被他人修改，请刷新后重试' });
    http.reply(DRAFTING_RPC.revise, DOCUMENT_EXAMPLE);
  });

  it('lets only drafters import, before the body is read', async () => {
    const refused = await http.request('POST', '/api/v1/documents/import', { as: actorWith(['publisher']), body: { text: '报告' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DOCUMENT.ROLE_NOT_ALLOWED');
    const empty = await http.request('POST', '/api/v1/documents/import', { as: drafter, body: {} });
    expect(empty.json()).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'text' } });
    expect((await http.request('POST', '/api/v1/documents/import', { as: drafter, body: { text: '报告' } })).statusCode).toBe(201);
    expect(http.payloadsOf(DRAFTING_RPC.importReport)).toEqual([{ text: '报告' }]);
  });

  it('withdraws only a document the caller may read (404 before review is asked)', async () => {
    http.reply(DRAFTING_RPC.access, new DomainError('DOCUMENT.NOT_FOUND'));
    const hidden = await http.request('POST', `${url}/withdraw`, { as: drafter, body: { version: 3 } });
    expect(hidden.statusCode).toBe(404);
    expect(http.payloadsOf(REVIEW_RPC.withdraw)).toEqual([]);
    http.reply(DRAFTING_RPC.access, {});
    expect((await http.request('POST', `${url}/withdraw`, { as: drafter, body: { version: 3 } })).statusCode).toBe(200);
    expect(http.payloadsOf(REVIEW_RPC.withdraw)).toEqual([{ documentId: IDS.document, version: 3 }]);
  });
});
