import { REVIEW_RPC } from '@sanshen/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { ListDelegatesUseCase } from '../../use-cases/list-delegates/list-delegates.use-case.js';
import { ListDelegationsUseCase } from '../../use-cases/list-delegations/list-delegations.use-case.js';
import { DelegatedDuties } from '../auth/delegated-duties.js';
import { DelegationsController } from './delegations.controller.js';
import { DELEGATION_EXAMPLE } from './openapi/examples.js';
import { HttpTestApp, actorWith } from './testing/http-test-app.js';

describe('DelegationsController', () => {
  let http: HttpTestApp;
  const head = actorWith(['dept_head']);
  const candidates = [{ id: DELEGATION_EXAMPLE.toUserId, displayName: '李娜', departmentName: '政策法规科' }];
  const organisation = {
    delegateCandidates: vi.fn(async () => candidates),
    namesOf: vi.fn(async () => ({ users: new Map([[DELEGATION_EXAMPLE.toUserId, '李娜']]), departments: new Map() })),
  };

  beforeAll(async () => {
    http = await HttpTestApp.start(DelegationsController, {
      replies: { [REVIEW_RPC.delegate]: DELEGATION_EXAMPLE, [REVIEW_RPC.delegations]: { given: [DELEGATION_EXAMPLE], received: [] }, [REVIEW_RPC.revokeDelegation]: DELEGATION_EXAMPLE },
      providers: [ListDelegatesUseCase, ListDelegationsUseCase, { provide: OrganisationRepository, useValue: organisation }],
    });
  });
  afterAll(() => http.close());

  it('delegates for a period and forgets the delegate’s cached duties and the delegator’s delegates', async () => {
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
    expect(forgotten).toEqual([DELEGATION_EXAMPLE.toUserId, DELEGATION_EXAMPLE.fromUserId]);
  });

  it('refuses a period that is not ISO 8601', async () => {
    const response = await http.request('POST', '/api/v1/delegations', { as: head, body: { toUserId: DELEGATION_EXAMPLE.toUserId, from: 'tomorrow', until: '2026-13-45' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.errors.map((error: { field: string }) => error.field)).toEqual(['from', 'until']);
  });

  it('lists and revokes', async () => {
    expect((await http.request('GET', '/api/v1/delegations', { as: head })).json()).toEqual({ given: [{ ...DELEGATION_EXAMPLE, toName: '李娜' }], received: [] });
    expect(organisation.namesOf).toHaveBeenLastCalledWith(head.agencyId, [DELEGATION_EXAMPLE.toUserId], []);
    expect((await http.request('DELETE', `/api/v1/delegations/${DELEGATION_EXAMPLE.id}`, { as: head })).statusCode).toBe(200);
    expect(http.payloadsOf(REVIEW_RPC.revokeDelegation)).toEqual([{ delegationId: DELEGATION_EXAMPLE.id }]);
    expect((await http.request('DELETE', '/api/v1/delegations/x', { as: head })).statusCode).toBe(400);
  });

  it('lists the people a reviewer may delegate to: the own agency only, never the reviewer, names and departments only', async () => {
    const response = await http.request('GET', `/api/v1/delegations/delegates?q=${encodeURIComponent(' 李 ')}&limit=10`, { as: head });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: candidates });
    expect(organisation.delegateCandidates).toHaveBeenLastCalledWith(head.agencyId, head.userId, { q: '李', limit: 10 });
    await http.request('GET', '/api/v1/delegations/delegates', { as: head });
    expect(organisation.delegateCandidates).toHaveBeenLastCalledWith(head.agencyId, head.userId, { q: undefined, limit: 20 });
  });

  it('refuses the list to someone who reviews nothing, and a bad query', async () => {
    const calls = organisation.delegateCandidates.mock.calls.length;
    const drafter = await http.request('GET', '/api/v1/delegations/delegates', { as: actorWith(['drafter']) });
    expect(drafter.statusCode).toBe(403);
    expect(drafter.json().code).toBe('REVIEW.NOT_A_REVIEWER');
    expect((await http.request('GET', '/api/v1/delegations/delegates?limit=500', { as: head })).statusCode).toBe(400);
    expect((await http.request('GET', '/api/v1/delegations/delegates?role=admin', { as: head })).statusCode).toBe(400);
    expect((await http.request('GET', '/api/v1/delegations/delegates')).statusCode).toBe(401);
    expect(organisation.delegateCandidates.mock.calls.length).toBe(calls);
  });
});
