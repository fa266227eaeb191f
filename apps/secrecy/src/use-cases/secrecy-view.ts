import type { SecrecyDecisionView } from '@sanshen/contracts';
import type { SecrecyDecisionOrmEntity } from '../persistence/secrecy-decision.orm-entity.js';

export function toDecisionView(decision: SecrecyDecisionOrmEntity): SecrecyDecisionView {
  return {
    id: decision.id,
    documentId: decision.documentId,
    version: decision.version,
    contentHash: decision.contentHash,
    conclusion: decision.conclusion,
    basis: decision.basis,
    opinion: decision.opinion,
    reviewerId: decision.reviewerId,
    reviewerName: decision.reviewerName,
    decidedAt: decision.decidedAt.toISOString(),
  };
}
