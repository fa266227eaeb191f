import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { REMINDER_QUEUE } from '../queue/reminder-queue.js';
import type { ReminderJobData } from '../queue/reminder-queue.js';
import { EnsureRemindersUseCase } from '../use-cases/send-reminder/ensure-reminders.use-case.js';
import { SendReminderUseCase } from '../use-cases/send-reminder/send-reminder.use-case.js';

/**
 * The BullMQ worker of `review-reminders`: a delayed job per task and kind (reminder, escalation).
 * At boot it makes sure every open task has its jobs (idempotent by job id).
 */
@Processor(REMINDER_QUEUE, { concurrency: 4 })
export class ReviewReminderProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sendReminder: SendReminderUseCase,
    private readonly ensureReminders: EnsureRemindersUseCase,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureReminders.execute();
  }

  async process(job: Job<ReminderJobData>): Promise<{ outcome: 'sent' | 'stale' }> {
    return { outcome: await this.sendReminder.execute(job.data) };
  }
}
