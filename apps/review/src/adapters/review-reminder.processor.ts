import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { REDIS_CONNECTION, remakeJobsNowAndAfterRedisLoss } from '@sanshen/platform/queues';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { REMINDER_QUEUE, SWEEP_JOB } from '../queue/reminder-queue.js';
import type { ReminderJobData } from '../queue/reminder-queue.js';
import { ScheduleReminderSweepUseCase } from '../use-cases/send-reminder/schedule-reminder-sweep.use-case.js';
import { SendReminderUseCase } from '../use-cases/send-reminder/send-reminder.use-case.js';
import { SweepRemindersUseCase } from '../use-cases/send-reminder/sweep-reminders.use-case.js';

/**
 * The BullMQ worker of `review-reminders`: the sweep, every REVIEW_REMINDER_SWEEP_MS (one job at a
 * time whatever the replicas: BullMQ's job scheduler), and any `task-overdue` job left from before
 * the sweep. At boot, and whenever Redis is back (it may have lost the schedule), the schedule is set.
 */
@Processor(REMINDER_QUEUE, { concurrency: 1 })
export class ReviewReminderProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly sweep: SweepRemindersUseCase,
    private readonly sendReminder: SendReminderUseCase,
    private readonly scheduleSweep: ScheduleReminderSweepUseCase,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await remakeJobsNowAndAfterRedisLoss(this.redis, 'review reminder sweep scheduled', this.logger, () => this.scheduleSweep.execute());
  }

  async process(job: Job<ReminderJobData>): Promise<{ outcome: 'sent' | 'stale' } | { swept: number }> {
    if (job.name === SWEEP_JOB) return { swept: await this.sweep.execute() };
    return { outcome: await this.sendReminder.execute(job.data) };
  }
}
