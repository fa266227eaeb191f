import { Injectable } from '@nestjs/common';
import { QUEUE_JOB_STATES } from '@sanshen/contracts';
import type { QueueJobState, QueueOverview, QueueOverviewRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { PushQueue } from '../../queue/push-queue.js';

const DEFAULT_STATES: readonly QueueJobState[] = ['failed', 'active', 'delayed', 'waiting', 'prioritized'];

/**
 * The operators' window on the push queue (the role bull-board plays elsewhere): counts per state and
 * the newest jobs, read-only. Administrators only; publishers act on publications through retry.
 */
@Injectable()
export class InspectQueueUseCase {
  constructor(private readonly queue: PushQueue) {}

  async execute(actor: Actor, request: QueueOverviewRequest): Promise<QueueOverview> {
    if (!actor.roles.includes('admin')) throw new DomainError('AUTH.FORBIDDEN', { required: 'admin' });
    const states = request.states ?? DEFAULT_STATES;
    if (states.some((state) => !(QUEUE_JOB_STATES as readonly string[]).includes(state))) {
      throw new DomainError('REQUEST.INVALID', { field: 'states' });
    }
    const limit = request.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DomainError('REQUEST.INVALID', { field: 'limit' });
    return this.queue.overview(states, limit);
  }
}
