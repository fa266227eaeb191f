import { Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { DocumentView, ReviseDocumentRequest } from '@sanshen/contracts';
import { contentHashOf, DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentTransition, writeBehind } from '@sanshen/messaging';
import { assertTransition } from '@sanshen/workflow';
import { isAnnualReportContent, reviseAnnualReportContent } from '../../content/annual-report-content.js';
import { articleOf, reviseArticleContent } from '../../content/document-content.js';
import type { DocumentContent } from '../../content/document-content.js';
import { DocumentVersionOrmEntity } from '../../persistence/document-version.orm-entity.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertDrafterOf, assertEditable, assertVersion, assertVisible } from '../document-access.js';
import { documentFacts } from '../document-facts.js';
import { toDocumentView } from '../document-view.js';
import { ArticleCatalogueCheck } from '../catalogue/article-catalogue-check.js';

/** An edit of a draft makes a new version (new hash, every signature void) and emits `revised`. */
@Injectable()
export class ReviseDocumentUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly documents: DocumentRepository,
    private readonly catalogue: ArticleCatalogueCheck,
  ) {}

  execute(actor: Actor, request: ReviseDocumentRequest, correlationId: string): Promise<DocumentView> {
    return this.reviseWith(actor, request.documentId, request.version, correlationId, (kind, current) => this.revise(kind, current, request.content));
  }

  /**
   * The one path of a drafter's change to a draft (an edit, an attachment added or removed): the
   * caller's `change` turns the current content into the next; a different hash is a new version.
   */
  async reviseWith(
    actor: Actor,
    documentId: string,
    version: number,
    correlationId: string,
    change: (kind: string, current: DocumentContent) => DocumentContent,
  ): Promise<DocumentView> {
    const { decision: result } = await this.transition.run({
      lock: (manager) => this.documents.findForUpdate(manager, documentId),
      decide: async (document, manager) => {
        assertVisible(actor, document);
        assertDrafterOf(actor, document);
        assertEditable(document);
        const current = await manager.findOneOrFail(DocumentVersionOrmEntity, {
          where: { documentId: document.id, version: document.version },
        });
        assertVersion(document, version, { actorId: actor.userId, latestBy: current.createdBy });
        assertTransition(document.status, 'revised', actor);
        const content = change(document.kind, current.content);
        const contentHash = contentHashOf(content);
        if (contentHash === document.contentHash) return { document, content, previousVersion: null };
        if (document.kind === 'article') await this.catalogue.assertChoosable(manager, document.agencyId, articleOf(content), articleOf(current.content));
        const previousVersion = document.version;
        document.version += 1;
        document.contentHash = contentHash;
        document.eventSeq += 1;
        if (document.kind === 'article') document.title = articleOf(content).title;
        const next = Object.assign(new DocumentVersionOrmEntity(), {
          documentId: document.id,
          version: document.version,
          content,
          contentHash,
          title: document.title,
          createdBy: actor.userId,
        });
        // Sent behind, as the document's row: the transition's COMMIT confirms them.
        writeBehind(manager, this.documents.insertVersion(manager, next));
        writeBehind(manager, this.documents.save(manager, document));
        return { document, content, previousVersion };
      },
      // An unchanged content is no new version: nothing to emit.
      emit: ({ document, previousVersion }) =>
        previousVersion === null
          ? []
          : [
              {
                type: documentEventName('revised'),
                documentId: document.id,
                sequence: document.eventSeq,
                actor,
                correlationId,
                payload: { ...documentFacts(document), previousVersion },
                occurredAt: new Date(),
              },
            ],
    });
    return toDocumentView(result.document, result.content);
  }

  private revise(kind: string, current: DocumentContent, patch: Record<string, unknown>): DocumentContent {
    if (kind === 'article') return reviseArticleContent(articleOf(current), patch);
    if (!isAnnualReportContent(current)) throw new DomainError('ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT');
    return reviseAnnualReportContent(current, patch);
  }
}
