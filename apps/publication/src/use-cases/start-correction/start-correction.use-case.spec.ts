import { describe, expect, it } from 'vitest';
import type { Actor } from '@sanshen/kernel';
import { AGENCY, DOC, person, publication, publicationHarness } from '../publication.fixture.js';
import type { PublicationWorld } from '../publication.fixture.js';
import { StartCorrectionUseCase } from './start-correction.use-case.js';

const drafter = person('u-drafter', ['drafter']);
const published = publication('published', { receiptUrl: 'http://portal/items/x', publishedAt: new Date('2026-11-21T00:00:00Z') });

function correct(world: PublicationWorld) {
  const { transition, publications, drafting, logger, log, outbox } = publicationHarness(world);
  return { useCase: new StartCorrectionUseCase(transition, publications, drafting, logger), log, outbox };
}

describe('StartCorrectionUseCase', () => {
  it('reopens the published version for its department’s drafter and hands the document back to drafting; the page stays live', async () => {
    const { useCase, log, outbox } = correct({ current: published });
    const view = await useCase.execute(drafter, { documentId: DOC, reason: '数据有误' }, 'c-3');
    expect(log).toEqual([
      'drafting.access as u-drafter',
      'transition published→published seq 9',
      'emit document.correction_started #9',
      'published',
      'hand-over document.correction_started',
    ]);
    expect(outbox.emitted[0]).toMatchObject({ correlationId: 'c-3', actor: { userId: 'u-drafter' }, payload: { publicationId: 'pub-1', reason: '数据有误' } });
    expect(view).toMatchObject({ state: 'published', receipt: { url: 'http://portal/items/x' } });
    expect(view.correctionStartedAt).not.toBeNull();
  });

  it('records no reason when none is given', async () => {
    const { useCase, outbox } = correct({ current: published });
    await useCase.execute(drafter, { documentId: DOC }, 'c');
    expect(outbox.emitted[0].payload).toMatchObject({ reason: null });
  });

  it.each<[string, Actor, PublicationWorld, string]>([
    ['no publication', drafter, { current: null }, 'PUBLICATION.NOT_FOUND'],
    ['another agency', person('u-drafter', ['drafter'], { agencyId: `${AGENCY}-other` }), { current: published }, 'PUBLICATION.NOT_FOUND'],
    ['a publisher', person('u-publisher', ['publisher']), { current: published }, 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['a correction already started', drafter, { current: { ...published, correctionStartedAt: new Date() } }, 'DOCUMENT.INVALID_TRANSITION'],
    ['a retracted publication', drafter, { current: publication('retracted') }, 'DOCUMENT.INVALID_TRANSITION'],
  ])('refuses %s before asking drafting', async (_label, who, world, code) => {
    const { useCase, log } = correct(world);
    await expect(useCase.execute(who, { documentId: DOC }, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });

  it('refuses a drafter of another department', async () => {
    const { useCase, log } = correct({ current: published });
    await expect(useCase.execute(person('u-drafter', ['drafter'], { departmentId: 'd-2' }), { documentId: DOC }, 'c')).rejects.toMatchObject({
      code: 'DOCUMENT.NOT_IN_SCOPE',
    });
    expect(log).toEqual(['drafting.access as u-drafter']);
  });

  it('refuses a publication another step moved meanwhile (409) and emits nothing', async () => {
    const { useCase, log } = correct({ current: published, movedMeanwhile: true });
    await expect(useCase.execute(drafter, { documentId: DOC }, 'c')).rejects.toMatchObject({ code: 'DOCUMENT.VERSION_CONFLICT' });
    expect(log).toEqual(['drafting.access as u-drafter']);
  });
});
