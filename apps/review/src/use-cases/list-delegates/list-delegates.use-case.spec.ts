import { describe, expect, it } from 'vitest';
import { NOW, answering, person, reviewsWith } from '../review-case.fixture.js';
import { ListDelegatesUseCase } from './list-delegates.use-case.js';

describe('ListDelegatesUseCase', () => {
  it('asks for the delegates in force of these users in the caller’s agency only', async () => {
    const delegates = answering(['stand-in']);
    const reviews = reviewsWith({ delegatesOf: delegates.method });
    const view = await new ListDelegatesUseCase(reviews).execute(person('gw', ['admin'], { agencyId: 'a-2' }), { fromUserIds: ['head', 'dep'] }, NOW);
    expect(view).toEqual({ userIds: ['stand-in'] });
    expect(delegates.calls).toEqual([['a-2', ['head', 'dep'], NOW]]);
  });

  it('bounds an oversized request to 500 users instead of failing', async () => {
    const delegates = answering([]);
    const reviews = reviewsWith({ delegatesOf: delegates.method });
    const fromUserIds = Array.from({ length: 800 }, (_, index) => `u-${index}`);
    await expect(new ListDelegatesUseCase(reviews).execute(person('gw', ['admin']), { fromUserIds }, NOW)).resolves.toEqual({ userIds: [] });
    expect(delegates.calls[0]![1]).toEqual(fromUserIds.slice(0, 500));
  });
});
