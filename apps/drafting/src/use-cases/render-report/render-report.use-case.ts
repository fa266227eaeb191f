import { Injectable } from '@nestjs/common';
import { contentToReport, isAnnualReportContent, renderReportHtml, toReportJson } from '@sanshen/annual-report';
import type { RenderedReportView, RenderReportRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVisible } from '../document-access.js';

/** One version of an annual report as a printable page in the national layout, and as schema JSON. */
@Injectable()
export class RenderReportUseCase {
  constructor(private readonly documents: DocumentRepository) {}

  async execute(actor: Actor, request: RenderReportRequest): Promise<RenderedReportView> {
    const document = await this.documents.findById(request.documentId);
    assertVisible(actor, document);
    const versionNumber = request.version ?? document.version;
    const version = await this.documents.requestedVersion(document, versionNumber);
    if (document.kind !== 'annual_report' || !isAnnualReportContent(version.content)) {
      throw new DomainError('ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT');
    }
    const report = contentToReport(version.content);
    return { documentId: document.id, version: versionNumber, html: renderReportHtml(report), data: toReportJson(report) };
  }
}
