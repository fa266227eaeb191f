import { Inject, Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { CorrectionRequest, DocumentAccessView, GetDocumentRequest, PublicationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ROOT_LOGGER, ServiceClient } from '@sanshen/platform';
import { assertTransition } from '@sanshen/workflow';
import type { Logger } from 'pino';
import { documentStatusFor } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { eventActorOf } from '../event-actor.js';
import { toPublicationView } from '../get-publication/publication-view.js';
import { PublicationTransition } from '../publication-transition.js';

/**
 * 更正: a drafter of the document's department reopens a published document (published → draft,
 * `document.correction_started`), handing it back to drafting. The page stays live; the corrected
 * version goes through 三审 and 保密审查 again and, once published, replaces it with a 更正说明.
 */
@Injectable()
export class StartCorrectionUseCase {
  constructor(
    private readonly transition: PublicationTransition,
    private readonly publications: PublicationRepository,
    private readonly drafting: ServiceClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: CorrectionRequest, correlationId: string): Promise<PublicationView> {
    const publication = await this.publications.findLatestForDocument(request.documentId);
    if (publication === null || publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    // Checked before drafting is asked, and again on the locked publication.
    assertTransition(documentStatusFor(publication), 'correction_started', actor);
    // Who may correct is a question of department: no content is needed here.
    const document = await this.drafting.send<DocumentAccessView, GetDocumentRequest>(DRAFTING_RPC.access, {
      actor,
      correlationId,
      payload: { documentId: request.documentId },
    });
    if (actor.departmentId !== document.departmentId) throw new DomainError('DOCUMENT.NOT_IN_SCOPE');
    await this.transition.run(
      publication,
      {
        event: 'correction_started',
        to: 'published',
        by: actor,
        details: { reason: request.reason ?? null },
        context: { actor: eventActorOf(actor), correlationId, causationId: null },
        changes: { correctionStartedAt: new Date(), correctionStartedBy: actor.userId },
      },
      { handOver: true },
    );
    this.logger.info({ documentId: publication.documentId, publicationId: publication.id, userId: actor.userId, correlationId }, 'correction started');
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
