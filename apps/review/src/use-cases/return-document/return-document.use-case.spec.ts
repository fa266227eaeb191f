import { describe, expect, it } from 'vitest';
import { DOC, person, reviewCase, reviewHarness } from '../review-case.fixture.js';
import { ReturnDocumentUseCase } from './return-document.use-case.js';

const deputy = person('deputy', ['deputy'], { departmentId: null, oversees: ['d-1'] });

describe('ReturnDocumentUseCase', () => {
  it('returns to the drafter with the reason and remembers the level for an unchanged resubmission', async () => {
    const { transition, reviews, outbox, log } = reviewHarness(reviewCase('pending_l2'));
    const view = await new ReturnDocumentUseCase(transition, reviews).execute(deputy, { documentId: DOC, version: 2, reason: ' 数据有误 ', to: 'drafter' }, 'c-1');
    expect(view).toEqual({ documentId: DOC, version: 2, status: 'draft', level: 2 });
    expect(log).toEqual(['sign returned l2 by deputy', 'save draft #6', 'emit document.returned #6', 'published', 'hand-over document.returned']);
    expect(outbox.emitted[0].payload).toMatchObject({ level: 2, reason: '数据有误', to: 'drafter' });
  });

  it('sends the document one level down (驳回上一级), where that level decides again', async () => {
    const { transition, reviews, outbox, log } = reviewHarness(reviewCase('pending_l2'));
    const view = await new ReturnDocumentUseCase(transition, reviews).execute(deputy, { documentId: DOC, version: 2, reason: '请复核', to: 'previous' }, 'c-1');
    expect(view.status).toBe('pending_l1');
    expect(log).toContain('save pending_l1 #6');
    expect(outbox.emitted[0]).toMatchObject({ type: 'document.returned_previous', payload: { to: 'previous', level: 2 } });
  });

  it('refuses a return without a reason before touching the case', async () => {
    const { transition, reviews, log } = reviewHarness(reviewCase('pending_l2'));
    await expect(new ReturnDocumentUseCase(transition, reviews).execute(deputy, { documentId: DOC, version: 2, reason: '  ', to: 'drafter' }, 'c')).rejects.toMatchObject({
      code: 'REVIEW.REASON_REQUIRED',
    });
    expect(log).toEqual([]);
  });
});
