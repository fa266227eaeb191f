import { describe, expect, it } from 'vitest';
import { DOC, person, reviewCase, reviewHarness } from '../review-case.fixture.js';
import { WithdrawDocumentUseCase } from './withdraw-document.use-case.js';

describe('WithdrawDocumentUseCase', () => {
  it('takes the document back to draft before the first sign-off and hands it over to drafting', async () => {
    const { transition, outbox, log } = reviewHarness(reviewCase('pending_l1', { returnedLevel: 2 }));
    const view = await new WithdrawDocumentUseCase(transition).execute(person('author', ['drafter']), { documentId: DOC, version: 2 }, 'c-1');
    expect(view).toEqual({ documentId: DOC, version: 2, status: 'draft', level: null });
    expect(log).toEqual(['save draft #6', 'emit document.withdrawn #6', 'published', 'hand-over document.withdrawn']);
    expect(outbox.emitted[0].payload).toEqual({ version: 2, contentHash: `sha256:${'a'.repeat(64)}`, reason: null });
  });

  it.each([
    ['someone else', person('other', ['drafter']), reviewCase('pending_l1'), 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['after the first sign-off', person('author', ['drafter']), reviewCase('pending_l2'), 'DOCUMENT.INVALID_TRANSITION'],
    ['a missing case', person('author', ['drafter']), null, 'DOCUMENT.NOT_FOUND'],
  ])('refuses %s', async (_label, who, current, code) => {
    const { transition, log } = reviewHarness(current);
    await expect(new WithdrawDocumentUseCase(transition).execute(who, { documentId: DOC, version: 2 }, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });
});
