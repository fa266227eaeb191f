import { DRAFTING_RPC, SECRECY_RPC } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_EXAMPLE, IDS, SECRECY_DECISION_EXAMPLE } from './openapi/examples.js';
import { SecrecyController } from './secrecy.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('SecrecyController', () => {
  let http: HttpTestApp;
  const officer = actorWith(['secrecy_officer']);
  const url = `/api/v1/documents/${IDS.document}/secrecy`;

  beforeAll(async () => {
    http = await HttpTestApp.start(SecrecyController, {
      replies: {
        [SECRECY_RPC.get]: { documentId: IDS.document, findings: [] },
        [SECRECY_RPC.decide]: SECRECY_DECISION_EXAMPLE,
        [SECRECY_RPC.disposeFinding]: FINDING_EXAMPLE,
        [SECRECY_RPC.answerReferral]: SECRECY_DECISION_EXAMPLE,
      },
    });
  });
  afterAll(() => http.close());

  it('shows the review of a document the officer may read, else 404 before secrecy is asked', async () => {
    expect((await http.request('GET', url, { as: officer })).statusCode).toBe(200);
    http.reply(DRAFTING_RPC.access, new DomainError('DOCUMENT.NOT_FOUND'));
    expect((await http.request('GET', url, { as: officer })).json().code).toBe('DOCUMENT.NOT_FOUND');
    expect(http.payloadsOf(SECRECY_RPC.get)).toHaveLength(1);
    http.reply(DRAFTING_RPC.access, {});
  });

  it('decides with a conclusion, basis and multi-line opinion', async () => {
    const body = { version: 4, conclusion: 'public', basis: '保密法第三十五条', opinion: '第一段\n第二段' };
    expect((await http.request('POST', `${url}/decision`, { as: officer, body })).statusCode).toBe(201);
    expect(http.payloadsOf(SECRECY_RPC.decide)).toEqual([{ documentId: IDS.document, ...body }]);
    const unknown = await http.request('POST', `${url}/decision`, { as: officer, body: { ...body, conclusion: 'maybe' } });
    expect(unknown.json()).toMatchObject({ code: 'REQUEST.INVALID', details: { errors: [expect.objectContaining({ field: 'conclusion' })] } });
    const basis = await http.request('POST', `${url}/decision`, { as: officer, body: { ...body, basis: '第一行\n第二行' } });
    expect(basis.json()).toMatchObject({ code: 'REQUEST.TEXT_INVALID', details: { field: 'basis', violation: 'line_break' } });
  });

  it('answers a forbidden character in the path (422) before an invalid body (400)', async () => {
    const response = await http.request('POST', `/api/v1/documents/a${encodeURIComponent('\u202e')}b/secrecy/decision`, { as: officer, body: { conclusion: 'maybe' } });
    expect(response.json()).toMatchObject({ code: 'REQUEST.TEXT_INVALID', details: { field: 'id', violation: 'bidi_control' } });
  });

  it('disposes of a finding named in the path and records a referral’s answer', async () => {
    const dispose = await http.request('POST', `${url}/findings/${IDS.finding}`, { as: officer, body: { disposition: 'ignored', reason: '公开电话' } });
    expect(dispose.statusCode).toBe(200);
    expect(http.payloadsOf(SECRECY_RPC.disposeFinding)).toEqual([{ documentId: IDS.document, findingId: IDS.finding, disposition: 'ignored', reason: '公开电话' }]);
    expect((await http.request('POST', `${url}/findings/nope`, { as: officer, body: { disposition: 'ignored', reason: 'x' } })).statusCode).toBe(400);
    const answer = { version: 4, conclusion: 'return', answerReference: '海保密函〔2025〕3号', basis: '依据' };
    expect((await http.request('POST', `${url}/referral-answer`, { as: officer, body: answer })).statusCode).toBe(201);
    expect(http.payloadsOf(SECRECY_RPC.answerReferral)).toEqual([{ documentId: IDS.document, ...answer }]);
  });
});
