import { describe, expect, it } from 'vitest';
import type { Actor } from '@sanshen/kernel';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import { AGENCY, DOC, person, publication, publicationHarness } from '../publication.fixture.js';
import { RetryPublicationUseCase } from './retry-publication.use-case.js';

const publisher = person('u-publisher', ['publisher']);
const failed = publication('publish_failed', { run: 1, failureReason: '门户返回 500' });

function retry(current: PublicationOrmEntity | null) {
  const { transition, publications, queue, logger, log, outbox, current: now } = publicationHarness({ current });
  return { useCase: new RetryPublicationUseCase(transition, publications, queue, logger), log, outbox, now };
}

describe('RetryPublicationUseCase', () => {
  it('starts a new run: publishing again, its job queued in the transaction, publish_retried recorded as the run’s cause', async () => {
    const { useCase, log, outbox, now } = retry(failed);
    const view = await useCase.execute(publisher, { documentId: DOC }, 'c-2');
    // The job waits for the commit, then starts at once.
    expect(log).toEqual(['transition publish_failed→publishing seq 9', 'enqueue pub-1 run 2 awaiting commit', 'emit document.publish_retried #9', 'published', 'start now pub-1 run 2']);
    expect(outbox.emitted[0]).toMatchObject({ correlationId: 'c-2', actor: { userId: 'u-publisher' }, payload: { publicationId: 'pub-1', version: 1 } });
    expect(now()).toMatchObject({ run: 2, failureReason: null, correlationId: 'c-2', causeEventId: outbox.emitted[0].id });
    expect(view.state).toBe('publishing');
  });

  it.each<[string, Actor, PublicationOrmEntity | null, string]>([
    ['no publication', publisher, null, 'PUBLICATION.NOT_FOUND'],
    ['another agency', person('u-publisher', ['publisher'], { agencyId: `${AGENCY}-other` }), failed, 'PUBLICATION.NOT_FOUND'],
    ['a principal', person('u-principal', ['principal']), failed, 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['a publication that did not fail', publisher, publication('published'), 'DOCUMENT.INVALID_TRANSITION'],
    ['a publication already publishing', publisher, publication('publishing'), 'DOCUMENT.INVALID_TRANSITION'],
  ])('refuses %s and queues nothing', async (_label, who, current, code) => {
    const { useCase, log } = retry(current);
    await expect(useCase.execute(who, { documentId: DOC }, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });

  it('refuses a publication another step moved meanwhile (409) and queues nothing', async () => {
    const { transition, publications, queue, logger, log } = publicationHarness({ current: failed, movedMeanwhile: true });
    await expect(new RetryPublicationUseCase(transition, publications, queue, logger).execute(publisher, { documentId: DOC }, 'c')).rejects.toMatchObject({
      code: 'DOCUMENT.VERSION_CONFLICT',
    });
    expect(log).toEqual([]);
  });
});
