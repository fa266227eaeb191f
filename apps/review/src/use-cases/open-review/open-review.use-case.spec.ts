import { documentEventName } from '@sanshen/contracts';
import type { DocumentEvent } from '@sanshen/contracts';
import { RecordingOutbox, buildEnvelope } from '@sanshen/messaging';
import type { EventOutbox } from '@sanshen/platform';
import { describe, expect, it } from 'vitest';
import type { RecordedSignature, ReviewCase } from '../../domain/review-case.js';
import { AGENCY, DEPT, DOC, person, reviewCase, reviewsWith, signature } from '../review-case.fixture.js';
import { OpenReviewUseCase } from './open-review.use-case.js';

const HASH = `sha256:${'a'.repeat(64)}`;

function submitted(sequence: number, changes: { version?: number; contentHash?: string } = {}): DocumentEvent<'submitted'> {
  return buildEnvelope('drafting', {
    type: documentEventName('submitted'),
    documentId: DOC,
    sequence,
    actor: person('author', ['drafter'], { displayName: '起草人' }),
    correlationId: 'c-1',
    occurredAt: new Date('2026-01-08T00:00:00Z'),
    payload: { version: 2, contentHash: HASH, agencyId: AGENCY, departmentId: DEPT, authorId: 'author', submitterId: 'author', kind: 'article', title: '标题', ...changes },
  }) as DocumentEvent<'submitted'>;
}

async function open(existing: ReviewCase | null, event: DocumentEvent<'submitted'>, approvals: RecordedSignature[] = []) {
  const saved: ReviewCase[] = [];
  const reviews = reviewsWith({
    lockCase: async () => existing,
    insertCase: async (_manager, reviewCase) => void saved.push({ ...reviewCase }),
    updateCase: async (_manager, reviewCase) => void saved.push({ ...reviewCase }),
    approvalsOf: async (_manager, _documentId, version) => approvals.filter((approval) => approval.version === version),
  });
  const outbox = new RecordingOutbox([], 'review');
  const useCase = new OpenReviewUseCase(reviews, outbox as unknown as EventOutbox);
  const manager = {} as never;
  await useCase.execute(event, manager, await useCase.lock(event, manager));
  return { saved, emitted: outbox.emitted };
}

/** A version the reviewer at `level` returned to the drafter, with its approvals below that level. */
const returnedAt = (level: 1 | 2 | 3) => reviewCase('draft', { returnedLevel: level, eventSeq: 8 });
const standing = [signature(1, 'approved', { signerId: 'early' }), signature(1, 'approved'), signature(2, 'approved')];

describe('OpenReviewUseCase', () => {
  it('opens 一审 for a first submission, the task reminded from when it opened (the sweep reads the case)', async () => {
    const { saved, emitted } = await open(null, submitted(7));
    expect(saved).toEqual([
      reviewCase('pending_l1', { eventSeq: 7, submittedAt: new Date('2026-01-08T00:00:00Z'), stageEnteredAt: new Date('2026-01-08T00:00:00Z') }),
    ]);
    expect(emitted).toEqual([]);
  });

  it.each([
    ['the same event redelivered', 7],
    ['an event older than the case', 6],
  ])('ignores %s: nothing saved or emitted', async (_label, sequence) => {
    const result = await open(reviewCase('pending_l1', { eventSeq: 7 }), submitted(sequence));
    expect(result).toEqual({ saved: [], emitted: [] });
  });

  it('resumes an unchanged resubmission at the level that returned it, carrying each standing signature forward', async () => {
    const event = submitted(9);
    const { saved, emitted } = await open(returnedAt(3), event, standing);
    expect(saved).toMatchObject([{ status: 'pending_l3', eventSeq: 11, returnedLevel: null, remindedAt: null, escalatedAt: null }]);
    expect(emitted.map((resumed) => [resumed.type, resumed.sequence, resumed.payload])).toEqual([
      ['document.resumed', 10, { version: 2, contentHash: HASH, level: 1, signerId: 'l1', signerName: '审核人1' }],
      ['document.resumed', 11, { version: 2, contentHash: HASH, level: 2, signerId: 'l2', signerName: '审核人2' }],
    ]);
    expect(emitted[0]).toMatchObject({ causationId: event.id, correlationId: 'c-1', actor: { userId: 'system', agencyId: AGENCY } });
  });

  it.each([
    ['the content changed', returnedAt(3), submitted(9, { contentHash: `sha256:${'b'.repeat(64)}` }), standing],
    ['it is a new version', returnedAt(3), submitted(9, { version: 3 }), standing],
    ['一审 returned it', returnedAt(1), submitted(9), standing],
    ['it was withdrawn, not returned', reviewCase('draft', { eventSeq: 8 }), submitted(9), standing],
    ['a level below has no standing approval', returnedAt(3), submitted(9), [signature(2, 'approved')]],
    ['an approval is bound to other content', returnedAt(2), submitted(9), [signature(1, 'approved', { contentHash: 'sha256:old' })]],
  ])('starts again at 一审 when %s', async (_label, existing, event, approvals) => {
    const { saved, emitted } = await open(existing, event, approvals);
    expect(saved).toMatchObject([{ status: 'pending_l1', eventSeq: 9, version: event.payload.version, contentHash: event.payload.contentHash }]);
    expect(emitted).toEqual([]);
  });
});
