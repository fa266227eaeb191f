import type { Actor } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import type { ReviewDelegation } from '../../domain/review-delegation.js';
import { answering, delegation, notification, person, reviewsWith } from '../review-case.fixture.js';
import { ListNotificationsUseCase } from './list-notifications.use-case.js';

const toHeads = notification({ id: 'n-l1' });
const toOtherHeads = notification({ id: 'n-d2', departmentId: 'd-2' });
const toDeputies = notification({ id: 'n-l2', kind: 'review_escalation', level: 2 });
const toPrincipals = notification({ id: 'n-l3', kind: 'review_escalation', level: 3, departmentId: 'd-2' });
const all = [toHeads, toOtherHeads, toDeputies, toPrincipals];

async function ids(actor: Actor, delegations: ReviewDelegation[] = []) {
  const recent = answering(all);
  const reviews = reviewsWith({ delegationsInForce: async () => delegations, recentNotifications: recent.method });
  const { items } = await new ListNotificationsUseCase(reviews).execute(actor);
  expect(recent.calls).toEqual([[actor.agencyId, 200]]);
  return items;
}

describe('ListNotificationsUseCase', () => {
  it('shows a reviewer the notices addressed to their duty for their scope', async () => {
    expect(await ids(person('head', ['dept_head']))).toEqual([
      {
        id: 'n-l1',
        kind: 'review_reminder',
        documentId: toHeads.documentId,
        level: 1,
        title: '审核提醒：标题',
        message: '请及时审核',
        createdAt: '2026-01-07T00:00:00.000Z',
        onBehalfOf: null,
      },
    ]);
    expect((await ids(person('dep', ['deputy'], { departmentId: null, oversees: ['d-1'] }))).map((item) => item.id)).toEqual(['n-l2']);
    expect((await ids(person('boss', ['principal'], { departmentId: null }))).map((item) => item.id)).toEqual(['n-l3']);
  });

  it('shows a delegate the notices of the delegated duty, as “代” the delegator', async () => {
    const items = await ids(person('stand-in', ['drafter'], { departmentId: 'd-7' }), [delegation()]);
    expect(items.map((item) => [item.id, item.onBehalfOf])).toEqual([['n-l1', { userId: 'head', displayName: '科长' }]]);
  });

  it('shows nothing to someone without a review duty', async () => {
    expect(await ids(person('w', ['drafter']))).toEqual([]);
  });
});
