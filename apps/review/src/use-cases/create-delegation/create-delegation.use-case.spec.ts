import type { CreateDelegationRequest } from '@sanshen/contracts';
import { describe, expect, it } from 'vitest';
import type { NewDelegation } from '../../domain/review-delegation.js';
import { NOW, delegation, person, reviewsWith } from '../review-case.fixture.js';
import { CreateDelegationUseCase } from './create-delegation.use-case.js';

function store() {
  const added: NewDelegation[] = [];
  const reviews = reviewsWith({
    addDelegation: async (created) => {
      added.push(created);
      return delegation({ ...created, id: 'dl-new', createdAt: NOW });
    },
  });
  return { useCase: new CreateDelegationUseCase(reviews), added };
}

const january: CreateDelegationRequest = { toUserId: 'stand-in', from: '2026-01-09T00:00:00Z', until: '2026-01-20T00:00:00Z' };

describe('CreateDelegationUseCase', () => {
  it('delegates only the caller’s review roles, with their scope captured now, and answers the view', async () => {
    const { useCase, added } = store();
    const deputy = person('dep', ['deputy', 'drafter'], { departmentId: null, oversees: ['d-1', 'd-2'], displayName: '副局长' });
    const view = await useCase.execute(deputy, january, NOW);
    expect(added).toEqual([
      {
        agencyId: 'a-1',
        fromUserId: 'dep',
        fromName: '副局长',
        toUserId: 'stand-in',
        roles: ['deputy'],
        departmentId: null,
        oversees: ['d-1', 'd-2'],
        startsAt: new Date(january.from),
        endsAt: new Date(january.until),
      },
    ]);
    deputy.oversees.push('d-3');
    expect(added[0]!.oversees).toEqual(['d-1', 'd-2']);
    expect(view).toMatchObject({ id: 'dl-new', roles: ['deputy'], from: '2026-01-09T00:00:00.000Z', until: '2026-01-20T00:00:00.000Z', revokedAt: null });
  });

  it('lets a delegation start in the past when it still runs', async () => {
    const { useCase, added } = store();
    await useCase.execute(person('head', ['dept_head']), { ...january, from: '2025-12-01T00:00:00Z' }, NOW);
    expect(added).toHaveLength(1);
  });

  it('refuses a caller without review duties', async () => {
    const { useCase, added } = store();
    await expect(useCase.execute(person('w', ['drafter', 'publisher']), january, NOW)).rejects.toMatchObject({ code: 'REVIEW.NOT_A_REVIEWER' });
    expect(added).toEqual([]);
  });

  it.each([
    ['to oneself', { toUserId: 'head' }],
    ['with an unreadable start', { from: 'next monday' }],
    ['with an unreadable end', { until: '' }],
    ['ending before it starts', { until: '2026-01-08T00:00:00Z' }],
    ['ending as it starts', { until: january.from }],
    ['already over', { from: '2025-12-01T00:00:00Z', until: '2026-01-10T01:00:00Z' }],
  ])('refuses a delegation %s as invalid (422), storing nothing', async (_label, change) => {
    const { useCase, added } = store();
    await expect(useCase.execute(person('head', ['dept_head']), { ...january, ...change }, NOW)).rejects.toMatchObject({
      code: 'REVIEW.DELEGATION_INVALID',
      kind: 'unprocessable',
    });
    expect(added).toEqual([]);
  });
});
