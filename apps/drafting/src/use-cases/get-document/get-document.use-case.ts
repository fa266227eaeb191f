import { Injectable } from '@nestjs/common';
import type { DocumentView, GetDocumentRequest } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVisible } from '../document-access.js';
import { toDocumentView } from '../document-view.js';

@Injectable()
export class GetDocumentUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: GetDocumentRequest): Promise<DocumentView> {
    const found = await this.documents.findWithCurrentVersion(request.documentId);
    const document = found?.document ?? null;
    assertVisible(actor, document);
    const version = found?.version ?? null;
    return toDocumentView(document, version?.content ?? null, version?.findingExplanations ?? []);
  }
}
