import { Injectable } from '@nestjs/common';
import type { DelegationListView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { toDelegationView } from '../create-delegation/delegation-view.js';

/** The delegations the caller gave and holds that have not ended. */
@Injectable()
export class ListDelegationsUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(actor: Actor): Promise<DelegationListView> {
    const { given, received } = await this.reviews.delegationsOf(actor.agencyId, actor.userId, new Date());
    return { given: given.map(toDelegationView), received: received.map(toDelegationView) };
  }
}
