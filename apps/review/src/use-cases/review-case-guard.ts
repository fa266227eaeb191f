import type { EventActor, OnBehalfOf } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor, DocumentEventType, DocumentStatus, ReviewLevel } from '@sanshen/kernel';
import { REVIEWER_ROLE, assertTransition, checkSeparationOfDuties, reviewLevelOf } from '@sanshen/workflow';
import { reviewCapacities } from '../domain/reviewer-capacity.js';
import type { DelegatedDuty } from '../domain/reviewer-capacity.js';
import type { ReviewCase, ReviewSignature } from '../domain/review-case.js';

/** The case exists, belongs to the actor's agency and is at the version the actor decided on. */
export function assertCaseAt(actor: Actor, reviewCase: ReviewCase | null, version: number): asserts reviewCase is ReviewCase {
  if (reviewCase === null || reviewCase.agencyId !== actor.agencyId) throw new DomainError('DOCUMENT.NOT_FOUND');
  if (reviewCase.version !== version) {
    throw new DomainError('DOCUMENT.VERSION_CONFLICT', { expected: reviewCase.version, given: version });
  }
}

export interface AuthorizedDecision {
  level: ReviewLevel;
  next: DocumentStatus;
  /** The actor recorded on the event: under a delegation it holds the delegated role and `onBehalfOf`. */
  eventActor: EventActor & Actor;
  onBehalfOf: OnBehalfOf | null;
}

/**
 * A reviewer's decision at the case's current level: the caller reviews that level for this document
 * (by their own role and scope, or by a delegation in force), the state machine allows the event for
 * that role, and (for approvals) separation of duties holds for the caller personally. A case that
 * has moved past the caller's level, or past the level they decided on, is a lost race: 409.
 */
export function authorizeReviewDecision(input: {
  actor: Actor;
  reviewCase: ReviewCase;
  event: (level: ReviewLevel) => DocumentEventType;
  /** Approvals of this version, for separation of duties; null when the decision signs nothing. */
  approvals: readonly Pick<ReviewSignature, 'signerId' | 'level'>[] | null;
  delegations: readonly DelegatedDuty[];
  expectedLevel?: ReviewLevel | null;
}): AuthorizedDecision {
  const { actor, reviewCase } = input;
  const level = reviewLevelOf(reviewCase.status);
  if (level === null) throw new DomainError('DOCUMENT.INVALID_TRANSITION', { status: reviewCase.status });
  if (input.expectedLevel != null && input.expectedLevel !== level) {
    throw new DomainError('DOCUMENT.INVALID_TRANSITION', { status: reviewCase.status, level, expectedLevel: input.expectedLevel });
  }
  const capacities = reviewCapacities(actor, input.delegations, reviewCase);
  const capacity = capacities.find((candidate) => candidate.level === level);
  if (capacity === undefined) {
    // Already past the caller's level: someone decided first (or the document moved on).
    if (capacities.some((candidate) => candidate.level < level)) {
      throw new DomainError('DOCUMENT.INVALID_TRANSITION', { status: reviewCase.status, level });
    }
    // The wrong role for this level (403 ROLE_NOT_ALLOWED), else the right role out of scope.
    assertTransition(reviewCase.status, input.event(level), actor);
    throw new DomainError('DOCUMENT.NOT_IN_SCOPE', { level });
  }
  const role = REVIEWER_ROLE[level];
  const eventActor: EventActor & Actor = {
    ...actor,
    roles: actor.roles.includes(role) ? actor.roles : [...actor.roles, role],
    oversees: [...capacity.scope.oversees],
    onBehalfOf: capacity.onBehalfOf,
  };
  const next = assertTransition(reviewCase.status, input.event(level), eventActor);
  if (input.approvals !== null) {
    if (capacity.onBehalfOf?.userId === reviewCase.authorId) throw new DomainError('REVIEW.SELF_APPROVAL', { level });
    const sod = checkSeparationOfDuties({
      signerId: actor.userId,
      authorId: reviewCase.authorId,
      step: level,
      priorSignatures: input.approvals.map((approval) => ({ signerId: approval.signerId, step: approval.level })),
    });
    if (!sod.ok) throw new DomainError(sod.error, { level });
  }
  return { level, next, eventActor, onBehalfOf: capacity.onBehalfOf };
}
