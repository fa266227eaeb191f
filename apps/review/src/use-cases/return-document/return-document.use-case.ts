import { Injectable } from '@nestjs/common';
import type { ReturnDocumentRequest, ReviewDecisionView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor, ReviewLevel } from '@sanshen/kernel';
import { writeBehind } from '@sanshen/messaging';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { CaseTransition } from '../case-transition.js';
import { authorizeReviewDecision } from '../review-case-guard.js';

/**
 * A reviewer sends the document back with a reason: to the drafter (退回, `returned`), or one level
 * down (驳回上一级, `returned_previous`: that level decides again). At level 1 "previous" is the
 * drafter. A return to the drafter remembers the level, so an unchanged resubmission resumes there.
 */
@Injectable()
export class ReturnDocumentUseCase {
  constructor(
    private readonly transition: CaseTransition,
    private readonly reviews: ReviewRepository,
  ) {}

  async execute(actor: Actor, request: ReturnDocumentRequest, correlationId: string): Promise<ReviewDecisionView> {
    const reason = request.reason?.trim() ?? '';
    if (reason === '') throw new DomainError('REVIEW.REASON_REQUIRED');
    return this.transition.run(actor, request, correlationId, async (reviewCase, manager) => {
      const delegations = await this.transition.delegationsFor(actor, reviewCase, manager);
      const previous = (level: ReviewLevel) => request.to === 'previous' && level > 1;
      const { level, next, eventActor, onBehalfOf } = authorizeReviewDecision({
        actor,
        reviewCase,
        event: (at) => (previous(at) ? 'returned_previous' : 'returned'),
        approvals: [],
        delegations,
        expectedLevel: request.level ?? null,
      });
      const toPrevious = previous(level);
      writeBehind(manager, this.reviews.addSignature(manager, {
        documentId: reviewCase.documentId,
        version: reviewCase.version,
        contentHash: reviewCase.contentHash,
        level,
        decision: toPrevious ? 'returned_previous' : 'returned',
        signerId: actor.userId,
        signerName: actor.displayName,
        onBehalfOfId: onBehalfOf?.userId ?? null,
        onBehalfOfName: onBehalfOf?.displayName ?? null,
        comment: reason,
      }));
      const ref = { version: reviewCase.version, contentHash: reviewCase.contentHash, level, reason };
      if (toPrevious) {
        return { event: 'returned_previous' as const, next, level, eventActor, payload: { ...ref, to: 'previous' as const } };
      }
      reviewCase.returnedLevel = level;
      return { event: 'returned' as const, next, level, eventActor, payload: { ...ref, to: 'drafter' as const } };
    });
  }
}
