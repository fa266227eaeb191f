import { randomUUID } from 'node:crypto';
import { queuePrefix } from '@sanshen/contracts';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublicationConfig } from '../src/config/publication.config.js';
import { PUSH_QUEUE, PushQueue, pushJobId } from '../src/queue/push-queue.js';
import type { PushJobData } from '../src/queue/push-queue.js';

const namespace = `${process.env.SANSHEN_TEST_NAMESPACE ?? 'local'}_pushq`;

describe('PushQueue on Redis', () => {
  // No worker: what the queue holds stays as the calls left it.
  const queue = new Queue<PushJobData>(PUSH_QUEUE, { connection: { url: process.env.REDIS_URL }, prefix: queuePrefix(namespace) });
  const pushes = new PushQueue(queue, { publishAttempts: 3, publishBackoffMs: 1_000 } as PublicationConfig);
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('starts a job waiting for its commit at once, and leaves alone one that is not waiting or not there', async () => {
    const waiting = { publicationId: randomUUID(), run: 0, correlationId: randomUUID() };
    await pushes.enqueue(waiting, null, { awaitingCommit: true });
    const job = pushJobId(waiting.publicationId, 0);
    expect(await queue.getJobState(job)).toBe('delayed');

    await pushes.startNow(waiting.publicationId, 0);
    expect(await queue.getJobState(job)).toBe('waiting');
    // Asked again (the consumer's work after a commit may run twice): nothing changes, nothing throws.
    await pushes.startNow(waiting.publicationId, 0);
    expect(await queue.getJobState(job)).toBe('waiting');
    expect(await queue.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 1, delayed: 0 });

    await expect(pushes.startNow(randomUUID(), 0)).resolves.toBeUndefined();
    expect(await queue.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 1, delayed: 0 });
  });
});
