import { Inject, Injectable } from '@nestjs/common';
import type { PublicationRequest, PublicationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform';
import { assertTransition } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { documentStatusFor } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { eventActorOf } from '../event-actor.js';
import { toPublicationView } from '../get-publication/publication-view.js';
import { PORTAL_TARGET } from '../push-publication/portal-target.js';
import type { PortalTarget } from '../push-publication/portal-target.js';
import { PublicationTransition } from '../publication-transition.js';

/**
 * 撤稿, second step: the principal of the document's agency — a second person, not the requester —
 * authorizes a publisher's request. The portal withdraws the page first (signed `POST /api/retract`,
 * idempotent, so a principal can simply try again after a failure); then published → retracted and
 * `document.retracted` commit together.
 */
@Injectable()
export class AuthorizeRetractionUseCase {
  constructor(
    private readonly transition: PublicationTransition,
    private readonly publications: PublicationRepository,
    @Inject(PORTAL_TARGET) private readonly target: PortalTarget,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: PublicationRequest, correlationId: string): Promise<PublicationView> {
    const publication = await this.publications.findLatestForDocument(request.documentId);
    if (publication === null || publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    // Checked before the portal is asked, and again on the locked publication.
    assertTransition(documentStatusFor(publication), 'retracted', actor);
    const { retractReason: reason, retractRequestedBy: requestedBy } = publication;
    if (reason === null || requestedBy === null) throw new DomainError('PUBLICATION.RETRACTION_NOT_REQUESTED', { documentId: request.documentId });
    if (requestedBy === actor.userId) throw new DomainError('PUBLICATION.SECOND_PERSON_REQUIRED', { requestedBy });

    const outcome = await this.target.retract({ documentId: publication.documentId, publicationId: publication.id, reason });
    if (!outcome.ok) {
      this.logger.warn(
        { documentId: publication.documentId, publicationId: publication.id, httpStatus: outcome.httpStatus, error: outcome.error, correlationId },
        'portal did not retract',
      );
      throw new DomainError(outcome.kind === 'retryable' ? 'PUBLICATION.PORTAL_UNAVAILABLE' : 'PUBLICATION.PORTAL_REFUSED', {
        httpStatus: outcome.httpStatus,
      });
    }
    const retractedAt = new Date(outcome.receipt.retractedAt);
    await this.transition.run(publication, {
      event: 'retracted',
      to: 'retracted',
      by: actor,
      details: { reason, authorizedBy: actor.userId, requestedBy },
      context: { actor: eventActorOf(actor), correlationId, causationId: null },
      changes: { retractAuthorizedBy: actor.userId, retractedAt },
    });
    this.logger.info(
      { documentId: publication.documentId, publicationId: publication.id, requestedBy, authorizedBy: actor.userId, correlationId },
      'retracted',
    );
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
