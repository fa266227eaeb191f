import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform';
import { reviewLevelOf } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { REVIEW_CONFIG } from '../../config/review.config.js';
import type { ReviewConfig } from '../../config/review.config.js';
import { yearsWithoutHolidays } from '../../domain/working-days.js';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { ReminderQueue } from '../../queue/reminder-queue.js';

/**
 * At boot: every open task gets its reminder and escalation jobs (job ids are per task, so a task
 * that has them keeps them) — tasks opened before this release, or whose jobs a Redis loss took.
 * Also warns when the holiday calendar does not cover the year due dates fall in.
 */
@Injectable()
export class EnsureRemindersUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly reminders: ReminderQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
  ) {}

  async execute(now = new Date()): Promise<number> {
    const uncovered = yearsWithoutHolidays(now, this.config);
    if (uncovered.length > 0) {
      this.logger.warn(
        { years: uncovered },
        'the national holiday calendar (chinese-days) does not list these years yet: due dates count weekends only; list the days off in REVIEW_HOLIDAYS (and make-up working days in REVIEW_EXTRA_WORKDAYS) or update chinese-days',
      );
    }
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
