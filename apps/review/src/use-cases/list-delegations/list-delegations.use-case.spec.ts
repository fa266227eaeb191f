import { describe, expect, it } from 'vitest';
import { answering, delegation, person, reviewsWith } from '../review-case.fixture.js';
import { ListDelegationsUseCase } from './list-delegations.use-case.js';

describe('ListDelegationsUseCase', () => {
  it('answers the caller’s given and held delegations of their own agency as views', async () => {
    const given = delegation({ revokedAt: new Date('2026-01-12T00:00:00Z') });
    const received = delegation({ id: 'dl-2', fromUserId: 'dep', fromName: '副局长', toUserId: 'head', roles: ['deputy'] });
    const delegations = answering({ given: [given], received: [received] });
    const reviews = reviewsWith({ delegationsOf: delegations.method });
    const view = await new ListDelegationsUseCase(reviews).execute(person('head', ['dept_head']));
    expect(delegations.calls).toEqual([['a-1', 'head', expect.any(Date)]]);
    expect(view).toEqual({
      given: [
        {
          id: 'dl-1',
          agencyId: 'a-1',
          fromUserId: 'head',
          fromName: '科长',
          toUserId: 'stand-in',
          roles: ['dept_head'],
          from: '2026-01-01T00:00:00.000Z',
          until: '2026-02-01T00:00:00.000Z',
          createdAt: '2025-12-31T00:00:00.000Z',
          revokedAt: '2026-01-12T00:00:00.000Z',
        },
      ],
      received: [expect.objectContaining({ id: 'dl-2', fromUserId: 'dep', toUserId: 'head', roles: ['deputy'], revokedAt: null })],
    });
  });
});
