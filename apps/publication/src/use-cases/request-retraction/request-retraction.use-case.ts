import { Inject, Injectable } from '@nestjs/common';
import { PUBLICATION_INFO_EVENTS } from '@sanshen/contracts';
import type { PublicationView, RetractionRequest, RetractionRequestedPayload } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { EventOutbox, ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { documentStatusFor } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { eventActorOf } from '../event-actor.js';
import { toPublicationView } from '../get-publication/publication-view.js';

/**
 * 撤稿, first step: a publisher of the document's agency asks for the published document to be
 * withdrawn, with a reason. Nothing moves yet; the principal authorizes it (AuthorizeRetractionUseCase).
 * Asking again before the authorization replaces the reason. Each request is announced with the
 * informational event `document.publication.retraction_requested` (the principals are notified).
 */
@Injectable()
export class RequestRetractionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationRepository,
    private readonly outbox: EventOutbox,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: RetractionRequest, correlationId: string): Promise<PublicationView> {
    const publication = await this.publications.findLatestForDocument(request.documentId);
    if (publication === null || publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    if (!actor.roles.includes('publisher')) throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { allowed: ['publisher'] });
    const status = documentStatusFor(publication);
    if (status !== 'published') throw new DomainError('DOCUMENT.INVALID_TRANSITION', { status });
    const at = new Date();
    const recorded = await this.dataSource.transaction(async (manager) => {
      if (!(await this.publications.requestRetraction(manager, publication, { reason: request.reason, by: actor.userId, at }))) return false;
      const payload: RetractionRequestedPayload = {
        version: publication.version,
        contentHash: publication.contentHash,
        publicationId: publication.id,
        reason: request.reason,
        requestedBy: actor.userId,
      };
      await this.outbox.emit(manager, [
        {
          type: PUBLICATION_INFO_EVENTS.retractionRequested,
          documentId: publication.documentId,
          sequence: publication.eventSeq + 1,
          actor: eventActorOf(actor),
          correlationId,
          causationId: null,
          payload,
          occurredAt: at,
        },
      ]);
      return true;
    });
    if (!recorded) throw new DomainError('DOCUMENT.VERSION_CONFLICT', { documentId: request.documentId });
    this.outbox.published();
    this.logger.info(
      { documentId: publication.documentId, publicationId: publication.id, userId: actor.userId, correlationId },
      'retraction requested',
    );
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
