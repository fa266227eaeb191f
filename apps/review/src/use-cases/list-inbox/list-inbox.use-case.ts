import { Injectable } from '@nestjs/common';
import type { Actor, DocumentStatus, InboxView } from '@sanshen/contracts';
import { REVIEWER_ROLE, isInReviewScope, reviewLevelOf } from '@sanshen/workflow';
import { ReviewRepository } from '../../persistence/review.repository.js';

const DUE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;
const LEVEL_STATUS = { 1: 'pending_l1', 2: 'pending_l2', 3: 'pending_l3' } as const;

/** The caller's open review tasks, oldest first, with due dates. */
@Injectable()
export class ListInboxUseCase {
  constructor(private readonly reviews: ReviewRepository) {}

  async execute(actor: Actor): Promise<InboxView> {
    const statuses: DocumentStatus[] = ([1, 2, 3] as const)
      .filter((level) => actor.roles.includes(REVIEWER_ROLE[level]))
      .map((level) => LEVEL_STATUS[level]);
    if (statuses.length === 0) return { items: [] };
    const cases = await this.reviews.openCases(actor.agencyId, statuses);
    const items = cases.flatMap((reviewCase) => {
      const level = reviewLevelOf(reviewCase.status);
      if (level === null || !isInReviewScope(level, actor, reviewCase) || reviewCase.authorId === actor.userId) return [];
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
          dueAt: new Date(reviewCase.stageEnteredAt.getTime() + DUE_AFTER_MS).toISOString(),
        },
      ];
    });
    return { items };
  }
}
