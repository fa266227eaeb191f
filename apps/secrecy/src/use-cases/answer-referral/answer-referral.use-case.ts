import { Injectable } from '@nestjs/common';
import type { ReferralAnswerRequest, SecrecyDecisionView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { ConcludeReview } from '../decide-secrecy/conclude-review.js';
import { assertVersion, caseInAgency } from '../secrecy-guards.js';
import { toDecisionView } from '../secrecy-view.js';

/**
 * Records what the 保密行政管理部门 answered to a referral (不能确定是否可以公开): `public` clears the
 * version (still refused while a blocking finding has no disposition), `return` sends it back. The
 * decision names the referral it answers and the answer's reference.
 */
@Injectable()
export class AnswerReferralUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly secrecy: SecrecyRepository,
    private readonly conclude: ConcludeReview,
  ) {}

  async execute(actor: Actor, request: ReferralAnswerRequest, correlationId: string): Promise<SecrecyDecisionView> {
    const { decision: concluded } = await this.transition.run(
      {
        lock: async (manager) => caseInAgency(await this.secrecy.lockCase(manager, request.documentId), actor),
        decide: (secrecyCase, manager) => {
          assertVersion(secrecyCase, request.version);
          const referralId = secrecyCase.openReferralId;
          if (referralId === null) throw new DomainError('SECRECY.NO_REFERRAL');
          const answerReference = request.answerReference.trim();
          const conclusionText = request.conclusion === 'public' ? '可以公开' : '不予公开，退回修改';
          return this.conclude.conclude(
            manager,
            actor,
            secrecyCase,
            {
              conclusion: request.conclusion,
              basis: request.basis,
              opinion: request.opinion?.trim() || `保密行政管理部门答复（${answerReference}）：${conclusionText}`,
              referralDecisionId: referralId,
              answerReference,
            },
            correlationId,
          );
        },
        emit: ({ event }) => [event],
      },
      { handOver: true },
    );
    return toDecisionView(concluded.decision);
  }
}
