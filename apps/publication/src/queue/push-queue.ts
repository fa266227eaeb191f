import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { PUBLICATION_CONFIG } from '../config/publication.config.js';
import type { PublicationConfig } from '../config/publication.config.js';

/** The BullMQ queue of portal pushes. A wire contract (Redis keys): never rename. */
export const PUSH_QUEUE = 'publication-push';
export const PUSH_JOB = 'push';

/** Payload of a `push` job: which publication, and which run of it (0, then one per retry). */
export interface PushJobData {
  publicationId: string;
  run: number;
  correlationId: string;
}

/** Job id of a run: the publication id (so enqueueing twice is a no-op), then `<id>:retry:<n>`. */
export function pushJobId(publicationId: string, run: number): string {
  return run === 0 ? publicationId : `${publicationId}:retry:${run}`;
}

const RETAIN_FINISHED_S = 30 * 24 * 60 * 60;

/** Enqueues pushes: one job per publication run, attempts with exponential backoff. */
@Injectable()
export class PushQueue {
  constructor(
    @InjectQueue(PUSH_QUEUE) private readonly queue: Queue<PushJobData>,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  /** Idempotent by job id: a run already queued (or finished and retained) is left alone. */
  async enqueue(data: PushJobData): Promise<void> {
    await this.queue.add(PUSH_JOB, data, {
      jobId: pushJobId(data.publicationId, data.run),
      attempts: this.config.publishAttempts,
      backoff: { type: 'exponential', delay: this.config.publishBackoffMs },
      removeOnComplete: { age: RETAIN_FINISHED_S },
      removeOnFail: { age: RETAIN_FINISHED_S },
    });
  }

  /**
   * Makes sure a run that should be under way has a live job: enqueues it when missing, and starts it
   * again when its job already finished (a crash between the job's end and the state change).
   */
  async ensure(data: PushJobData): Promise<'queued' | 'restarted' | 'live'> {
    const job = await this.queue.getJob(pushJobId(data.publicationId, data.run));
    if (!job) {
      await this.enqueue(data);
      return 'queued';
    }
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') {
      await job.remove();
      await this.enqueue(data);
      return 'restarted';
    }
    return 'live';
  }
}
