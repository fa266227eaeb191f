import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { REDIS_CONNECTION, remakeJobsNowAndAfterRedisLoss } from '@sanshen/platform/queues';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { REMINDER_QUEUE } from '../queue/reminder-queue.js';
import type { ReminderJobData } from '../queue/reminder-queue.js';
import { EnsureRemindersUseCase } from '../use-cases/send-reminder/ensure-reminders.use-case.js';
import { SendReminderUseCase } from '../use-cases/send-reminder/send-reminder.use-case.js';

/**
 * The BullMQ worker of `review-reminders`: a delayed job per task and kind (reminder, escalation).
 * At boot, and whenever Redis is back (it may have lost the jobs), it makes sure every open task has its
 * jobs (idempotent by job id).
 */
@Processor(REMINDER_QUEUE, { concurrency: 4 })
export class ReviewReminderProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sendReminder: SendReminderUseCase,
    private readonly ensureReminders: EnsureRemindersUseCase,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await remakeJobsNowAndAfterRedisLoss(this.redis, 'review reminders re-made', this.logger, () => this.ensureReminders.execute());
  }

  async process(job: Job<ReminderJobData>): Promise<{ outcome: 'sent' | 'stale' }> {
    return { outcome: await this.sendReminder.execute(job.data) };
  }
}
