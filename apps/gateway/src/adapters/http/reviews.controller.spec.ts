import { DRAFTING_RPC, REVIEW_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BatchApproveUseCase } from '../../use-cases/batch-approve/batch-approve.use-case.js';
import { DECISION_EXAMPLE, IDS } from './openapi/examples.js';
import { ReviewsController } from './reviews.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

const head = actorWith(['dept_head']);

describe('ReviewsController', () => {
  let http: HttpTestApp;
  const batch = { execute: vi.fn(async () => ({ results: [] })) };

  beforeAll(async () => {
    http = await HttpTestApp.start(ReviewsController, {
      replies: { [REVIEW_RPC.inbox]: { items: [] }, [REVIEW_RPC.approve]: DECISION_EXAMPLE, [REVIEW_RPC.return]: DECISION_EXAMPLE },
      providers: [{ provide: BatchApproveUseCase, useValue: batch }],
    });
  });
  afterAll(() => http.close());

  it('lists the inbox of the signed-in reviewer only', async () => {
    expect((await http.request('GET', '/api/v1/reviews/inbox')).statusCode).toBe(401);
    expect((await http.request('GET', '/api/v1/reviews/inbox', { as: head })).json()).toEqual({ items: [] });
  });

  it('approves with the version, comment and level, absent ones as null', async () => {
    const response = await http.request('POST', `/api/v1/documents/${IDS.document}/approve`, { as: head, body: { version: 3 } });
    expect(response.statusCode).toBe(200);
    const nulls = await http.request('POST', `/api/v1/documents/${IDS.document}/approve`, { as: head, body: { version: 3, comment: null, level: null } });
    expect(nulls.statusCode).toBe(200);
    expect(http.payloadsOf(REVIEW_RPC.approve)).toEqual([
      { documentId: IDS.document, version: 3, comment: null, level: null },
      { documentId: IDS.document, version: 3, comment: null, level: null },
    ]);
  });

  it('returns with a reason and a target; a level outside 1–3 is 400', async () => {
    const body = { version: 3, reason: '数据有误', to: 'previous', level: 2 };
    expect((await http.request('POST', `/api/v1/documents/${IDS.document}/return`, { as: head, body })).statusCode).toBe(200);
    expect(http.payloadsOf(REVIEW_RPC.return)).toEqual([{ documentId: IDS.document, ...body }]);
    const level = await http.request('POST', `/api/v1/documents/${IDS.document}/return`, { as: head, body: { ...body, level: 4 } });
    expect(level.json()).toMatchObject({ code: 'REQUEST.INVALID', details: { errors: [expect.objectContaining({ field: 'level' })] } });
  });

  it('asks drafting only about a refusal: 404 to a caller who may not read the document, the refusal to one who may', async () => {
    const url = `/api/v1/documents/${IDS.document}/approve`;
    const asked = () => http.payloadsOf(DRAFTING_RPC.access).length;
    const before = asked();
    expect((await http.request('POST', url, { as: head, body: { version: 3 } })).statusCode).toBe(200);
    expect(asked()).toBe(before);

    http.reply(REVIEW_RPC.approve, new DomainError('DOCUMENT.NOT_IN_SCOPE'));
    http.reply(DRAFTING_RPC.access, new DomainError('DOCUMENT.NOT_FOUND'));
    const hidden = await http.request('POST', url, { as: head, body: { version: 3 } });
    expect([hidden.statusCode, hidden.json().code]).toEqual([404, 'DOCUMENT.NOT_FOUND']);
    http.reply(DRAFTING_RPC.access, {});
    const refused = await http.request('POST', url, { as: head, body: { version: 3 } });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'DOCUMENT.NOT_IN_SCOPE']);
    expect(http.payloadsOf(DRAFTING_RPC.access).slice(before)).toEqual([{ documentId: IDS.document }, { documentId: IDS.document }]);
    http.reply(REVIEW_RPC.approve, DECISION_EXAMPLE);
  });

  it('hands a batch to its use case item by item; an empty batch is 400', async () => {
    const items = [{ documentId: IDS.document, version: 3, level: 1 }];
    expect((await http.request('POST', '/api/v1/reviews/batch-approve', { as: head, body: { items, comment: '同意' } })).statusCode).toBe(200);
    expect(batch.execute).toHaveBeenCalledWith(expect.objectContaining({ actor: expect.objectContaining({ userId: head.userId }) }), items, '同意');
    expect((await http.request('POST', '/api/v1/reviews/batch-approve', { as: head, body: { items: [] } })).statusCode).toBe(400);
    const nested = await http.request('POST', '/api/v1/reviews/batch-approve', { as: head, body: { items: [{ documentId: 'x', version: 3 }] } });
    expect(nested.json().details.errors).toEqual([expect.objectContaining({ field: 'items.0.documentId' })]);
  });
});
