import { Injectable } from '@nestjs/common';
import type { DocumentVersionView, GetVersionRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertContentReadable, assertVisible } from '../document-access.js';
import { toVersionView } from '../document-view.js';

/** One stored version, exactly as it was signed (publication fetches what it pushes from here). */
@Injectable()
export class GetVersionUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: GetVersionRequest): Promise<DocumentVersionView> {
    const document = await this.documents.findById(request.documentId);
    assertContentReadable(actor, document);
    const version = await this.documents.findVersion(document.id, request.version);
    if (version === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: request.version });
    return toVersionView(document, version);
  }

  async list(actor: Actor, documentId: string): Promise<Omit<DocumentVersionView, 'content'>[]> {
    const document = await this.documents.findById(documentId);
    assertVisible(actor, document);
    const versions = await this.documents.listVersions(documentId);
    return versions.map((version) => {
      const { content: _content, ...rest } = toVersionView(document, version);
      return rest;
    });
  }
}
