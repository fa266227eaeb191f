import { Inject, Injectable } from '@nestjs/common';
import type { PublicationView, RetractionRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ROOT_LOGGER } from '@sanshen/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { documentStatusFor } from '../../persistence/publication.orm-entity.js';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { toPublicationView } from '../get-publication/publication-view.js';

/**
 * 撤稿, first step: a publisher of the document's agency asks for the published document to be
 * withdrawn, with a reason. Nothing moves yet; the principal authorizes it (AuthorizeRetractionUseCase).
 * Asking again before the authorization replaces the reason.
 */
@Injectable()
export class RequestRetractionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationRepository,
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
    const recorded = await this.publications.requestRetraction(this.dataSource.manager, publication.id, {
      reason: request.reason,
      by: actor.userId,
      at: new Date(),
    });
    if (!recorded) throw new DomainError('DOCUMENT.VERSION_CONFLICT', { documentId: request.documentId });
    this.logger.info(
      { documentId: publication.documentId, publicationId: publication.id, userId: actor.userId, correlationId },
      'retraction requested',
    );
    const updated = await this.publications.findById(publication.id);
    if (updated === null) throw new Error(`publication ${publication.id} vanished`);
    return toPublicationView(updated, await this.publications.attemptsOf(publication.id));
  }
}
