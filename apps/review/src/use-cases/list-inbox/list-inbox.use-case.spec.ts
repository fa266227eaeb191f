import type { Actor } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import type { ReviewCase } from '../../domain/review-case.js';
import type { ReviewDelegation } from '../../domain/review-delegation.js';
import { answering, delegation, person, reminderQueue, reviewCase, reviewsWith } from '../review-case.fixture.js';
import { ListInboxUseCase } from './list-inbox.use-case.js';

const ownDepartment = reviewCase('pending_l1', { documentId: 'doc-l1', remindedAt: new Date('2026-01-05T02:00:00Z') });
const otherDepartment = reviewCase('pending_l1', { documentId: 'doc-d2', departmentId: 'd-2' });
const atLevel2 = reviewCase('pending_l2', { documentId: 'doc-l2' });
const headsOwn = reviewCase('pending_l1', { documentId: 'doc-own', authorId: 'head' });

function inbox(cases: ReviewCase[], delegations: ReviewDelegation[] = []) {
  const open = answering(cases);
  const reviews = reviewsWith({ delegationsInForce: async () => delegations, openCases: open.method });
  const useCase = new ListInboxUseCase(reviews, reminderQueue().reminders);
  return { asked: open.calls, list: async (actor: Actor) => (await useCase.execute(actor)).items };
}

describe('ListInboxUseCase', () => {
  it('lists the cases waiting at the caller’s level in their scope, with the due date, never their own document', async () => {
    const { asked, list } = inbox([ownDepartment, otherDepartment, atLevel2, headsOwn]);
    expect(await list(person('head', ['dept_head']))).toEqual([
      {
        documentId: 'doc-l1',
        title: '标题',
        kind: 'article',
        version: 2,
        contentHash: ownDepartment.contentHash,
        level: 1,
        status: 'pending_l1',
        departmentId: 'd-1',
        authorId: 'author',
        submittedAt: '2026-01-05T00:00:00.000Z',
        openedAt: '2026-01-05T00:00:00.000Z',
        dueAt: '2026-01-05T02:00:00.000Z',
        onBehalfOf: null,
        remindedAt: '2026-01-05T02:00:00.000Z',
        escalatedAt: null,
      },
    ]);
    expect(asked).toEqual([['a-1', ['pending_l1', 'pending_l2', 'pending_l3']]]);
  });

  it('lists the 二审 tasks of the departments a deputy oversees', async () => {
    const { list } = inbox([ownDepartment, atLevel2, reviewCase('pending_l2', { documentId: 'doc-x', departmentId: 'd-9' })]);
    const items = await list(person('dep', ['deputy'], { departmentId: null, oversees: ['d-1'] }));
    expect(items.map((item) => [item.documentId, item.level])).toEqual([['doc-l2', 2]]);
  });

  it('lists a delegated duty’s tasks as “代” the delegator', async () => {
    const { list } = inbox([ownDepartment, atLevel2], [delegation()]);
    const items = await list(person('stand-in', ['drafter'], { departmentId: 'd-7' }));
    expect(items.map((item) => [item.documentId, item.onBehalfOf])).toEqual([['doc-l1', { userId: 'head', displayName: '科长' }]]);
  });

  it('answers nothing to a caller with no review duty, without reading the cases', async () => {
    const { asked, list } = inbox([ownDepartment]);
    expect(await list(person('w', ['drafter']))).toEqual([]);
    expect(asked).toEqual([]);
  });
});
