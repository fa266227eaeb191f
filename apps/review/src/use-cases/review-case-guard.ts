import { DomainError } from '@sanshen/contracts';
import type { Actor, ReviewLevel } from '@sanshen/contracts';
import { assertTransition } from '@sanshen/platform';
import { checkSeparationOfDuties, isInReviewScope, reviewLevelOf } from '@sanshen/workflow';
import type { DocumentEventType } from '@sanshen/contracts';
import type { ReviewCaseOrmEntity } from '../persistence/review-case.orm-entity.js';
import type { ReviewSignatureOrmEntity } from '../persistence/review-signature.orm-entity.js';

/** The case exists, belongs to the actor's agency and is at the version the actor decided on. */
export function assertCaseAt(actor: Actor, reviewCase: ReviewCaseOrmEntity | null, version: number): asserts reviewCase is ReviewCaseOrmEntity {
  if (reviewCase === null || reviewCase.agencyId !== actor.agencyId) throw new DomainError('DOCUMENT.NOT_FOUND');
  if (reviewCase.version !== version) {
    throw new DomainError('DOCUMENT.VERSION_CONFLICT', { expected: reviewCase.version, given: version });
  }
}

/**
 * A reviewer's decision at the case's current level: the state machine allows the event for the
 * actor's role, the actor is responsible for this document at that level, and (for approvals)
 * separation of duties holds. Returns the level and the next status.
 */
export function authorizeReviewDecision(
  actor: Actor,
  reviewCase: ReviewCaseOrmEntity,
  event: (level: ReviewLevel) => DocumentEventType,
  approvals: readonly ReviewSignatureOrmEntity[] | null,
): { level: ReviewLevel; next: ReviewCaseOrmEntity['status'] } {
  const level = reviewLevelOf(reviewCase.status);
  if (level === null) throw new DomainError('DOCUMENT.INVALID_TRANSITION', { status: reviewCase.status });
  const next = assertTransition(reviewCase.status, event(level), actor);
  if (!isInReviewScope(level, actor, reviewCase)) throw new DomainError('DOCUMENT.NOT_IN_SCOPE', { level });
  if (approvals !== null) {
    const sod = checkSeparationOfDuties({
      signerId: actor.userId,
      authorId: reviewCase.authorId,
      step: level,
      priorSignatures: approvals.map((approval) => ({ signerId: approval.signerId, step: approval.level })),
    });
    if (!sod.ok) throw new DomainError(sod.error, { level });
  }
  return { level, next };
}
