import { Injectable } from '@nestjs/common';
import type { InboxItem, InboxView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { REVIEWER_ROLE, reviewLevelOf } from '@sanshen/workflow';
import { reviewCapacities } from '../../domain/reviewer-capacity.js';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { ReminderQueue } from '../../queue/reminder-queue.js';

const PENDING = ['pending_l1', 'pending_l2', 'pending_l3'] as const;

/**
 * The caller's open review tasks, oldest first, with due dates: a task is a case waiting at a level the
 * caller reviews for that document — by their own role and scope, or by a delegation in force ("代").
 * Never the caller's own document.
 */
@Injectable()
export class ListInboxUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly reminders: ReminderQueue,
  ) {}

  async execute(actor: Actor): Promise<InboxView> {
    const delegations = await this.reviews.delegationsInForce(actor.agencyId, actor.userId, new Date());
    const reviewer = Object.values(REVIEWER_ROLE).some((role) => actor.roles.includes(role));
    if (!reviewer && delegations.length === 0) return { items: [] };
    const cases = await this.reviews.openCases(actor.agencyId, [...PENDING]);
    const items = cases.flatMap((reviewCase): InboxItem[] => {
      const level = reviewLevelOf(reviewCase.status);
      if (level === null || reviewCase.authorId === actor.userId) return [];
      const capacity = reviewCapacities(actor, delegations, reviewCase).find((candidate) => candidate.level === level);
      if (capacity === undefined) return [];
      return [
        {
          documentId: reviewCase.documentId,
          title: reviewCase.title,
          kind: reviewCase.kind,
          version: reviewCase.version,
          contentHash: reviewCase.contentHash,
          level,
          status: reviewCase.status,
          departmentId: reviewCase.departmentId,
          authorId: reviewCase.authorId,
          submittedAt: reviewCase.submittedAt.toISOString(),
          openedAt: reviewCase.stageEnteredAt.toISOString(),
          dueAt: this.reminders.dueAt(reviewCase.stageEnteredAt).toISOString(),
          onBehalfOf: capacity.onBehalfOf,
          remindedAt: reviewCase.remindedAt?.toISOString() ?? null,
          escalatedAt: reviewCase.escalatedAt?.toISOString() ?? null,
        },
      ];
    });
    return { items };
  }
}
