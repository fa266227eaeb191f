import { Inject, Injectable } from '@nestjs/common';
import { PUBLICATION_INFO_EVENTS } from '@sanshen/contracts';
import type { PublicationView, RetractionRequest, RetractionRequestedPayload } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { documentStatusFor } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { eventActorOf } from '../event-actor.js';
import { toPublicationView } from '../get-publication/publication-view.js';

/**
 * 撤稿, first step: a publisher of the document's agency asks for the published document to be
 * withdrawn, with a reason. The state does not move; the principal authorizes it
 * (AuthorizeRetractionUseCase). Asking again before the authorization replaces the reason. Each
 * request is recorded with the informational event `document.publication.retraction_requested` on the
 * document's sequence (the principals are notified; the ledger keeps it).
 */
@Injectable()
export class RequestRetractionUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly publications: PublicationRepository,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: RetractionRequest, correlationId: string): Promise<PublicationView> {
    const publication = await this.publications.findLatestForDocument(request.documentId);
    if (publication === null || publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    if (!actor.roles.includes('publisher')) throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { allowed: ['publisher'] });
    const at = new Date();
    await this.transition.run({
      lock: (manager) => this.publications.lockAsRead(manager, publication),
      decide: async (locked, manager) => {
        const status = documentStatusFor(locked);
        if (status !== 'published') throw new DomainError('DOCUMENT.INVALID_TRANSITION', { status });
        await this.publications.move(manager, locked, locked.state, { retractReason: request.reason, retractRequestedBy: actor.userId, retractRequestedAt: at });
        return { version: locked.version, contentHash: locked.contentHash, publicationId: locked.id, reason: request.reason, requestedBy: actor.userId } satisfies RetractionRequestedPayload;
      },
      emit: (payload, locked) => [
        {
          type: PUBLICATION_INFO_EVENTS.retractionRequested,
          documentId: locked.documentId,
          sequence: locked.eventSeq + 1,
          actor: eventActorOf(actor),
          correlationId,
          causationId: null,
          payload,
          occurredAt: at,
        },
      ],
    });
    this.logger.info(
      { documentId: publication.documentId, publicationId: publication.id, userId: actor.userId, correlationId },
      'retraction requested',
    );
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
