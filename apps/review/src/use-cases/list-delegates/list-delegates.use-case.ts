import { Injectable } from '@nestjs/common';
import type { DelegatesRequest, DelegatesView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { ReviewRepository } from '../../persistence/review.repository.js';

/** The delegates, in force now, of these users of the caller's agency (for addressing notices by duty). */
@Injectable()
export class ListDelegatesUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(actor: Actor, request: DelegatesRequest, now = new Date()): Promise<DelegatesView> {
    return { userIds: await this.reviews.delegatesOf(actor.agencyId, request.fromUserIds.slice(0, 500), now) };
  }
}
