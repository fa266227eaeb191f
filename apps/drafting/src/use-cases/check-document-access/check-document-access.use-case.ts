import { Injectable } from '@nestjs/common';
import type { DocumentAccessView, GetDocumentRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVisible } from '../document-access.js';

/**
 * May the actor read this document at all? The gateway asks before it sends a document's request to
 * the service that owns that part of it (review, secrecy, publication), so every route answers an
 * invisible document with the same 404, before any work is done.
 */
@Injectable()
export class CheckDocumentAccessUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: GetDocumentRequest): Promise<DocumentAccessView> {
    const document = await this.documents.findById(request.documentId);
    assertVisible(actor, document);
    return {
      documentId: document.id,
      departmentId: document.departmentId,
      status: document.status,
      agencyId: document.agencyId,
      version: document.version,
      reachedSecrecy: document.reachedSecrecy,
      cleared: document.cleared,
    };
  }
}
