import { describe, expect, it } from 'vitest';
import { NOW, answering, delegation, person, reviewsWith } from '../review-case.fixture.js';
import { ListDelegatedDutiesUseCase } from './list-delegated-duties.use-case.js';

describe('ListDelegatedDutiesUseCase', () => {
  it('answers the duties in force for the caller at that moment, with the delegator’s roles and scope', async () => {
    const inForce = answering([delegation(), delegation({ id: 'dl-2', fromUserId: 'dep', fromName: '副局长', roles: ['deputy'], departmentId: null, oversees: ['d-1', 'd-2'] })]);
    const reviews = reviewsWith({ delegationsInForce: inForce.method });
    const view = await new ListDelegatedDutiesUseCase(reviews).execute(person('stand-in', ['drafter']), NOW);
    expect(inForce.calls).toEqual([['a-1', 'stand-in', NOW]]);
    expect(view.duties).toEqual([
      { delegationId: 'dl-1', fromUserId: 'head', fromName: '科长', roles: ['dept_head'], departmentId: 'd-1', oversees: [], from: '2026-01-01T00:00:00.000Z', until: '2026-02-01T00:00:00.000Z' },
      expect.objectContaining({ delegationId: 'dl-2', roles: ['deputy'], departmentId: null, oversees: ['d-1', 'd-2'] }),
    ]);
  });

  it('answers no duties when none is in force', async () => {
    const reviews = reviewsWith({ delegationsInForce: async () => [] });
    await expect(new ListDelegatedDutiesUseCase(reviews).execute(person('w', ['drafter']), NOW)).resolves.toEqual({ duties: [] });
  });
});
