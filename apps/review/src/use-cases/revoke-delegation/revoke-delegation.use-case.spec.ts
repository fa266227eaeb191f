import { describe, expect, it } from 'vitest';
import type { ReviewDelegation } from '../../domain/review-delegation.js';
import { delegation, person, reviewsWith } from '../review-case.fixture.js';
import { RevokeDelegationUseCase } from './revoke-delegation.use-case.js';

function store(rows: ReviewDelegation[]) {
  const revoked: string[] = [];
  const reviews = reviewsWith({
    findDelegation: async (id) => rows.find((row) => row.id === id) ?? null,
    revokeDelegation: async (id, at) => {
      revoked.push(id);
      const row = rows.find((candidate) => candidate.id === id);
      if (row) row.revokedAt ??= at;
    },
  });
  return { useCase: new RevokeDelegationUseCase(reviews), revoked };
}

describe('RevokeDelegationUseCase', () => {
  it('lets the delegator end it early and answers it as revoked', async () => {
    const { useCase, revoked } = store([delegation()]);
    const view = await useCase.execute(person('head', ['dept_head']), { delegationId: 'dl-1' });
    expect(revoked).toEqual(['dl-1']);
    expect(view).toMatchObject({ id: 'dl-1', fromUserId: 'head', toUserId: 'stand-in' });
    expect(view.revokedAt).not.toBeNull();
  });

  it.each([
    ['an unknown delegation', person('head', ['dept_head']), 'dl-2'],
    ['the delegate', person('stand-in', ['drafter']), 'dl-1'],
    ['a namesake in another agency', person('head', ['dept_head'], { agencyId: 'a-2' }), 'dl-1'],
  ])('answers %s with DELEGATION_NOT_FOUND and revokes nothing', async (_label, who, delegationId) => {
    const { useCase, revoked } = store([delegation()]);
    await expect(useCase.execute(who, { delegationId })).rejects.toMatchObject({ code: 'REVIEW.DELEGATION_NOT_FOUND', kind: 'not_found' });
    expect(revoked).toEqual([]);
  });
});
