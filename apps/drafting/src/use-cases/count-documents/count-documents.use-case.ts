import { Injectable } from '@nestjs/common';
import type { DocumentCountsView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentRepository } from '../../persistence/document.repository.js';

/**
 * The agency's documents counted by status and kind, for its system administrator: metadata without
 * titles or content (the administrator reads no document, 三员分立).
 */
@Injectable()
export class CountDocumentsUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor): Promise<DocumentCountsView> {
    if (!actor.roles.includes('admin')) throw new DomainError('DOCUMENT.ROLE_NOT_ALLOWED', { required: 'admin' });
    return { items: await this.documents.countByStatus(actor.agencyId) };
  }
}
