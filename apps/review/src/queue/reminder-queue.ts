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
 * Payload of a `task-overdue` job. A task is (document, the case's event sequence when it opened,
 * level): the job does nothing if the case has moved on since.
 */
export interface ReminderJobData {
  documentId: string;
  seq: number;
  level: ReviewLevel;
  kind: ReminderKind;
}

export function reminderJobId(data: Pick<ReminderJobData, 'documentId' | 'seq' | 'kind'>): string {
  return `${data.documentId}-${data.seq}-${data.kind}`;
}

const RETAIN_FINISHED_S = 7 * 24 * 60 * 60;

/** Schedules the reminder (after N working days) and the escalation (after M) of a task that opens. */
@Injectable()
export class ReminderQueue {
  constructor(
    @InjectQueue(REMINDER_QUEUE) private readonly queue: Queue<ReminderJobData>,
    @Inject(REVIEW_CONFIG) private readonly config: ReviewConfig,
  ) {}

  /** When a task opened at `openedAt` is due (and reminds). */
  dueAt(openedAt: Date): Date {
    return addWorkingDays(openedAt, this.config.reminderDays, this.config);
  }

  escalatesAt(openedAt: Date): Date {
    return addWorkingDays(openedAt, this.config.escalationDays, this.config);
  }

  /**
   * Removes the reminder and escalation of a task that has been decided (they would only be skipped
   * when due, and would pile up in the queue meanwhile). A job already running finishes on its own.
   */
  async cancel(task: { documentId: string; seq: number }): Promise<void> {
    await Promise.all(REMINDER_KINDS.map((kind) => this.queue.remove(reminderJobId({ documentId: task.documentId, seq: task.seq, kind }))));
  }

  /** Idempotent by job id (document, sequence, kind). */
  async schedule(task: { documentId: string; seq: number; level: ReviewLevel; openedAt: Date }, now = new Date()): Promise<void> {
    const plan: [ReminderKind, Date][] = [
      ['remind', this.dueAt(task.openedAt)],
      ['escalate', this.escalatesAt(task.openedAt)],
    ];
    await Promise.all(
      plan.map(([kind, at]) => {
        const data: ReminderJobData = { documentId: task.documentId, seq: task.seq, level: task.level, kind };
        return this.queue.add(REMINDER_JOB, data, {
          jobId: reminderJobId(data),
          delay: Math.max(0, at.getTime() - now.getTime()),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: RETAIN_FINISHED_S },
          removeOnFail: { age: RETAIN_FINISHED_S },
        });
      }),
    );
  }
}
