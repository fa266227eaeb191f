import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/contracts';
import type { Actor, ReturnDocumentRequest, ReviewDecisionView } from '@sanshen/contracts';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { CaseTransition } from '../case-transition.js';
import { authorizeReviewDecision } from '../review-case-guard.js';

/** A reviewer sends the document back to the drafter with a reason (退回). */
@Injectable()
export class ReturnDocumentUseCase {
  constructor(
    private readonly transition: CaseTransition,
    private readonly reviews: ReviewRepository,
  ) {}

  execute(actor: Actor, request: ReturnDocumentRequest, correlationId: string): Promise<ReviewDecisionView> {
    const reason = request.reason?.trim() ?? '';
    if (reason === '') throw new DomainError('REVIEW.REASON_REQUIRED');
    return this.transition.run(actor, request, correlationId, async (reviewCase, manager) => {
      const { level, next } = authorizeReviewDecision(actor, reviewCase, () => 'returned', []);
      await this.reviews.addSignature(manager, {
        documentId: reviewCase.documentId,
        version: reviewCase.version,
        contentHash: reviewCase.contentHash,
        level,
        decision: 'returned',
        signerId: actor.userId,
        signerName: actor.displayName,
        comment: reason,
      });
      return {
        event: 'returned',
        next,
        level,
        payload: { version: reviewCase.version, contentHash: reviewCase.contentHash, level, reason, to: request.to },
      };
    });
  }
}
