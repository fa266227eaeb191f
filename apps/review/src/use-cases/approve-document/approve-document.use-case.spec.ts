import { describe, expect, it } from 'vitest';
import { DOC, delegation, person, reviewCase, reviewHarness } from '../review-case.fixture.js';
import { ApproveDocumentUseCase } from './approve-document.use-case.js';

describe('ApproveDocumentUseCase', () => {
  it('signs at the case level, moves the case on, emits the approval, and hands over (the new task’s reminders come from the sweep)', async () => {
    const { transition, reviews, outbox, log, reads } = reviewHarness(reviewCase('pending_l1'));
    const view = await new ApproveDocumentUseCase(transition, reviews).execute(person('head', ['dept_head']), { documentId: DOC, version: 2, comment: ' 同意 ' }, 'c-1');
    // By their own duty: no delegation is read.
    expect(reads).toEqual([]);
    expect(view).toEqual({ documentId: DOC, version: 2, status: 'pending_l2', level: 1 });
    expect(log).toEqual([
      'sign approved l1 by head',
      'save pending_l2 #6',
      'emit document.approved_l1 #6',
      'published',
      'hand-over document.approved_l1',
    ]);
    expect(outbox.emitted[0].payload).toMatchObject({ version: 2, level: 1, signerId: 'head', comment: '同意' });
  });

  it('reads the delegations in force only for a caller without their own duty at the case’s level', async () => {
    const standIn = reviewHarness(reviewCase('pending_l1'), { delegations: [delegation({ toUserId: 'stand-in' })] });
    const view = await new ApproveDocumentUseCase(standIn.transition, standIn.reviews).execute(person('stand-in', ['publisher']), { documentId: DOC, version: 2 }, 'c-1');
    expect(view.status).toBe('pending_l2');
    expect(standIn.reads).toEqual(['delegations']);
    expect(standIn.outbox.emitted[0].actor).toMatchObject({ onBehalfOf: { userId: 'head' } });
  });

  it.each([
    ['a stale version', person('head', ['dept_head']), reviewCase('pending_l1', { version: 3 }), 'DOCUMENT.VERSION_CONFLICT'],
    ['another agency', person('head', ['dept_head'], { agencyId: 'a-2' }), reviewCase('pending_l1'), 'DOCUMENT.NOT_FOUND'],
    ['the wrong role', person('drafter', ['drafter']), reviewCase('pending_l1'), 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['a case already past the level', person('head', ['dept_head']), reviewCase('pending_l2'), 'DOCUMENT.INVALID_TRANSITION'],
    ['the author signing', person('author', ['dept_head']), reviewCase('pending_l1'), 'REVIEW.SELF_APPROVAL'],
  ])('refuses %s and changes nothing', async (_label, who, current, code) => {
    const { transition, reviews, log } = reviewHarness(current);
    await expect(new ApproveDocumentUseCase(transition, reviews).execute(who, { documentId: DOC, version: 2 }, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });
});
