import { describe, expect, it } from 'vitest';
import type { QueueOverviewRequest } from '@sanshen/contracts';
import type { Role } from '@sanshen/kernel';
import { person, publicationHarness } from '../publication.fixture.js';
import { InspectQueueUseCase } from './inspect-queue.use-case.js';

describe('InspectQueueUseCase', () => {
  it('shows an administrator the push queue’s troubled and pending jobs by default, the newest 20', async () => {
    const { queue, log } = publicationHarness();
    const overview = await new InspectQueueUseCase(queue).execute(person('admin', ['admin']), {});
    expect(overview.queue).toBe('publication-push');
    expect(log).toEqual(['overview failed,active,delayed,waiting,prioritized (20)']);
  });

  it('reads the states and the limit asked for', async () => {
    const { queue, log } = publicationHarness();
    await new InspectQueueUseCase(queue).execute(person('admin', ['admin']), { states: ['completed'], limit: 100 });
    expect(log).toEqual(['overview completed (100)']);
  });

  it.each([
    ['a publisher', ['publisher'], {}, 'AUTH.FORBIDDEN'],
    ['an unknown state', ['admin'], { states: ['stuck'] }, 'REQUEST.INVALID'],
    ['a limit of 0', ['admin'], { limit: 0 }, 'REQUEST.INVALID'],
    ['a limit above 100', ['admin'], { limit: 101 }, 'REQUEST.INVALID'],
    ['a fractional limit', ['admin'], { limit: 2.5 }, 'REQUEST.INVALID'],
  ] as const)('refuses %s without reading the queue', async (_label, roles, request, code) => {
    const { queue, log } = publicationHarness();
    await expect(new InspectQueueUseCase(queue).execute(person('u', [...roles] as Role[]), request as QueueOverviewRequest)).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });
});
