import { Injectable } from '@nestjs/common';
import type { DelegatedDutiesView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { ReviewRepository } from '../../persistence/review.repository.js';

/**
 * The review duties delegated to the caller that are in force now (not revoked, within their period):
 * the gateway attaches them to the caller's actor, so every service lets a delegate read what the
 * delegated duty needs, and only while it holds.
 */
@Injectable()
export class ListDelegatedDutiesUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(actor: Actor, now = new Date()): Promise<DelegatedDutiesView> {
    const delegations = await this.reviews.delegationsInForce(actor.agencyId, actor.userId, now);
    return {
      duties: delegations.map((delegation) => ({
        delegationId: delegation.id,
        fromUserId: delegation.fromUserId,
        fromName: delegation.fromName,
        roles: delegation.roles,
        departmentId: delegation.departmentId,
        oversees: delegation.oversees,
        from: delegation.startsAt.toISOString(),
        until: delegation.endsAt.toISOString(),
      })),
    };
  }
}
