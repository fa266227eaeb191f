import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { QUEUES } from '@sanshen/contracts';
import type { ReviewLevel } from '@sanshen/kernel';
import { Queue } from 'bullmq';
import { REVIEW_CONFIG } from '../config/review.config.js';
import type { ReviewConfig } from '../config/review.config.js';
import { addWorkingDays } from '../domain/working-days.js';

/** The BullMQ queue of review reminders and escalations. */
export const REMINDER_QUEUE = QUEUES.reviewReminders;
export const REMINDER_JOB = 'task-overdue';

export const REMINDER_KINDS = ['remind', 'escalate'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder or escalation come due (and the payload of a `task-overdue` job left from before the
 * sweep). A task is (document, the case's event sequence when it opened, level): nothing is sent if
 * the case has moved on since.
 */
export interface ReminderJobData {
  documentId: string;
  seq: number;
  level: ReviewLevel;
  kind: ReminderKind;
}

/** The job the sweep runs as (one scheduler, whatever the replicas: BullMQ's job scheduler). */
export const SWEEP_JOB = 'reminder-sweep';

/**
 * Due dates of review tasks, and the schedule of the sweep that reminds and escalates them
 * (SweepRemindersUseCase). A decision costs no job: the sweep reads the open tasks from the cases.
 * `task-overdue` jobs left from before the sweep still run (ReviewReminderProcessor).
 */
@Injectable()
export class ReminderQueue {
  constructor(
    @InjectQueue(REMINDER_QUEUE) private readonly queue: Queue<ReminderJobData | Record<string, never>>,
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
  ) {}

  /** When a task opened at `openedAt` is due (and reminds). */
  dueAt(openedAt: Date): Date {
    return addWorkingDays(openedAt, this.config.reminderDays, this.config);
  }

  escalatesAt(openedAt: Date): Date {
    return addWorkingDays(openedAt, this.config.escalationDays, this.config);
  }

  /** The sweep every REVIEW_REMINDER_SWEEP_MS (idempotent: one scheduler by id, updated in place). */
  async scheduleSweep(): Promise<void> {
    await this.queue.upsertJobScheduler(SWEEP_JOB, { every: this.config.sweepMs }, { name: SWEEP_JOB, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }
}
