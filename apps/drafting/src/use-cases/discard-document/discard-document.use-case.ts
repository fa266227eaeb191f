import { Injectable } from '@nestjs/common';
import type { DiscardDocumentRequest, DocumentView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { assertTransition } from '@sanshen/workflow';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVersion, assertVisible } from '../document-access.js';
import { documentEvent } from '../document-event.js';
import { toDocumentView } from '../document-view.js';

/**
 * 删除草稿: the author or their department head discards a draft that has never been submitted, or
 * has come back to draft, and was never published (never cleared by secrecy review: a cleared document
 * is on its way to, or already on, the portal). It leaves every list and every read, its annual-report
 * year becomes free again, and `document.discarded` (with the reason) keeps its history in the ledger.
 */
@Injectable()
export class DiscardDocumentUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly documents: DocumentRepository,
  ) {}

  async execute(actor: Actor, request: DiscardDocumentRequest, correlationId: string): Promise<DocumentView> {
    const reason = request.reason.trim();
    if (reason === '') throw new DomainError('DOCUMENT.REASON_REQUIRED');
    const { decision: document } = await this.transition.run(
      {
        lock: (manager) => this.documents.findForUpdate(manager, request.documentId),
        decide: async (found, manager) => {
          assertVisible(actor, found);
          const isAuthor = found.authorId === actor.userId && actor.roles.includes('drafter');
          const isHead = actor.roles.includes('dept_head') && actor.departmentId === found.departmentId;
          if (!isAuthor && !isHead) throw new DomainError('DOCUMENT.NOT_IN_SCOPE', { allowed: ['author', 'dept_head'] });
          if (found.cleared) throw new DomainError('DOCUMENT.NOT_DISCARDABLE', { reason: 'published' });
          if (found.status !== 'draft') throw new DomainError('DOCUMENT.NOT_DISCARDABLE', { status: found.status });
          assertVersion(found, request.version);
          found.status = assertTransition(found.status, 'discarded', actor);
          found.eventSeq += 1;
          await this.documents.save(manager, found);
          return found;
        },
        emit: (found) => [documentEvent(found, 'discarded', { version: found.version, contentHash: found.contentHash, reason }, { actor, correlationId })],
      },
      { handOver: true },
    );
    return toDocumentView(document, null);
  }
}
