import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { assertNever } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform/core';
import { REDIS_CONNECTION, remakeJobsNowAndAfterRedisLoss } from '@sanshen/platform/queues';
import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { PUSH_QUEUE } from '../queue/push-queue.js';
import type { PushJobData } from '../queue/push-queue.js';
import { PushPublicationUseCase } from '../use-cases/push-publication/push-publication.use-case.js';
import { ResumePublicationsUseCase } from '../use-cases/resume-publications/resume-publications.use-case.js';

/** How long a job waits for its publication row to commit before it gives up on it. */
const NOT_VISIBLE_GRACE_MS = 60_000;
const NOT_VISIBLE_RECHECK_MS = 250;

/**
 * The BullMQ worker of `publication-push`: one attempt per job attempt. A retryable failure throws so
 * BullMQ retries with backoff; the end of a run (published, or failed for good) returns or throws
 * UnrecoverableError. At boot, and whenever Redis is back (it may have lost the jobs), it resumes every
 * publication still publishing.
 */
@Processor(PUSH_QUEUE, { concurrency: 4 })
export class PublicationPushProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly push: PushPublicationUseCase,
    private readonly resume: ResumePublicationsUseCase,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await remakeJobsNowAndAfterRedisLoss(this.redis, 'publication pushes resumed', this.logger, () => this.resume.execute());
  }

  async process(job: Job<PushJobData>, token?: string): Promise<{ url?: string; skipped?: string }> {
    const outcome = await this.push.execute({
      ...job.data,
      jobId: job.id ?? '',
      lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    });
    switch (outcome.kind) {
      case 'not_visible':
        if (Date.now() - job.timestamp < NOT_VISIBLE_GRACE_MS) {
          // Enqueued inside the transaction that creates the row: wait for the commit, spending no attempt.
          await job.moveToDelayed(Date.now() + NOT_VISIBLE_RECHECK_MS, token);
          throw new DelayedError();
        }
        this.logger.warn({ jobId: job.id, ...job.data }, 'publication never committed: push job dropped');
        return { skipped: 'publication never committed' };
      case 'not_due':
        await job.moveToDelayed(outcome.at.getTime(), token);
        throw new DelayedError();
      case 'skipped':
        return { skipped: outcome.reason };
      case 'published':
        return { url: outcome.url };
      case 'retry':
        throw new Error(outcome.error);
      case 'failed':
        throw new UnrecoverableError(outcome.reason);
      default:
        return assertNever(outcome);
    }
  }
}
