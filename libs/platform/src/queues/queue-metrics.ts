import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { scrapedGauge } from '../core/metrics.js';
import type { GaugeSample } from '../core/metrics.js';

const QUEUE_NAMES = Symbol('QUEUE_NAMES');
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** BullMQ queue depth and failures, by queue and job state, for the queues a service registered. */
@Injectable()
class QueueMetrics implements OnApplicationBootstrap {
  constructor(@Inject(QUEUE_NAMES) private readonly queues: Queue[]) {}

  onApplicationBootstrap(): void {
    scrapedGauge('sanshen_queue_jobs', 'BullMQ jobs by queue and state', ['queue', 'state'], async () => {
      const samples: GaugeSample[] = [];
      for (const queue of this.queues) {
        const counts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) samples.push({ labels: { queue: queue.name, state }, value: counts[state] ?? 0 });
      }
      return samples;
    });
  }
}

/** Providers for the queue metrics of the named (registered) BullMQ queues. */
export function queueMetricsProviders(names: readonly string[]): Provider[] {
  return [
    { provide: QUEUE_NAMES, inject: names.map((name) => getQueueToken(name)), useFactory: (...queues: Queue[]) => queues },
    QueueMetrics,
  ];
}
