import { Injectable } from '@nestjs/common';
import type { ApproveDocumentRequest, ReviewDecisionView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { APPROVAL_EVENT } from '@sanshen/workflow';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { CaseTransition } from '../case-transition.js';
import { authorizeReviewDecision } from '../review-case-guard.js';

/** A reviewer (or their delegate) signs the version under review at their level: 一审 → 二审 → 三审 → 保密审查. */
@Injectable()
export class ApproveDocumentUseCase {
  constructor(
    private readonly transition: CaseTransition,
    private readonly reviews: ReviewRepository,
  ) {}

  async execute(actor: Actor, request: ApproveDocumentRequest, correlationId: string): Promise<ReviewDecisionView> {
    return this.transition.run(actor, request, correlationId, async (reviewCase, manager) => {
      const delegations = await this.transition.delegationsFor(actor, reviewCase, manager);
      const approvals = await this.reviews.approvalsOf(manager, reviewCase.documentId, reviewCase.version);
      const { level, next, eventActor, onBehalfOf } = authorizeReviewDecision({
        actor,
        reviewCase,
        event: (at) => APPROVAL_EVENT[at],
        approvals,
        delegations,
        expectedLevel: request.level ?? null,
      });
      const comment = request.comment?.trim() || null;
      await this.reviews.addSignature(manager, {
        documentId: reviewCase.documentId,
        version: reviewCase.version,
        contentHash: reviewCase.contentHash,
        level,
        decision: 'approved',
        signerId: actor.userId,
        signerName: actor.displayName,
        onBehalfOfId: onBehalfOf?.userId ?? null,
        onBehalfOfName: onBehalfOf?.displayName ?? null,
        comment,
      });
      return {
        event: APPROVAL_EVENT[level],
        next,
        level,
        eventActor,
        payload: {
          version: reviewCase.version,
          contentHash: reviewCase.contentHash,
          level,
          signerId: actor.userId,
          signerName: actor.displayName,
          comment,
        },
      };
    });
  }
}
