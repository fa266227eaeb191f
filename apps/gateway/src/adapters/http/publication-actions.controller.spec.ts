import { PUBLICATION_RPC } from '@sanshen/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, PUBLICATION_EXAMPLE } from './openapi/examples.js';
import { PublicationActionsController } from './publication-actions.controller.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('PublicationActionsController', () => {
  let http: HttpTestApp;
  const url = `/api/v1/documents/${IDS.document}`;
  const principal = actorWith(['principal']);

  beforeAll(async () => {
    http = await HttpTestApp.start(PublicationActionsController, {
      replies: {
        [PUBLICATION_RPC.schedule]: { documentId: IDS.document, state: 'pending' },
        [PUBLICATION_RPC.requestRetraction]: PUBLICATION_EXAMPLE,
        [PUBLICATION_RPC.authorizeRetraction]: PUBLICATION_EXAMPLE,
        [PUBLICATION_RPC.startCorrection]: PUBLICATION_EXAMPLE,
      },
    });
  });
  afterAll(() => http.close());

  it('schedules at an ISO 8601 moment, else 400', async () => {
    const body = { version: 4, publishAt: '2026-12-01T09:00:00+08:00' };
    expect((await http.request('POST', `${url}/schedule`, { as: principal, body })).statusCode).toBe(200);
    expect(http.payloadsOf(PUBLICATION_RPC.schedule)).toEqual([{ documentId: IDS.document, ...body }]);
    expect((await http.request('POST', `${url}/schedule`, { as: principal, body: { ...body, publishAt: 'next monday' } })).statusCode).toBe(400);
  });

  it('asks for and authorizes a retraction; a correction’s reason is optional', async () => {
    expect((await http.request('POST', `${url}/retract`, { as: actorWith(['publisher']), body: { reason: '数据有误' } })).statusCode).toBe(200);
    expect(http.payloadsOf(PUBLICATION_RPC.requestRetraction)).toEqual([{ documentId: IDS.document, reason: '数据有误' }]);
    expect((await http.request('POST', `${url}/retract`, { as: actorWith(['publisher']), body: {} })).statusCode).toBe(400);
    expect((await http.request('POST', `${url}/retract/authorize`, { as: principal })).statusCode).toBe(200);
    expect(http.payloadsOf(PUBLICATION_RPC.authorizeRetraction)).toEqual([{ documentId: IDS.document }]);
    expect((await http.request('POST', `${url}/correction`, { as: actorWith(['drafter']), body: {} })).statusCode).toBe(200);
    expect(http.payloadsOf(PUBLICATION_RPC.startCorrection)).toEqual([{ documentId: IDS.document, reason: null }]);
  });

  it('refuses a form post before anything is read (415)', async () => {
    const response = await http.request('POST', `${url}/retract`, { as: principal, body: 'reason=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });
});
