import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, contentHashOf, documentEventName } from '@sanshen/contracts';
import type { Actor, CreateDocumentRequest, DocumentView } from '@sanshen/contracts';
import { EventOutbox, assertTransition } from '@sanshen/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { annualReportTitle, newAnnualReportContent, newArticleContent } from '../../content/document-content.js';
import { DocumentVersionOrmEntity } from '../../persistence/document-version.orm-entity.js';
import { DocumentOrmEntity } from '../../persistence/document.orm-entity.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { documentFacts } from '../document-facts.js';
import { toDocumentView } from '../document-view.js';

/** A drafter starts a document for their own department: version 1, event `created` (sequence 1). */
@Injectable()
export class CreateDocumentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, request: CreateDocumentRequest, correlationId: string): Promise<DocumentView> {
    const status = assertTransition(null, 'created', actor);
    if (actor.departmentId === null) throw new DomainError('DOCUMENT.NOT_IN_SCOPE', { reason: 'no department' });
    const { content, title } =
      request.kind === 'article'
        ? (() => {
            const article = newArticleContent(request);
            return { content: article, title: article.title };
          })()
        : { content: newAnnualReportContent(request.year), title: annualReportTitle(actor.agencyName, request.year) };
    const document = Object.assign(new DocumentOrmEntity(), {
      id: randomUUID(),
      agencyId: actor.agencyId,
      agencyName: actor.agencyName,
      departmentId: actor.departmentId,
      authorId: actor.userId,
      kind: request.kind,
      title,
      year: request.kind === 'annual_report' ? request.year : null,
      status,
      version: 1,
      contentHash: contentHashOf(content),
      eventSeq: 1,
    });
    const version = Object.assign(new DocumentVersionOrmEntity(), {
      documentId: document.id,
      version: 1,
      content: content as unknown as Record<string, unknown>,
      contentHash: document.contentHash,
      title,
      createdBy: actor.userId,
    });
    await this.dataSource.transaction(async (manager) => {
      if (document.kind === 'annual_report') await this.refuseSecondReport(manager, document);
      await this.documents.insert(manager, document, version);
      await this.outbox.emit(manager, [
        {
          type: documentEventName('created'),
          documentId: document.id,
          sequence: document.eventSeq,
          actor,
          correlationId,
          payload: documentFacts(document),
          occurredAt: new Date(),
        },
      ]);
    });
    this.outbox.published();
    const stored = await this.documents.findById(document.id);
    return toDocumentView(stored ?? document, content);
  }

  private async refuseSecondReport(manager: EntityManager, document: DocumentOrmEntity): Promise<void> {
    const existing = await manager.findOne(DocumentOrmEntity, {
      where: { agencyId: document.agencyId, kind: 'annual_report', year: document.year ?? undefined },
    });
    if (existing) {
      throw new DomainError('DOCUMENT.INVALID_TRANSITION', { existingId: existing.id }, `本单位${document.year}年的年度报告已存在`);
    }
  }
}
