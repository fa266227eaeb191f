import { describe, expect, it } from 'vitest';
import { NOW, person, reviewsWith } from '../review-case.fixture.js';
import { ListDelegatesUseCase } from './list-delegates.use-case.js';

describe('ListDelegatesUseCase', () => {
  it('asks for the delegates in force of these users in the caller’s agency only', async () => {
    const asked: unknown[][] = [];
    const reviews = reviewsWith({
      delegatesOf: async (...args) => {
        asked.push(args);
        return ['stand-in'];
      },
    });
    const view = await new ListDelegatesUseCase(reviews).execute(person('gw', ['admin'], { agencyId: 'a-2' }), { fromUserIds: ['head', 'dep'] }, NOW);
    expect(view).toEqual({ userIds: ['stand-in'] });
    expect(asked).toEqual([['a-2', ['head', 'dep'], NOW]]);
  });

  it('bounds an oversized request to 500 users instead of failing', async () => {
    let asked: string[] = [];
    const reviews = reviewsWith({
      delegatesOf: async (_agencyId, fromUserIds) => {
        asked = fromUserIds;
        return [];
      },
    });
    const fromUserIds = Array.from({ length: 800 }, (_, index) => `u-${index}`);
    await expect(new ListDelegatesUseCase(reviews).execute(person('gw', ['admin']), { fromUserIds }, NOW)).resolves.toEqual({ userIds: [] });
    expect(asked).toEqual(fromUserIds.slice(0, 500));
  });
});
