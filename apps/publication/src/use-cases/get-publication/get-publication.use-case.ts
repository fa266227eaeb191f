import { Injectable } from '@nestjs/common';
import type { PublicationRequest, PublicationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { PublicationRepository } from '../../persistence/publication.repository.js';
import { toPublicationView } from './publication-view.js';

/** The latest publication of a document, for anyone signed in to the document's agency. */
@Injectable()
export class GetPublicationUseCase {
  constructor(private readonly publications: PublicationRepository) {}

  async execute(actor: Actor, request: PublicationRequest): Promise<PublicationView> {
    const found = await this.publications.findLatestWithAttempts(request.documentId);
    // Another agency's document is reported exactly like a missing one.
    if (found === null || found.publication.agencyId !== actor.agencyId) {
      throw new DomainError('PUBLICATION.NOT_FOUND', { documentId: request.documentId });
    }
    return toPublicationView(found.publication, found.attempts);
  }
}
