import { describe, expect, it } from 'vitest';
import type { Actor } from '@sanshen/kernel';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import { AGENCY, DOC, person, publication, publicationHarness, retractionRequested } from '../publication.fixture.js';
import type { PublicationWorld } from '../publication.fixture.js';
import { RequestRetractionUseCase } from './request-retraction.use-case.js';

const publisher = person('u-publisher', ['publisher']);
const published = publication('published', { receiptUrl: 'http://portal/items/x', publishedAt: new Date('2026-11-21T00:00:00Z') });

function requestRetraction(world: PublicationWorld) {
  const { documentTransition, publications, logger, log, outbox } = publicationHarness(world);
  return { useCase: new RequestRetractionUseCase(documentTransition, publications, logger), log, outbox };
}

describe('RequestRetractionUseCase', () => {
  it('records the publisher’s request and reason on the locked publication and tells the principals; the state does not move', async () => {
    const { useCase, log, outbox } = requestRetraction({ current: published });
    const view = await useCase.execute(publisher, { documentId: DOC, reason: '内容有误' }, 'c-1');
    expect(log).toEqual([
      `transition published→published seq ${published.eventSeq + 1}`,
      `emit document.publication.retraction_requested #${published.eventSeq + 1}`,
      'published',
    ]);
    expect(outbox.emitted[0]?.payload).toMatchObject({ publicationId: published.id, reason: '内容有误', requestedBy: 'u-publisher' });
    expect(view).toMatchObject({ state: 'published', retraction: { reason: '内容有误', requestedBy: 'u-publisher', authorizedBy: null, retractedAt: null } });
  });

  it('replaces the reason of a request not yet authorized', async () => {
    const { useCase } = requestRetraction({ current: retractionRequested() });
    const view = await useCase.execute(person('u-other', ['publisher']), { documentId: DOC, reason: '更正后撤回' }, 'c-1');
    expect(view.retraction).toMatchObject({ reason: '更正后撤回', requestedBy: 'u-other' });
  });

  it.each<[string, Actor, PublicationOrmEntity | null, string]>([
    ['no publication', publisher, null, 'PUBLICATION.NOT_FOUND'],
    ['another agency', person('u-publisher', ['publisher'], { agencyId: `${AGENCY}-other` }), published, 'PUBLICATION.NOT_FOUND'],
    ['a principal', person('u-principal', ['principal']), published, 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['a publication still publishing', publisher, publication('publishing'), 'DOCUMENT.INVALID_TRANSITION'],
    ['a retracted publication', publisher, publication('retracted'), 'DOCUMENT.INVALID_TRANSITION'],
    ['a correction in progress', publisher, { ...published, correctionStartedAt: new Date() }, 'DOCUMENT.INVALID_TRANSITION'],
  ])('refuses %s and records nothing', async (_label, who, current, code) => {
    const { useCase, log } = requestRetraction({ current });
    await expect(useCase.execute(who, { documentId: DOC, reason: '内容有误' }, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });

  it('reports a publication that moved meanwhile as a conflict', async () => {
    const { useCase } = requestRetraction({ current: published, movedMeanwhile: true });
    await expect(useCase.execute(publisher, { documentId: DOC, reason: '内容有误' }, 'c')).rejects.toMatchObject({ code: 'DOCUMENT.VERSION_CONFLICT' });
  });
});
