import { Injectable } from '@nestjs/common';
import type { CreateDelegationRequest, DelegationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { REVIEWER_ROLE } from '@sanshen/workflow';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { toDelegationView } from './delegation-view.js';

const REVIEW_ROLES = Object.values(REVIEWER_ROLE);

/**
 * A reviewer delegates their review duties to a named user for a period. The delegator's review roles
 * and scope (department, overseen departments) are captured now, from their own actor: the delegate
 * acts with exactly those, and only in the delegator's agency.
 */
@Injectable()
export class CreateDelegationUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(actor: Actor, request: CreateDelegationRequest, now = new Date()): Promise<DelegationView> {
    const roles = actor.roles.filter((role) => (REVIEW_ROLES as string[]).includes(role));
    if (roles.length === 0) throw new DomainError('REVIEW.NOT_A_REVIEWER');
    const startsAt = new Date(request.from);
    const endsAt = new Date(request.until);
    if (
      request.toUserId === actor.userId ||
      Number.isNaN(startsAt.getTime()) ||
      Number.isNaN(endsAt.getTime()) ||
      endsAt <= startsAt ||
      endsAt <= now
    ) {
      throw new DomainError('REVIEW.DELEGATION_INVALID', { toUserId: request.toUserId, from: request.from, until: request.until });
    }
    const delegation = await this.reviews.addDelegation({
      agencyId: actor.agencyId,
      fromUserId: actor.userId,
      fromName: actor.displayName,
      toUserId: request.toUserId,
      roles,
      departmentId: actor.departmentId,
      oversees: [...actor.oversees],
      startsAt,
      endsAt,
    });
    return toDelegationView(delegation);
  }
}
