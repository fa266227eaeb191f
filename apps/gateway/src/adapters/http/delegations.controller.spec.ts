import { REVIEW_RPC } from '@sanshen/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DelegatedDuties } from '../auth/delegated-duties.js';
import { DelegationsController } from './delegations.controller.js';
import { DELEGATION_EXAMPLE } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('DelegationsController', () => {
  let http: HttpTestApp;
  const head = actorWith(['dept_head']);

  beforeAll(async () => {
    http = await HttpTestApp.start(DelegationsController, {
      replies: { [REVIEW_RPC.delegate]: DELEGATION_EXAMPLE, [REVIEW_RPC.delegations]: { given: [], received: [] }, [REVIEW_RPC.revokeDelegation]: DELEGATION_EXAMPLE },
    });
  });
  afterAll(() => http.close());

  it('delegates for a period and forgets the delegate’s cached duties', async () => {
    const duties = http.app.get(DelegatedDuties);
    const forgotten: string[] = [];
    const forget = duties.forget.bind(duties);
    duties.forget = (...ids: string[]) => {
      forgotten.push(...ids);
      forget(...ids);
    };
    const body = { toUserId: DELEGATION_EXAMPLE.toUserId, from: '2026-12-07T00:00:00+08:00', until: '2026-12-14T00:00:00+08:00' };
    expect((await http.request('POST', '/api/v1/delegations', { as: head, body })).statusCode).toBe(201);
    expect(http.payloadsOf(REVIEW_RPC.delegate)).toEqual([body]);
    expect(forgotten).toEqual([DELEGATION_EXAMPLE.toUserId]);
  });

  it('refuses a period that is not ISO 8601', async () => {
    const response = await http.request('POST', '/api/v1/delegations', { as: head, body: { toUserId: DELEGATION_EXAMPLE.toUserId, from: 'tomorrow', until: '2026-13-45' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.errors.map((error: { field: string }) => error.field)).toEqual(['from', 'until']);
  });

  it('lists and revokes', async () => {
    expect((await http.request('GET', '/api/v1/delegations', { as: head })).json()).toEqual({ given: [], received: [] });
    expect((await http.request('DELETE', `/api/v1/delegations/${DELEGATION_EXAMPLE.id}`, { as: head })).statusCode).toBe(200);
    expect(http.payloadsOf(REVIEW_RPC.revokeDelegation)).toEqual([{ delegationId: DELEGATION_EXAMPLE.id }]);
    expect((await http.request('DELETE', '/api/v1/delegations/x', { as: head })).statusCode).toBe(400);
  });
});
