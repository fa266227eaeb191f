import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform';
import { reviewLevelOf } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { ReminderQueue } from '../../queue/reminder-queue.js';

/**
 * At boot: every open task gets its reminder and escalation jobs (job ids are per task, so a task
 * that has them keeps them) — tasks opened before this release, or whose jobs a Redis loss took.
 */
@Injectable()
export class EnsureRemindersUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly reminders: ReminderQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(): Promise<number> {
    const cases = await this.reviews.allOpenCases(['pending_l1', 'pending_l2', 'pending_l3']);
    for (const reviewCase of cases) {
      const level = reviewLevelOf(reviewCase.status);
      if (level === null) continue;
      await this.reminders.schedule({ documentId: reviewCase.documentId, seq: reviewCase.eventSeq, level, openedAt: reviewCase.stageEnteredAt });
    }
    if (cases.length > 0) this.logger.info({ tasks: cases.length }, 'review reminders ensured for open tasks');
    return cases.length;
  }
}
