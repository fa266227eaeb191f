import { Injectable } from '@nestjs/common';
import type { SecrecyDecisionRequest, SecrecyDecisionView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { ScanVersionUseCase } from '../scan-version/scan-version.use-case.js';
import { assertVersion, caseInAgency } from '../secrecy-guards.js';
import { toDecisionView } from '../secrecy-view.js';
import { ConcludeReview } from './conclude-review.js';

/**
 * The secrecy officer's decision (保密审查表) on the exact version that passed 三审, bound to its
 * content hash: `public` clears it for publication, `return` sends it back to the drafter, `refer`
 * holds it for the 保密行政管理部门 (its answer is recorded by AnswerReferralUseCase).
 */
@Injectable()
export class DecideSecrecyUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly secrecy: SecrecyRepository,
    private readonly scan: ScanVersionUseCase,
    private readonly conclude: ConcludeReview,
  ) {}

  async execute(actor: Actor, request: SecrecyDecisionRequest, correlationId: string): Promise<SecrecyDecisionView> {
    const current = caseInAgency(await this.secrecy.findCase(request.documentId), actor);
    if (current.status === 'pending_secrecy' && current.version === request.version) await this.scan.ensure(current, correlationId);
    const { decision: concluded } = await this.transition.run(
      {
        lock: async (manager) => caseInAgency(await this.secrecy.lockCase(manager, request.documentId), actor),
        decide: (secrecyCase, manager) => {
          assertVersion(secrecyCase, request.version);
          if (secrecyCase.openReferralId !== null) throw new DomainError('SECRECY.REFERRAL_PENDING', { referralDecisionId: secrecyCase.openReferralId });
          return this.conclude.conclude(manager, actor, secrecyCase, request, correlationId);
        },
        emit: ({ event }) => [event],
      },
      { handOver: true },
    );
    return toDecisionView(concluded.decision);
  }
}
