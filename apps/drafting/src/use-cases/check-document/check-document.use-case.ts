import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/contracts';
import type { Actor, ArticleContent, CheckDocumentRequest, DocumentCheckView } from '@sanshen/contracts';
import { isAnnualReportContent } from '../../content/annual-report-content.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVisible } from '../document-access.js';
import { PreviousYearReports } from '../previous-year-report.js';
import { checkAnnualReport, checkArticle } from './document-checks.js';

/**
 * Runs the consistency rules (annual reports, strict mode, with last year's report when the system
 * has it) and the content checks (every kind) over one version. Read-only: anyone who may see the
 * document may check it.
 */
@Injectable()
export class CheckDocumentUseCase {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly previousYear: PreviousYearReports,
  ) {}

  async execute(actor: Actor, request: CheckDocumentRequest): Promise<DocumentCheckView> {
    const document = await this.documents.findById(request.documentId);
    assertVisible(actor, document);
    const versionNumber = request.version ?? document.version;
    const version = await this.documents.findVersion(document.id, versionNumber);
    if (version === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: versionNumber });
    if (document.kind === 'article') {
      return { documentId: document.id, version: versionNumber, ...checkArticle(version.content as unknown as ArticleContent) };
    }
    if (!isAnnualReportContent(version.content)) throw new DomainError('ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT');
    const previous = await this.previousYear.find(document.agencyId, version.content.year);
    return { documentId: document.id, version: versionNumber, ...checkAnnualReport(version.content, previous) };
  }
}
