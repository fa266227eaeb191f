import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@sanshen/kernel';
import { RecordingOutbox, transitionOver } from '@sanshen/messaging';
import type { Logger } from 'pino';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import type { PublicationRepository } from '../../persistence/publication.repository.js';
import type { PortalRetractOutcome, PortalTarget } from '../push-publication/portal-target.js';
import { PublicationTransition } from '../publication-transition.js';
import { AuthorizeRetractionUseCase } from './authorize-retraction.use-case.js';

const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';

function person(userId: string, roles: Role[], agencyId = 'ag-1'): Actor {
  return { userId, agencyId, agencyName: '机关', departmentId: null, roles, oversees: [], displayName: userId };
}

function published(changes: Partial<PublicationOrmEntity> = {}): PublicationOrmEntity {
  return {
    id: 'pub-1',
    documentId: DOC,
    version: 1,
    contentHash: `sha256:${'a'.repeat(64)}`,
    agencyId: 'ag-1',
    state: 'published',
    eventSeq: 8,
    run: 0,
    correlationId: 'c-1',
    causeEventId: null,
    scheduledAt: null,
    receiptUrl: 'http://portal/items/x',
    publishedAt: new Date(),
    receiptContentHash: null,
    failureReason: null,
    retractReason: '内容有误',
    retractRequestedBy: 'u-publisher',
    retractRequestedAt: new Date(),
    retractAuthorizedBy: null,
    retractedAt: null,
    correctionStartedAt: null,
    correctionStartedBy: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...changes,
  } as PublicationOrmEntity;
}

interface Harness {
  useCase: AuthorizeRetractionUseCase;
  log: string[];
  outbox: RecordingOutbox;
}

/** Strict fakes that record the order of what happened; anything unexpected throws. */
function harness(publication: PublicationOrmEntity | null, portal: PortalRetractOutcome): Harness {
  const log: string[] = [];
  let current = publication;
  const repository = {
    findLatestForDocument: async () => current,
    findById: async () => current,
    attemptsOf: async () => [],
    lockAsRead: async () => current,
    move: async (_manager: unknown, read: PublicationOrmEntity, to: string, changes: Partial<PublicationOrmEntity>) => {
      log.push(`transition ${read.state}→${to} seq ${read.eventSeq + 1}`);
      current = { ...read, ...changes, state: to, eventSeq: read.eventSeq + 1 } as PublicationOrmEntity;
    },
  } as unknown as PublicationRepository;
  const outbox = new RecordingOutbox(log);
  const target: PortalTarget = {
    name: 'fake',
    push: async () => {
      throw new Error('push must not be called');
    },
    retract: async (retract) => {
      log.push(`portal retract ${retract.publicationId}: ${retract.reason}`);
      return portal;
    },
  };
  const logger = { info: () => undefined, warn: () => undefined } as unknown as Logger;
  return { useCase: new AuthorizeRetractionUseCase(new PublicationTransition(transitionOver(outbox), repository), repository, target, logger), log, outbox };
}

const RETRACTED: PortalRetractOutcome = { ok: true, httpStatus: 201, receipt: { url: 'http://portal/items/x', retractedAt: '2026-11-22T01:00:00.000Z' } };

describe('AuthorizeRetractionUseCase', () => {
  it('withdraws the page at the portal first, then moves to retracted and emits the event', async () => {
    const { useCase, log, outbox } = harness(published(), RETRACTED);
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
    const { useCase, log } = harness(published({ retractRequestedBy: 'u-both' }), RETRACTED);
    await expect(useCase.execute(person('u-both', ['principal', 'publisher']), { documentId: DOC }, 'c')).rejects.toMatchObject({
      code: 'PUBLICATION.SECOND_PERSON_REQUIRED',
    });
    expect(log).toEqual([]);
  });

  it.each([
    ['a publisher', person('u-x', ['publisher']), published(), 'DOCUMENT.ROLE_NOT_ALLOWED'],
    ['another agency', person('u-x', ['principal'], 'ag-2'), published(), 'PUBLICATION.NOT_FOUND'],
    ['no request', person('u-x', ['principal']), published({ retractReason: null, retractRequestedBy: null }), 'PUBLICATION.RETRACTION_NOT_REQUESTED'],
    ['a correction in progress', person('u-x', ['principal']), published({ correctionStartedAt: new Date() }), 'DOCUMENT.INVALID_TRANSITION'],
    ['a failed publication', person('u-x', ['principal']), published({ state: 'publish_failed' }), 'DOCUMENT.INVALID_TRANSITION'],
  ])('refuses %s without touching the portal', async (_label, who, publication, code) => {
    const { useCase, log } = harness(publication, RETRACTED);
    await expect(useCase.execute(who, { documentId: DOC }, 'c')).rejects.toMatchObject({ code });
    expect(log).toEqual([]);
  });

  it('changes nothing when the portal cannot retract, so the principal can try again', async () => {
    const { useCase, log } = harness(published(), { ok: false, kind: 'retryable', httpStatus: 503, error: 'down' });
    await expect(useCase.execute(person('u-principal', ['principal']), { documentId: DOC }, 'c')).rejects.toMatchObject({
      code: 'PUBLICATION.PORTAL_UNAVAILABLE',
    });
    expect(log).toEqual(['portal retract pub-1: 内容有误']);
  });
});
