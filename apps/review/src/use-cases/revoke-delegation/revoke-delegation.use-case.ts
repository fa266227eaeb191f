import { Injectable } from '@nestjs/common';
import type { DelegationView, RevokeDelegationRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { toDelegationView } from '../create-delegation/delegation-view.js';

/** The delegator ends a delegation early; signatures already made under it stand. */
@Injectable()
export class RevokeDelegationUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(actor: Actor, request: RevokeDelegationRequest): Promise<DelegationView> {
    const delegation = await this.reviews.findDelegation(request.delegationId);
    if (delegation === null || delegation.fromUserId !== actor.userId || delegation.agencyId !== actor.agencyId) {
      throw new DomainError('REVIEW.DELEGATION_NOT_FOUND', { delegationId: request.delegationId });
    }
    await this.reviews.revokeDelegation(delegation.id, new Date());
    const revoked = await this.reviews.findDelegation(delegation.id);
    return toDelegationView(revoked ?? delegation);
  }
}
