import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/contracts';
import type { Actor, GetDocumentRequest, SecrecyReviewView } from '@sanshen/contracts';
import { SecrecyRepository } from '../../persistence/secrecy.repository.js';
import { toDecisionView } from '../secrecy-view.js';

/** The current version's secrecy review: automated findings (to come) and the decision, if any. */
@Injectable()
export class GetSecrecyReviewUseCase {
  constructor(private readonly secrecy: SecrecyRepository) {}

  async execute(actor: Actor, request: GetDocumentRequest): Promise<SecrecyReviewView> {
    const secrecyCase = await this.secrecy.findCase(request.documentId);
    if (secrecyCase === null || secrecyCase.agencyId !== actor.agencyId) throw new DomainError('SECRECY.CASE_NOT_FOUND');
    const decision = await this.secrecy.latestDecision(secrecyCase.documentId, secrecyCase.version);
    return {
      documentId: secrecyCase.documentId,
      version: secrecyCase.version,
      contentHash: secrecyCase.contentHash,
      status: secrecyCase.status,
      findings: [],
      decision: decision ? toDecisionView(decision) : null,
    };
  }
}
