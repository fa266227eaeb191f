import type { PublicationView } from '@sanshen/contracts';
import type { PublicationAttemptOrmEntity } from '../../persistence/publication-attempt.orm-entity.js';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';

export function toPublicationView(publication: PublicationOrmEntity, attempts: readonly PublicationAttemptOrmEntity[]): PublicationView {
  return {
    publicationId: publication.id,
    documentId: publication.documentId,
    version: publication.version,
    contentHash: publication.contentHash,
    state: publication.state,
    scheduledAt: publication.scheduledAt?.toISOString() ?? null,
    attempts: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      at: attempt.at.toISOString(),
      outcome: attempt.outcome,
      httpStatus: attempt.httpStatus,
      error: attempt.error,
    })),
    receipt:
      publication.receiptUrl !== null && publication.publishedAt !== null
        ? {
            url: publication.receiptUrl,
            publishedAt: publication.publishedAt.toISOString(),
            contentHash: publication.receiptContentHash ?? publication.contentHash,
          }
        : null,
    retraction:
      publication.retractReason !== null && publication.retractRequestedBy !== null && publication.retractRequestedAt !== null
        ? {
            reason: publication.retractReason,
            requestedBy: publication.retractRequestedBy,
            requestedAt: publication.retractRequestedAt.toISOString(),
            authorizedBy: publication.retractAuthorizedBy,
            retractedAt: publication.retractedAt?.toISOString() ?? null,
          }
        : null,
    correctionStartedAt: publication.correctionStartedAt?.toISOString() ?? null,
  };
}
