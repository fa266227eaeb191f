import { Inject, Injectable } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { REVIEW_CONFIG } from '../../config/review.config.js';
import type { ReviewConfig } from '../../config/review.config.js';
import { yearsWithoutHolidays } from '../../domain/working-days.js';
import { ReminderQueue } from '../../queue/reminder-queue.js';

/**
 * At boot, and whenever Redis is back (it may have lost it): the reminder sweep's schedule. Also
 * warns when the holiday calendar does not cover the year due dates fall in.
 */
@Injectable()
export class ScheduleReminderSweepUseCase {
  constructor(
    private readonly reminders: ReminderQueue,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
  ) {}

  async execute(now = new Date()): Promise<void> {
    const uncovered = yearsWithoutHolidays(now, this.config);
    if (uncovered.length > 0) {
      this.logger.warn(
        { years: uncovered },
        'the national holiday calendar (chinese-days) does not list these years yet: due dates count weekends only; list the days off in REVIEW_HOLIDAYS (and make-up working days in REVIEW_EXTRA_WORKDAYS) or update chinese-days',
      );
    }
    await this.reminders.scheduleSweep();
  }
}
