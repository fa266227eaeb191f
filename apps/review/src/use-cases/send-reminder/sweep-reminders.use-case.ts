import { Inject, Injectable } from '@nestjs/common';
import { reviewLevelOf } from '@sanshen/workflow';
import { REVIEW_CONFIG } from '../../config/review.config.js';
import type { ReviewConfig } from '../../config/review.config.js';
import { ReviewRepository } from '../../persistence/review.repository.js';
import { ReminderQueue } from '../../queue/reminder-queue.js';
import type { ReminderJobData } from '../../queue/reminder-queue.js';
import { SendReminderUseCase } from './send-reminder.use-case.js';

/** Tasks read per page, oldest first; the next page starts after the last. */
const PAGE = 500;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Every REVIEW_REMINDER_SWEEP_MS: the open tasks whose reminder (N working days) or escalation (M)
 * has come due get it, once each (SendReminderUseCase marks the case and keeps one notification per
 * task and kind). Candidates are read by a lower bound — N or M plain days, never later than N or M
 * working days — and the exact due date is checked here, on the calendar. Nothing is scheduled per
 * decision, and nothing is lost with Redis: the cases are the schedule.
 */
@Injectable()
export class SweepRemindersUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly reminders: ReminderQueue,
    private readonly sendReminder: SendReminderUseCase,
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
  ) {}

  /** Returns how many reminders and escalations were sent. */
  async execute(now = new Date()): Promise<number> {
    const remindFrom = new Date(now.getTime() - this.config.reminderDays * this.config.unitMs);
    const escalateFrom = new Date(now.getTime() - this.config.escalationDays * this.config.unitMs);
    let sent = 0;
    let after = { stageEnteredAt: new Date(0), documentId: FIRST_ID };
    for (;;) {
      const cases = await this.reviews.awaitingReminder(remindFrom, escalateFrom, after, PAGE);
      for (const reviewCase of cases) {
        const level = reviewLevelOf(reviewCase.status);
        if (level === null) continue;
        const task = { documentId: reviewCase.documentId, seq: reviewCase.eventSeq, level };
        const due: ReminderJobData[] = [];
        if (reviewCase.remindedAt === null && this.reminders.dueAt(reviewCase.stageEnteredAt) <= now) due.push({ ...task, kind: 'remind' });
        if (reviewCase.escalatedAt === null && this.reminders.escalatesAt(reviewCase.stageEnteredAt) <= now) due.push({ ...task, kind: 'escalate' });
        for (const reminder of due) if ((await this.sendReminder.execute(reminder)) === 'sent') sent += 1;
      }
      const last = cases.at(-1);
      if (cases.length < PAGE || last === undefined) return sent;
      after = { stageEnteredAt: last.stageEnteredAt, documentId: last.documentId };
    }
  }
}
