import type { OnBehalfOf } from '@sanshen/contracts';
import type { ReviewLevel, Role } from '@sanshen/kernel';
import { REVIEWER_ROLE, isInReviewScope } from '@sanshen/workflow';
import type { ReviewedDocument, ReviewerScope } from '@sanshen/workflow';

/** A delegation in force, as the rulebook needs it: whose duties, which roles, which scope. */
export interface DelegatedDuty {
  agencyId: string;
  fromUserId: string;
  fromName: string;
  roles: readonly Role[];
  departmentId: string | null;
  oversees: readonly string[];
}

export interface ReviewCapacity {
  level: ReviewLevel;
  /** null: the caller's own duty; else the reviewer the caller stands in for. */
  onBehalfOf: OnBehalfOf | null;
  /** The scope acted in: the caller's own, or the delegator's captured at delegation. */
  scope: ReviewerScope;
}

const LEVELS = [1, 2, 3] as const;

/**
 * The review levels a user may decide for a document: by their own roles and scope first, then by each
 * delegation in force (with the delegator's roles and scope). Pure: the caller supplies the delegations.
 */
export function reviewCapacities(
  user: ReviewerScope & { roles: readonly Role[] },
  delegations: readonly DelegatedDuty[],
  document: ReviewedDocument,
): ReviewCapacity[] {
  const capacities: ReviewCapacity[] = [];
  for (const level of LEVELS) {
    if (reviewsByOwnDuty(user, level, document)) {
      capacities.push({ level, onBehalfOf: null, scope: user });
      continue;
    }
    for (const duty of delegations) {
      const scope = { agencyId: duty.agencyId, departmentId: duty.departmentId, oversees: duty.oversees };
      if (duty.agencyId === user.agencyId && duty.roles.includes(REVIEWER_ROLE[level]) && isInReviewScope(level, scope, document)) {
        capacities.push({ level, onBehalfOf: { userId: duty.fromUserId, displayName: duty.fromName }, scope });
        break;
      }
    }
  }
  return capacities;
}

/**
 * Whether the user reviews `level` of the document by their own role and scope. Their own capacity
 * comes before any delegation, so a decision at that level needs no delegation read.
 */
export function reviewsByOwnDuty(user: ReviewerScope & { roles: readonly Role[] }, level: ReviewLevel, document: ReviewedDocument): boolean {
  return user.roles.includes(REVIEWER_ROLE[level]) && isInReviewScope(level, user, document);
}
