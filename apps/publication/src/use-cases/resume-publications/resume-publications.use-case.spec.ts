import { describe, expect, it } from 'vitest';
import { publication, publicationHarness } from '../publication.fixture.js';
import type { PublicationWorld } from '../publication.fixture.js';
import { ResumePublicationsUseCase } from './resume-publications.use-case.js';

const AT = new Date('2026-12-01T00:00:00Z');
const inFlight = [publication('publishing', { id: 'pub-1', run: 2, scheduledAt: AT }), publication('scheduled', { id: 'pub-2', scheduledAt: AT })];

function resume(world: PublicationWorld) {
  const { publications, queue, logger, log } = publicationHarness(world);
  return { useCase: new ResumePublicationsUseCase(publications, queue, logger), log };
}

describe('ResumePublicationsUseCase', () => {
  it('ensures a job for every publication in flight: at once when publishing, at its time when scheduled', async () => {
    const { useCase, log } = resume({ inFlight, jobs: 'restarted' });
    expect(await useCase.execute()).toEqual({ resumed: 2, inFlight: 2 });
    expect(log).toEqual(['ensure pub-1 run 2', `ensure pub-2 run 0 at ${AT.toISOString()}`]);
  });

  it('counts nothing resumed when every job is live (a restart costs nothing)', async () => {
    const { useCase } = resume({ inFlight, jobs: 'live' });
    expect(await useCase.execute()).toEqual({ resumed: 0, inFlight: 2 });
  });

  it('does nothing when nothing is in flight', async () => {
    const { useCase, log } = resume({});
    expect(await useCase.execute()).toEqual({ resumed: 0, inFlight: 0 });
    expect(log).toEqual([]);
  });
});
