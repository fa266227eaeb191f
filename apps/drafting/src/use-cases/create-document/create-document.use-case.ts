import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { documentEventName } from '@sanshen/contracts';
import type { CreateDocumentRequest, DocumentView } from '@sanshen/contracts';
import { contentHashOf, DomainError } from '@sanshen/kernel';
import type { Actor, DocumentKind } from '@sanshen/kernel';
import { DocumentTransition } from '@sanshen/messaging';
import { assertTransition } from '@sanshen/workflow';
import type { EntityManager } from 'typeorm';
import { newAnnualReportContent } from '../../content/annual-report-content.js';
import { annualReportTitle, newArticleContent } from '../../content/document-content.js';
import type { DocumentContent } from '../../content/document-content.js';
import { DocumentVersionOrmEntity } from '../../persistence/document-version.orm-entity.js';
import { DocumentOrmEntity } from '../../persistence/document.orm-entity.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { documentFacts } from '../document-facts.js';
import { toDocumentView } from '../document-view.js';
import { PreviousYearReports } from '../previous-year-report.js';
import { ArticleCatalogueCheck } from '../catalogue/article-catalogue-check.js';

/** What a new document starts from: built by the caller (a fresh draft, or an imported report). */
export interface NewDocument {
  kind: DocumentKind;
  title: string;
  year: number | null;
  origin: 'drafted' | 'imported';
  /** Built inside the transaction (so it may read last year's report consistently). */
  content: (manager: EntityManager) => Promise<DocumentContent>;
}

/** A drafter starts a document for their own department: version 1, event `created` (sequence 1). */
@Injectable()
export class CreateDocumentUseCase {
  constructor(
    private readonly transition: DocumentTransition,
    private readonly documents: DocumentRepository,
    private readonly previousYear: PreviousYearReports,
    private readonly catalogue: ArticleCatalogueCheck,
  ) {}

  execute(actor: Actor, request: CreateDocumentRequest, correlationId: string): Promise<DocumentView> {
    if (request.kind === 'article') {
      const article = newArticleContent(request);
      const content = async (manager: EntityManager): Promise<DocumentContent> => {
        await this.catalogue.assertChoosable(manager, actor.agencyId, article, null);
        return article;
      };
      return this.create(actor, { kind: 'article', title: article.title, year: null, origin: 'drafted', content }, correlationId);
    }
    const year = request.year;
    return this.create(
      actor,
      {
        kind: 'annual_report',
        title: annualReportTitle(actor.agencyName, year),
        year,
        origin: 'drafted',
        // Carry-over cells come from last year's report when the system holds it (published or imported).
        content: async (manager) => {
          const previous = await this.previousYear.find(actor.agencyId, year, manager);
          return newAnnualReportContent(actor.agencyName, year, previous?.report ?? null).content;
        },
      },
      correlationId,
    );
  }

  async create(actor: Actor, input: NewDocument, correlationId: string): Promise<DocumentView> {
    const status = assertTransition(null, 'created', actor);
    if (actor.departmentId === null) throw new DomainError('DOCUMENT.NOT_IN_SCOPE', { reason: 'no department' });
    const departmentId = actor.departmentId;
    const { decision: created } = await this.transition.run({
      // A new document has no row to lock: the unique (agency, year) index settles a race for a report.
      lock: async (manager) => {
        if (input.kind === 'annual_report' && input.year !== null) await this.refuseSecondReport(manager, actor.agencyId, input.year);
      },
      decide: async (_nothing, manager) => {
        const content = await input.content(manager);
        const document = Object.assign(new DocumentOrmEntity(), {
          id: randomUUID(),
          agencyId: actor.agencyId,
          agencyName: actor.agencyName,
          departmentId,
          authorId: actor.userId,
          kind: input.kind,
          title: input.title,
          year: input.year,
          status,
          version: 1,
          contentHash: contentHashOf(content),
          eventSeq: 1,
          origin: input.origin,
          warningsExplanation: null,
          decidedVersion: null,
          reachedSecrecy: false,
          cleared: false,
          lastReturn: null,
        });
        const version = Object.assign(new DocumentVersionOrmEntity(), {
          documentId: document.id,
          version: 1,
          content,
          contentHash: document.contentHash,
          title: input.title,
          createdBy: actor.userId,
        });
        await this.documents.insert(manager, document, version);
        return { document, content };
      },
      emit: ({ document }) => [
        {
          type: documentEventName('created'),
          documentId: document.id,
          sequence: document.eventSeq,
          actor,
          correlationId,
          payload: documentFacts(document),
          occurredAt: new Date(),
        },
      ],
    }).catch((error: unknown) => {
      // Two drafters creating the same (agency, year) report at once: the unique index decides.
      if (input.kind === 'annual_report' && (error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new DomainError('ANNUAL_REPORT.ALREADY_EXISTS', { year: input.year }, `本单位${input.year}年的年度报告已存在`);
      }
      throw error;
    });
    const { document, content } = created;
    const stored = await this.documents.findById(document.id);
    return toDocumentView(stored ?? document, content);
  }

  private async refuseSecondReport(manager: EntityManager, agencyId: string, year: number): Promise<void> {
    const existing = await this.documents.findAnnualReport(agencyId, year, manager);
    if (existing) {
      throw new DomainError('ANNUAL_REPORT.ALREADY_EXISTS', { existingId: existing.id, year }, `本单位${year}年的年度报告已存在`);
    }
  }
}
