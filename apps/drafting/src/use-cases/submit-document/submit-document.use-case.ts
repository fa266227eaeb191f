import { Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { Actor, DocumentView, SubmitDocumentRequest } from '@sanshen/contracts';
import { EventOutbox, assertTransition } from '@sanshen/platform';
import { DataSource } from 'typeorm';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertDrafterOf, assertVersion, assertVisible } from '../document-access.js';
import { documentFacts } from '../document-facts.js';
import { toDocumentView } from '../document-view.js';

/**
 * The drafter hands the exact version over to review: draft → pending_l1, event `submitted`.
 * From here the review service owns the document until it comes back.
 */
@Injectable()
export class SubmitDocumentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, request: SubmitDocumentRequest, correlationId: string): Promise<DocumentView> {
    const document = await this.dataSource.transaction(async (manager) => {
      const found = await this.documents.findForUpdate(manager, request.documentId);
      assertVisible(actor, found);
      assertDrafterOf(actor, found);
      assertVersion(found, request.version);
      found.status = assertTransition(found.status, 'submitted', actor);
      found.eventSeq += 1;
      await this.documents.save(manager, found);
      await this.outbox.emit(manager, [
        {
          type: documentEventName('submitted'),
          documentId: found.id,
          sequence: found.eventSeq,
          actor,
          correlationId,
          payload: { ...documentFacts(found), submitterId: actor.userId, warningsExplanation: null },
          occurredAt: new Date(),
        },
      ]);
      return found;
    });
    this.outbox.published();
    const version = await this.documents.findVersion(document.id, document.version);
    return toDocumentView(document, version?.content ?? null);
  }
}
