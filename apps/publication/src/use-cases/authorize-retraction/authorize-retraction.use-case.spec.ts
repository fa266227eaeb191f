import { describe, expect, it } from 'vitest';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import type { PortalRetractOutcome } from '../push-publication/portal-target.js';
import { DOC, person, publicationHarness, RETRACTED, retractionRequested } from '../publication.fixture.js';
import { AuthorizeRetractionUseCase } from './authorize-retraction.use-case.js';

function harness(current: PublicationOrmEntity | null, outcome: PortalRetractOutcome) {
  const { transition, publications, portal, logger, log, outbox } = publicationHarness({
    current,
    portal: {
      retract: async (retract) => {
        log.push(`portal retract ${retract.publicationId}: ${retract.reason}`);
        return outcome;
      },
    },
  });
  return { useCase: new AuthorizeRetractionUseCase(transition, publications, portal, logger), log, outbox };
}

describe('AuthorizeRetractionUseCase', () => {
  it('withdraws the page at the portal first, then moves to retracted and emits the event', async () => {
    const { useCase, log, outbox } = harness(retractionRequested(), RETRACTED);
    const view = await useCase.execute(person('u-principal', ['principal']), { documentId: DOC }, 'c-2');
    expect(log).toEqual([
      'portal retract pub-1: 内容有误',
      'transition published→retracted seq 9',
      'emit document.retracted #9',
      'published',
    ]);
    expect(outbox.emitted[0].payload).toMatchObject({ authorizedBy: 'u-principal', requestedBy: 'u-publisher', reason: '内容有误' });
    expect(view.state).toBe('retracted');
    expect(view.retraction).toMatchObject({ authorizedBy: 'u-principal', retractedAt: '2026-11-22T01:00:00.000Z' });
  });

  it('refuses the requester authorizing their own request', async () => {
    const { useCase, log } = harness(retractionRequested({ retractRequestedBy: 'u-both' }), RETRACTED);
    await expect(useCase.execute(person('u-both', ['principal', 'publisher']), { documentId: DOC }, 'c')).rejects.toMatchObject({
      code: 'PUBLICATION.SECOND_PERSON_REQUIRED',
    });
    expect(log).toEqual([]);
  });

  it.each([
    ['a publisher', person('u-x', ['publisher']), retractionRequested(), 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['another agency', person('u-x', ['principal'], { agencyId: 'ag-2' }), retractionRequested(), 'PUBLICATION.NOT_FOUND'],
    ['no request', person('u-x', ['principal']), retractionRequested({ retractReason: null, retractRequestedBy: null }), 'PUBLICATION.RETRACTION_NOT_REQUESTED'],
    ['a correction in progress', person('u-x', ['principal']), retractionRequested({ correctionStartedAt: new Date() }), 'DOCUMENT.INVALID_TRANSITION'],
    ['a failed publication', person('u-x', ['principal']), retractionRequested({ state: 'publish_failed' }), 'DOCUMENT.INVALID_TRANSITION'],
  ])('refuses %s without touching the portal', async (_label, who, publication, code) => {
    const { useCase, log } = harness(publication, RETRACTED);
    await expect(useCase.execute(who, { documentId: DOC }, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });

  it('changes nothing when the portal cannot retract, so the principal can try again', async () => {
    const { useCase, log } = harness(retractionRequested(), { ok: false, kind: 'retryable', httpStatus: 503, error: 'down' });
    await expect(useCase.execute(person('u-principal', ['principal']), { documentId: DOC }, 'c')).rejects.toMatchObject({
      code: 'PUBLICATION.PORTAL_UNAVAILABLE',
    });
    expect(log).toEqual(['portal retract pub-1: 内容有误']);
  });
});
