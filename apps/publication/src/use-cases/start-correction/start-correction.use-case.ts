import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { CorrectionRequest, DocumentAccessView, EventEnvelope, GetDocumentRequest, PublicationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { EventOutbox, ROOT_LOGGER, ServiceClient } from '@sanshen/platform';
import { checkTransition, performersOf } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { publicationEvent } from '../publication-event.js';
import { documentStatusFor } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { eventActorOf } from '../event-actor.js';
import { toPublicationView } from '../get-publication/publication-view.js';

class MovedConcurrently extends Error {}

/**
 * 更正: a drafter of the document's department reopens a published document (published → draft,
 * `document.correction_started`), handing it back to drafting. The page stays live; the corrected
 * version goes through 三审 and 保密审查 again and, once published, replaces it with a 更正说明.
 */
@Injectable()
export class StartCorrectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationRepository,
    private readonly outbox: EventOutbox,
    private readonly drafting: ServiceClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: CorrectionRequest, correlationId: string): Promise<PublicationView> {
    const publication = await this.publications.findLatestForDocument(request.documentId);
    if (publication === null || publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    const transition = checkTransition(documentStatusFor(publication), 'correction_started', performersOf(actor));
    if (!transition.ok) {
      throw new DomainError(transition.error.code, { status: documentStatusFor(publication), ...(transition.error.allowed ? { allowed: transition.error.allowed } : {}) });
    }
    // Who may correct is a question of department: no content is needed here.
    const document = await this.drafting.send<DocumentAccessView, GetDocumentRequest>(DRAFTING_RPC.access, {
      actor,
      correlationId,
      payload: { documentId: request.documentId },
    });
    if (actor.departmentId !== document.departmentId) throw new DomainError('DOCUMENT.NOT_IN_SCOPE');
    let events: EventEnvelope[];
    try {
      events = await this.dataSource.transaction(async (manager) => {
        const moved = await this.publications.transition(manager, publication, 'published', {
          correctionStartedAt: new Date(),
          correctionStartedBy: actor.userId,
        });
        if (!moved) throw new MovedConcurrently();
        return this.outbox.emit(manager, [
          publicationEvent(
            publication,
            'correction_started',
            { reason: request.reason ?? null },
            { actor: eventActorOf(actor), correlationId: correlationId, causationId: null },
          ),
        ]);
      });
    } catch (error) {
      if (error instanceof MovedConcurrently) throw new DomainError('DOCUMENT.VERSION_CONFLICT', { documentId: request.documentId });
      throw error;
    }
    await this.outbox.handOver(events);
    this.logger.info({ documentId: publication.documentId, publicationId: publication.id, userId: actor.userId, correlationId }, 'correction started');
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
