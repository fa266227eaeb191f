import type { SecrecyDecisionView, SecrecyFindingView } from '@sanshen/contracts';
import type { SecrecyDecisionOrmEntity } from '../persistence/secrecy-decision.orm-entity.js';
import type { SecrecyFindingOrmEntity } from '../persistence/secrecy-finding.orm-entity.js';

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
    referralDecisionId: decision.referralDecisionId ?? null,
    answerReference: decision.answerReference ?? null,
  };
}

export function toFindingView(finding: SecrecyFindingOrmEntity): SecrecyFindingView {
  return {
    id: finding.id,
    section: finding.section,
    type: finding.type,
    severity: finding.severity,
    start: finding.start,
    end: finding.end,
    matched: finding.matched,
    suggestion: finding.suggestion,
    message: finding.message,
    disposition:
      finding.disposition === null
        ? null
        : {
            disposition: finding.disposition,
            reason: finding.dispositionReason ?? '',
            byId: finding.disposedById ?? '',
            byName: finding.disposedByName ?? '',
            at: (finding.disposedAt ?? new Date(0)).toISOString(),
          },
  };
}
