import { Inject, Injectable } from '@nestjs/common';
import { documentSections } from '@sanshen/content-checks';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { CheckDocumentRequest, ContentFindingView, ContentScanReply, ContentScanRequest, DocumentCheckView } from '@sanshen/contracts';
import { contentFindingKey, DomainError } from '@sanshen/kernel';
import type { Actor, DocumentKind } from '@sanshen/kernel';
import { ROOT_LOGGER, ServiceClient } from '@sanshen/platform';
import type { Logger } from 'pino';
import { isAnnualReportContent } from '../../content/annual-report-content.js';
import { articleOf } from '../../content/document-content.js';
import { DocumentRepository } from '../../persistence/document.repository.js';
import { assertVisible } from '../document-access.js';
import { PreviousYearReports } from '../previous-year-report.js';
import { checkAnnualReport, checkArticle, scanWithStarterDictionary } from './document-checks.js';

/**
 * Runs the consistency rules (annual reports, strict mode, with last year's report when the system
 * has it) and the content checks (every kind) over one version. The content checks use the secrecy
 * service's live dictionary, so drafters see what the secrecy officer will; when that service cannot
 * be reached the built-in starter dictionary stands in (`dictionaryVersion: null`). Read-only: anyone
 * who may see the document may check it.
 */
@Injectable()
export class CheckDocumentUseCase {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly previousYear: PreviousYearReports,
    private readonly services: ServiceClient,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(actor: Actor, request: CheckDocumentRequest, correlationId: string): Promise<DocumentCheckView> {
    const document = await this.documents.findById(request.documentId);
    assertVisible(actor, document);
    const versionNumber = request.version ?? document.version;
    const version = await this.documents.findVersion(document.id, versionNumber);
    if (version === null) throw new DomainError('DOCUMENT.NOT_FOUND', { version: versionNumber });
    let local: Omit<DocumentCheckView, 'documentId' | 'version'>;
    if (document.kind === 'article') {
      local = checkArticle(articleOf(version.content));
    } else {
      if (!isAnnualReportContent(version.content)) throw new DomainError('ANNUAL_REPORT.NOT_AN_ANNUAL_REPORT');
      local = checkAnnualReport(version.content, await this.previousYear.find(document.agencyId, version.content.year));
    }
    const live = await this.liveScan(actor, document.kind, version.content, version.createdAt, correlationId);
    return {
      documentId: document.id,
      version: versionNumber,
      ...local,
      findings: withKeys(live?.findings ?? local.findings),
      dictionaryVersion: live?.dictionaryVersion ?? null,
    };
  }

  /** The content-check findings of a version (the live dictionary, else the starter one), each with its key. */
  async contentFindings(actor: Actor, kind: DocumentKind, content: unknown, createdAt: Date, correlationId: string): Promise<ContentFindingView[]> {
    const live = await this.liveScan(actor, kind, content, createdAt, correlationId);
    if (live !== null) return withKeys(live.findings);
    return withKeys(scanWithStarterDictionary(documentSections(kind, content)));
  }

  private async liveScan(
    actor: Actor,
    kind: DocumentKind,
    content: unknown,
    createdAt: Date,
    correlationId: string,
  ): Promise<ContentScanReply | null> {
    const payload: ContentScanRequest = { sections: documentSections(kind, content), documentDate: createdAt.toISOString().slice(0, 10) };
    try {
      return await this.services.send<ContentScanReply, ContentScanRequest>(SECRECY_RPC.previewScan, { actor, correlationId, payload });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'SERVICE.UNAVAILABLE') throw error;
      this.logger.warn({ correlationId }, 'secrecy service unavailable: content checks ran with the starter dictionary');
      return null;
    }
  }
}

function withKeys(findings: ContentFindingView[]): ContentFindingView[] {
  return findings.map((finding) => ({ ...finding, key: contentFindingKey(finding) }));
}
