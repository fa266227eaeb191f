import { Injectable } from '@nestjs/common';
import type { ReviewDecisionView, WithdrawDocumentRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { assertTransition } from '@sanshen/workflow';
import { CaseTransition } from '../case-transition.js';

/** The submitter takes the document back before the first sign-off (撤回); a resubmission starts at level 1. */
@Injectable()
export class WithdrawDocumentUseCase {
  constructor(private readonly transition: CaseTransition) {}

  execute(actor: Actor, request: WithdrawDocumentRequest, correlationId: string): Promise<ReviewDecisionView> {
    return this.transition.run(actor, request, correlationId, async (reviewCase) => {
      const next = assertTransition(reviewCase.status, 'withdrawn', actor);
      if (reviewCase.submitterId !== actor.userId) {
        throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { reason: 'only the submitter withdraws' }, '只有提交人可以撤回');
      }
      reviewCase.returnedLevel = null;
      return {
        event: 'withdrawn',
        next,
        level: null,
        payload: { version: reviewCase.version, contentHash: reviewCase.contentHash, reason: null },
      };
    });
  }
}
