import { Injectable } from '@nestjs/common';
import type { ApproveDocumentRequest, ReviewDecisionView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { writeBehind } from '@sanshen/messaging';
import { APPROVAL_EVENT } from '@sanshen/workflow';
import type { EntityManager } from 'typeorm';
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
    // The version's approvals are read with the case's lock, in the same round trip.
    const approvalsAlong = (manager: EntityManager) => this.reviews.approvalsOf(manager, request.documentId, request.version);
    return this.transition.run(actor, request, correlationId, async (reviewCase, manager, approvals) => {
      const delegations = await this.transition.delegationsFor(actor, reviewCase, manager);
      const { level, next, eventActor, onBehalfOf } = authorizeReviewDecision({
        actor,
        reviewCase,
        event: (at) => APPROVAL_EVENT[at],
        approvals,
        delegations,
        expectedLevel: request.level ?? null,
      });
      const comment = request.comment?.trim() || null;
      writeBehind(manager, this.reviews.addSignature(manager, {
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
      }));
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
    }, approvalsAlong);
  }
}
