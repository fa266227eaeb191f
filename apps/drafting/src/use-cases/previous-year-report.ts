import { Injectable } from '@nestjs/common';
import type { AnnualReport } from '@sanshen/annual-report';
import type { EntityManager } from 'typeorm';
import { contentToReport, isAnnualReportContent } from '../content/annual-report-content.js';
import { DocumentRepository } from '../persistence/document.repository.js';

export interface PreviousYearReport {
  documentId: string;
  version: number;
  year: number;
  report: AnnualReport;
}

/**
 * The agency's report for year − 1 when the system holds it as a final text: published through
 * Sanshen, or imported from a published report. A draft of last year is not a basis for this year.
 */
@Injectable()
export class PreviousYearReports {
  constructor(private readonly documents: DocumentRepository) {}

  async find(agencyId: string, year: number, manager?: EntityManager): Promise<PreviousYearReport | null> {
    const document = await this.documents.findAnnualReport(agencyId, year - 1, manager);
    if (document === null || (document.status !== 'published' && document.origin !== 'imported')) return null;
    const version = await this.documents.findVersion(document.id, document.version, manager);
    if (version === null || !isAnnualReportContent(version.content)) return null;
    return { documentId: document.id, version: document.version, year: year - 1, report: contentToReport(version.content) };
  }
}
