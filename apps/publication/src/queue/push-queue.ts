import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { QUEUE_JOB_STATES, QUEUES } from '@sanshen/contracts';
import type { QueueJobState, QueueJobView, QueueOverview } from '@sanshen/contracts';
import { Queue } from 'bullmq';
import type { Job } from 'bullmq';
import { PUBLICATION_CONFIG } from '../config/publication.config.js';
import type { PublicationConfig } from '../config/publication.config.js';

/** The BullMQ queue of portal pushes. */
export const PUSH_QUEUE = QUEUES.publicationPush;
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

/**
 * A job added inside the transaction that creates its run waits this long, unless `startNow` starts
 * it once that transaction has committed: a worker taking it before the commit would find no run and
 * put it back for a while; were `startNow` lost (Redis away at that instant), it still starts then.
 */
export const AWAITING_COMMIT_MS = 2_000;

/** Enqueues pushes: one job per publication run, attempts with exponential backoff. */
@Injectable()
export class PushQueue {
  constructor(
    @InjectQueue(PUSH_QUEUE) private readonly queue: Queue<PushJobData>,
    @Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig,
  ) {}

  /**
   * Idempotent by job id: a run already queued (or finished and retained) is left alone. `notBefore`
   * (定时发布) makes it a delayed job that starts at that time.
   */
  async enqueue(data: PushJobData, notBefore: Date | null = null, options: { awaitingCommit?: boolean } = {}): Promise<void> {
    const delay = notBefore !== null ? Math.max(0, notBefore.getTime() - Date.now()) : options.awaitingCommit === true ? AWAITING_COMMIT_MS : 0;
    await this.queue.add(PUSH_JOB, data, {
      jobId: pushJobId(data.publicationId, data.run),
      ...(delay > 0 ? { delay } : {}),
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
  async ensure(data: PushJobData, notBefore: Date | null = null): Promise<'queued' | 'restarted' | 'live'> {
    const job = await this.queue.getJob(pushJobId(data.publicationId, data.run));
    if (!job) {
      await this.enqueue(data, notBefore);
      return 'queued';
    }
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') {
      await job.remove();
      await this.enqueue(data, notBefore);
      return 'restarted';
    }
    return 'live';
  }

  /**
   * The transaction that added a run's job `awaitingCommit` has committed: the job starts now. Best
   * effort (it starts after AWAITING_COMMIT_MS anyway); a job no longer waiting is left alone.
   */
  async startNow(publicationId: string, run: number): Promise<void> {
    const job = await this.queue.getJob(pushJobId(publicationId, run));
    // Promoting checks the job is still delayed (BullMQ's script, at once): one that is not is refused
    // and left alone — started already, or its delay lapsed and it started on its own.
    await job?.promote().catch(() => undefined);
  }

  /** A scheduled publication's time moved: its waiting job starts at the new time. */
  async reschedule(data: PushJobData, notBefore: Date): Promise<void> {
    const job = await this.queue.getJob(pushJobId(data.publicationId, data.run));
    if (job && (await job.getState()) === 'delayed') {
      await job.changeDelay(Math.max(0, notBefore.getTime() - Date.now()));
      return;
    }
    if (!job) await this.enqueue(data, notBefore);
  }

  /** Counts per state and the newest jobs of the given states, for operators. */
  async overview(states: readonly QueueJobState[], limit: number): Promise<QueueOverview> {
    const counts = (await this.queue.getJobCounts(...QUEUE_JOB_STATES)) as Record<QueueJobState, number>;
    const jobs: QueueJobView[] = [];
    for (const state of states) {
      const found = await this.queue.getJobs([state], 0, limit - 1, false);
      for (const job of found) if (job) jobs.push(jobView(job, state));
    }
    return { queue: PUSH_QUEUE, counts: Object.fromEntries(QUEUE_JOB_STATES.map((state) => [state, counts[state] ?? 0])) as Record<QueueJobState, number>, jobs };
  }
}

function jobView(job: Job<PushJobData>, state: QueueJobState): QueueJobView {
  const iso = (ms: number | undefined | null) => (typeof ms === 'number' && ms > 0 ? new Date(ms).toISOString() : null);
  return {
    id: job.id ?? '',
    state,
    publicationId: job.data.publicationId,
    run: job.data.run,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    createdAt: new Date(job.timestamp).toISOString(),
    processedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
    runAt: state === 'delayed' ? iso(job.timestamp + (job.delay ?? 0)) : null,
    failedReason: job.failedReason ? job.failedReason.slice(0, 500) : null,
  };
}
